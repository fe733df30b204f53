const ARTICLES = 'articles';
const RAW = 'raw';
const CACHE = '.cache';
const ASTRO_CACHE = '.astro-cache';
/** An entry file's name ends so; the rest of its path below `articles/` is the article id. */
export const ENTRY_EXTENSION = '.json';

/**
 * The layout of an archive folder (the ingest's `--out`), relative to it: what the ingest writes,
 * what the site reads and what the build keeps beside them. Every module that names a place in
 * an archive folder takes it from here.
 */
export const archivePaths = {
  articles: ARTICLES,
  raw: RAW,
  /** The entry of an article id (`fr/slug`). */
  entry: (id: string): string => `${ARTICLES}/${id}${ENTRY_EXTENSION}`,
  /** The untouched copy of a raw file, named by the SHA-256 of its bytes. */
  rawCopy: (sha256: string): string => `${RAW}/${sha256}.txt`,
  /** One record per input file: kept, skipped or duplicate, and why. */
  report: 'ingest-report.json',
  /** The build's own caches, each in a folder of its own below `.cache/`. */
  cache: CACHE,
  ingestCache: `${CACHE}/ingest`,
  dataCache: `${CACHE}/data`,
  searchPages: `${CACHE}/search-pages`,
  /** Astro's content store and the pages it restores. */
  astroCache: ASTRO_CACHE,
  /** The article records the pages list, beside Astro's store (src/lib/record-store.ts). */
  articleRecords: `${ASTRO_CACHE}/article-records`,
  /** Each listing route's pages at the last build, by listing (src/lib/listing-pages.ts). */
  listingPages: `${ASTRO_CACHE}/listing-pages`,
  /** Each route's paths and keys at the last build, by group (src/lib/route-table.ts). */
  routeTables: `${ASTRO_CACHE}/route-tables`,
} as const;
