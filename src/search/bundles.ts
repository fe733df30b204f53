// Types only: the search page imports this file, and the schema's module carries zod.
import type { Lang } from '../schemas/article.ts';
import { UNSTEMMED } from './terms.ts';

/**
 * How the search index is cut into Pagefind bundles. A language is one bundle until it has
 * more than `MAX_BUNDLE_PAGES` articles; then it is cut by month into bundles of at most that
 * many, grouped from the oldest month, so articles added at the newest end change only the
 * last bundle.
 *
 * The cap weighs the build's memory against the search's bytes. Pagefind holds about 0.28 GiB
 * per 1,000 pages while it indexes (one French bundle of 42,365 pages at 100,000 files: 12.2
 * GiB), so 30,000 pages stay near 8.5 GiB. But every bundle of a language costs a query its own
 * index chunk for each word, about 50 KiB whatever the bundle's size: cut at 12,000 pages, the
 * 100,000-file bench peaked at 3.9 GiB and `συνέδριο` cost 196 KiB across three Greek bundles,
 * against 143 KiB from one.
 */
export const MAX_BUNDLE_PAGES = 30_000;

/**
 * What the search stage holds at its peak per page of the bundle it is indexing: Pagefind's
 * CLI took 0.58 GB for 1,904 bench pages and 1.30 GB for 4,297, about 0.28 GiB per 1,000.
 */
const INDEX_BYTES_PER_PAGE = 300 * 1024;
/** The search stage's own Node process, beside Pagefind (163 MiB at 9,830 entries). */
const INDEX_BASE_BYTES = 0.2 * 2 ** 30;

/** What the search stage holds at its peak while Pagefind indexes a bundle of `pages` pages. */
export const indexPeakBytes = (pages: number): number => INDEX_BASE_BYTES + pages * INDEX_BYTES_PER_PAGE;

/** The list of bundles, in the site's `pagefind/`. */
export const BUNDLES_FILE = 'bundles.json';

/** Pagefind's module, in the site's `pagefind/`: the same bytes for every bundle (build/engine-files.ts). */
export const ENGINE_MODULE = 'pagefind.js';

/**
 * The second language key of every bundle's entry: the same index, naming an empty
 * WebAssembly file, for a bundle opened once the engine's WebAssembly is running.
 */
export const SHARED_LANGUAGE = `${UNSTEMMED}-x-shared`;

/**
 * One entry of `bundles.json`: a bundle's folder in `pagefind/`, its language and the pages
 * it indexes. A language's bundles are its bases, holding disjoint runs of months oldest
 * first, then at most one `delta` holding pages of any month (segments.ts). `dead` counts a
 * base's pages listed in the tombstone file: removed, or superseded by the delta.
 */
export interface SearchBundle {
  name: string;
  lang: Lang;
  pages: number;
  delta?: true;
  dead?: number;
}

/**
 * What Pagefind's files start with once gunzipped: the 12 bytes its reader checks, and an
 * already gunzipped file (a host that serves them with `Content-Encoding: gzip`) has.
 */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** The folder of a bundle's fragments (Pagefind's name). */
export const FRAGMENT_DIR = 'fragment';

/**
 * A page's id: a search result's `id`, and its fragment's name below FRAGMENT_DIR. Pages are
 * named by their number in the bundle's page list, below a folder named by the version of the
 * bundle's pages (build/page-list.ts).
 */
export const pageId = (version: string, page: number): string => `${version}/${page}`;

/** The version and the number of a page, from its id. */
export function pageOfId(id: string): { version: string; page: number } {
  const match = /^([^/]+)\/(\d+)$/.exec(id);
  if (!match) throw new Error(`not a search page id: "${id}"`);
  return { version: match[1]!, page: Number(match[2]) };
}

/**
 * The file, below a bundle's folder, of its sort orders: a gzipped Pagefind file of JSON, each
 * sort key to the page numbers it orders, in Pagefind's order, fetched only by a sorted search.
 */
export const sortOrdersFile = (version: string): string => `${FRAGMENT_DIR}/${version}/sorts.pf_sort`;

/** A bundle's sort orders: sort key -> page numbers. */
export type SortOrders = Record<string, number[]>;

/**
 * The tombstone file, in the folder of each bundle that has tombstones: Pagefind id -> that
 * page's filter values. One file a bundle, so a search loads only the bundles' it asks.
 */
export const TOMBSTONES_FILE = 'tombstones.json';

/**
 * The file beside it giving each tombstoned page's filter values, which only a search counting
 * filter values needs: a tombstone's id costs a search about 17 bytes, its values about 280.
 */
export const TOMBSTONE_FILTERS_FILE = 'tombstone-filters.json';

/** A tombstoned page's filter values (key -> values), as Pagefind counted them. */
export type DeadPage = Record<string, string[]>;

/** Every bundle's tombstones: bundle -> Pagefind id -> that page's filter values. */
export type Tombstones = Record<string, Record<string, DeadPage>>;

/**
 * When an update stops adding to the delta and compacts (segments.ts): the delta holds at
 * most `deltaPages` pages of months no base holds, and no more than `staleShare` of its
 * language's pages; a base is rebuilt once more than `staleShare` of its pages are
 * tombstoned or have a newer copy in the delta. Figures in docs/search.md. The search
 * stage reads both from the environment for tests (SEARCH_DELTA_PAGES, SEARCH_STALE_SHARE),
 * as it reads the bundle cap (SEARCH_BUNDLE_PAGES).
 */
export interface SegmentLimits {
  maxBundlePages: number;
  deltaPages: number;
  staleShare: number;
}

export const DEFAULT_SEGMENT_LIMITS: SegmentLimits = { maxBundlePages: MAX_BUNDLE_PAGES, deltaPages: 5_000, staleShare: 0.1 };

/** The limits, with any set in `env` (tests force segments on small archives this way); a malformed value is an error naming it. */
export function segmentLimits(env: Record<string, string | undefined>): SegmentLimits {
  const read = (name: string, fallback: number, expected: string, valid: (value: number) => boolean): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!valid(value)) throw new Error(`${name}: expected ${expected}, got "${raw}"`);
    return value;
  };
  const whole = (least: number) => (value: number) => Number.isInteger(value) && value >= least;
  return {
    maxBundlePages: read('SEARCH_BUNDLE_PAGES', DEFAULT_SEGMENT_LIMITS.maxBundlePages, 'a whole number above 0', whole(1)),
    deltaPages: read('SEARCH_DELTA_PAGES', DEFAULT_SEGMENT_LIMITS.deltaPages, 'a whole number', whole(0)),
    staleShare: read('SEARCH_STALE_SHARE', DEFAULT_SEGMENT_LIMITS.staleShare, 'a share from 0 to 1', (value) => value >= 0 && value <= 1),
  };
}

/** An entry of `bundles.json`: a bundle and what it holds outside its script (word-scripts.ts). */
export interface ListedBundle extends SearchBundle {
  foreign: string[];
}

/** A bundle and the months (`YYYY-MM`, `''` for pages without a date) it holds, oldest first. */
export interface BundlePlan extends SearchBundle {
  units: string[];
}

/** The month a page is grouped by; pages without a date come first, as the oldest. */
export const bundleUnit = (date: string | undefined): string => date?.slice(0, 7) ?? '';

/**
 * The bundles for these page counts (language -> month -> pages), in the order of `langs`
 * and, within a language, oldest first. A language that fits is one bundle named after it;
 * otherwise months are taken in order into a bundle until the next would pass the cap (a
 * month larger than the cap is a bundle of its own), each named after its language and first
 * month. The same counts always give the same bundles.
 */
export function planBundles(langs: readonly Lang[], counts: ReadonlyMap<Lang, ReadonlyMap<string, number>>, maxPages: number = MAX_BUNDLE_PAGES): BundlePlan[] {
  const plans: BundlePlan[] = [];
  for (const lang of langs) {
    const months = [...(counts.get(lang) ?? new Map<string, number>())].filter(([, pages]) => pages > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const total = months.reduce((sum, [, pages]) => sum + pages, 0);
    if (total === 0) continue;
    if (total <= maxPages) {
      plans.push({ name: lang, lang, pages: total, units: months.map(([unit]) => unit) });
      continue;
    }
    let current: BundlePlan | undefined;
    for (const [unit, pages] of months) {
      if (!current || current.pages + pages > maxPages) {
        current = { name: `${lang}-${unit || 'undated'}`, lang, pages: 0, units: [] };
        plans.push(current);
      }
      current.units.push(unit);
      current.pages += pages;
    }
  }
  return plans;
}
