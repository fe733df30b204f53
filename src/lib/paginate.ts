import { cacheKey } from './cache-key.ts';

/**
 * Listings are numbered from the oldest row, and a page ends where the row's own hash says so
 * (content-defined boundaries), never at a fixed count: adding, changing or removing a row
 * changes the page it is on, and at most the page boundary next to it, not every page after
 * it. With a fixed page size counted from the newest, every addition shifted every page.
 * A page holds PAGE_MIN to PAGE_MAX rows, PAGE_MIN + BOUNDARY_ONE_IN (50) on average.
 */
export const PAGE_MIN = 20;
export const PAGE_MAX = 120;
const BOUNDARY_ONE_IN = 30;

export interface Page<T> {
  /** Newest first, as a reader scans them. */
  items: T[];
  /** 1 is the oldest page; the newest has the highest number and lives at the listing's path. */
  number: number;
  newest: boolean;
  /** Page numbers to link; `number` itself among them. */
  window: number[];
  /** Whether pages exist beyond the window: the oldest (1) and the newest are always linked. */
  newestNumber?: number;
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
export function chunk<T>(oldestFirst: readonly T[], keyOf: (row: T) => string): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const row of oldestFirst) {
    current.push(row);
    if (current.length >= PAGE_MAX || (current.length >= PAGE_MIN && hash32(keyOf(row)) % BOUNDARY_ONE_IN === 0)) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  if (chunks.length > 1 && (chunks.at(-1)?.length ?? 0) < PAGE_MIN) {
    const last = chunks.pop() as T[];
    chunks.push([...(chunks.pop() as T[]), ...last]);
  }
  return chunks;
}

/**
 * Pages of a listing given newest first. Only a page's neighbours within two, the oldest and
 * the newest are linked, so a page's links change only when pages near it do.
 */
export function paginate<T>(newestFirst: readonly T[], keyOf: (row: T) => string): Page<T>[] {
  const chunks = chunk([...newestFirst].reverse(), keyOf);
  if (chunks.length === 0) return [{ items: [], number: 1, newest: true, window: [1] }];
  const total = chunks.length;
  return chunks.map((rows, i) => {
    const number = i + 1;
    const window: number[] = [];
    for (let n = Math.max(1, number - 2); n <= Math.min(total, number + 2); n++) window.push(n);
    return {
      items: rows.reverse(),
      number,
      newest: number === total,
      window,
      // Named only where the window does not reach it: the newest page's number changes with
      // each new page, and pages far from it must not change with it.
      ...(number + 2 < total ? {} : { newestNumber: total }),
    };
  });
}

/** The newest page lives at the listing's own path; older pages under `page/<n>/`. */
export function pagePath(listPath: string, page: Pick<Page<unknown>, 'number' | 'newestNumber'>, number: number = page.number): string {
  return number === page.newestNumber ? listPath : `${listPath}page/${number}/`;
}

/**
 * getStaticPaths entries for one listing, each with a cache key over everything its page
 * shows: `props` go to every page, `newestProps` (counts that change with every addition)
 * only to the newest, so older pages stay as they were.
 */
export function paginatedPaths<T, P extends Record<string, string>, Props extends Record<string, unknown>, Newest extends Record<string, unknown> = Record<never, never>>(
  newestFirst: readonly T[],
  keyOf: (row: T) => string,
  params: P,
  props: Props,
  newestProps?: Newest,
) {
  return paginate(newestFirst, keyOf).map((page) => {
    const pageParams = { ...params, page: page.newest ? undefined : `page/${page.number}` };
    const newest: Partial<Newest> = page.newest && newestProps ? newestProps : {};
    const pageProps = { ...props, ...newest, page };
    return { params: pageParams, props: pageProps, cacheKey: cacheKey(pageParams, pageProps) };
  });
}
