import { cacheKey } from './cache-key.ts';

/**
 * Listings are cut from the oldest row, and a page ends where a row's own hash says so
 * (content-defined boundaries), never at a fixed count: adding, changing or removing a row
 * changes the page it is on, and at most the page boundary next to it, not every page after
 * it. With a fixed page size counted from the newest, every addition shifted every page.
 * A page holds PAGE_MIN to PAGE_MAX rows, PAGE_MIN + BOUNDARY_ONE_IN (50) on average.
 */
export const PAGE_MIN = 20;
export const PAGE_MAX = 120;
const BOUNDARY_ONE_IN = 30;

/** How many rows a chunk holds: at least `min`, at most `max`, a boundary after one row in `oneIn` past `min`. */
export interface ChunkSizes {
  min: number;
  max: number;
  oneIn: number;
}
const LISTING_SIZES: ChunkSizes = { min: PAGE_MIN, max: PAGE_MAX, oneIn: BOUNDARY_ONE_IN };

/** A page of a listing as its neighbours link it. */
export interface PageLink {
  /** The URL segment: the date of the page's oldest row and a hash of that row's key. */
  id: string;
  /** What a link to it reads: the date of its oldest row, or "undated". */
  label: string;
  newest: boolean;
}

export interface Page<T> extends PageLink {
  /** Newest first, as a reader scans them. */
  items: T[];
  /** This page and up to two pages either side, oldest first. */
  window: PageLink[];
}

/** FNV-1a: a fast, stable 32-bit hash; the boundary needs spread, not secrecy. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Splits rows, oldest first, at content-defined boundaries. A short newest chunk joins the
 * one before it, so the listing's first page is never nearly empty.
 */
export function chunk<T>(oldestFirst: readonly T[], keyOf: (row: T) => string, sizes: ChunkSizes = LISTING_SIZES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const row of oldestFirst) {
    current.push(row);
    if (current.length >= sizes.max || (current.length >= sizes.min && hash32(keyOf(row)) % sizes.oneIn === 0)) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  if (chunks.length > 1 && (chunks.at(-1)?.length ?? 0) < sizes.min) {
    const last = chunks.pop() as T[];
    chunks.push([...(chunks.pop() as T[]), ...last]);
  }
  return chunks;
}

/**
 * Pages of a listing given newest first. A page is named by its oldest row, not by a number
 * counted from either end: a page added or merged anywhere would renumber every page after it.
 * A page links its neighbours within two and the newest page, never the oldest or a total,
 * so its links change only when pages near it do.
 */
export function paginate<T>(newestFirst: readonly T[], keyOf: (row: T) => string, labelOf: (row: T) => string): Page<T>[] {
  const chunks = chunk([...newestFirst].reverse(), keyOf);
  if (chunks.length === 0) return [{ id: 'empty', label: '', newest: true, items: [], window: [] }];
  const links: PageLink[] = chunks.map((rows, i) => {
    const oldest = rows[0] as T;
    return { id: `${labelOf(oldest)}-${hash32(keyOf(oldest)).toString(36)}`, label: labelOf(oldest), newest: i === chunks.length - 1 };
  });
  return chunks.map((rows, i) => ({ ...(links[i] as PageLink), items: rows.reverse(), window: links.slice(Math.max(0, i - 2), i + 3) }));
}

/** The newest page lives at the listing's own path; older pages under `page/<id>/`. */
export function pagePath(listPath: string, page: PageLink): string {
  return page.newest ? listPath : `${listPath}page/${page.id}/`;
}

/**
 * getStaticPaths entries for one listing, each with a cache key over everything its page
 * shows: `props` go to every page, `newestProps` (counts that change with every addition)
 * only to the newest, so older pages stay as they were.
 */
export function paginatedPaths<T, P extends Record<string, string>, Props extends Record<string, unknown>, Newest extends Record<string, unknown> = Record<never, never>>(
  newestFirst: readonly T[],
  keyOf: (row: T) => string,
  labelOf: (row: T) => string,
  params: P,
  props: Props,
  newestProps?: Newest,
) {
  return paginate(newestFirst, keyOf, labelOf).map((page) => {
    const pageParams = { ...params, page: page.newest ? undefined : `page/${page.id}` };
    const newest: Partial<Newest> = page.newest && newestProps ? newestProps : {};
    const pageProps = { ...props, ...newest, page };
    return { params: pageParams, props: pageProps, cacheKey: cacheKey(pageParams, pageProps) };
  });
}
