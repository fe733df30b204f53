const ARTICLES = 'articles';
const RAW = 'raw';

/** Inside any archive folder (the ingest's `--out`), relative to it: what the ingest writes and the site reads. */
export const archivePaths = {
  articles: ARTICLES,
  raw: RAW,
  /** The entry of an article id (`fr/slug`). */
  entry: (id: string): string => `${ARTICLES}/${id}.json`,
  /** The untouched copy of a raw file, named by the SHA-256 of its bytes. */
  rawCopy: (sha256: string): string => `${RAW}/${sha256}.txt`,
} as const;
