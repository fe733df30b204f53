/**
 * The ingest's fixed numbers, apart from the pipeline so that the CLI can read them without
 * loading the language models and stemmers (half a second a run, all of an unchanged one's).
 */

/** Bump when a change to the pipeline changes its output, so cached results are redone. */
export const INGEST_VERSION = 3;

/** Above this an article is kept but flagged: real articles are a few dozen KB. */
export const LARGE_FILE_BYTES = 200 * 1024;
/** Above this a file is not read as an article at all: no news article is 2 MB, a dump or a broken scrape is. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/** Less article text than this is a stub (a title and a link), not an article. */
export const MIN_BODY_CHARS = 120;
