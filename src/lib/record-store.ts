import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleRecord } from './article-record.ts';
import { shortHash } from './slug.ts';
import { compareStrings } from './sort.ts';

/**
 * The article records of an archive (src/lib/article-record.ts), each with its entry's digest,
 * kept in shards of their own instead of Astro's content store. Astro writes its store whole
 * after every content sync in which anything changed (devalue over every value of every
 * record, then a read of the old file to compare): at 100,000 articles that was most of the
 * sync, for one entry changed. Here a changed entry rewrites its shard alone, and the records
 * are plain JSON, which the pages parse in a fraction of devalue's time.
 *
 * A shard is `<hex>.json`, an object from article id to `[digest, record]`, ids in code-point
 * order. The articles loader (src/lib/record-loader.ts) is the only writer; the pages, the
 * sitemap and the loader itself read the whole store, the loader from its shards and the others,
 * in the same process, from what the loader left (storedRecords).
 */
export interface StoredRecord {
  digest: string;
  record: ArticleRecord;
}

/**
 * The shard an id is kept in: the last two hex digits of its hash, so 256 shards, at 100,000
 * articles about 250 KB each, and a change rewrites little.
 */
export const shardOf = (id: string): string => shortHash(id).slice(-2);
const SHARD_NAME = /^[0-9a-f]{2}\.json$/;

const shardFile = (dir: string, shard: string): string => path.join(dir, `${shard}.json`);

/**
 * Every stored record, by id. A missing store reads as empty; a shard that cannot be parsed
 * reads as empty too, so its entries are read again from their files and it is written anew.
 */
export function readRecords(dir: string): Map<string, StoredRecord> {
  const records = new Map<string, StoredRecord>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => SHARD_NAME.test(name)).sort(compareStrings);
  } catch {
    return records;
  }
  for (const name of names) {
    let shard: Record<string, [string, ArticleRecord]>;
    try {
      shard = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as typeof shard;
    } catch {
      continue;
    }
    for (const id in shard) {
      const [digest, record] = shard[id] as [string, ArticleRecord];
      records.set(id, { digest, record });
    }
  }
  return records;
}

/**
 * The records the articles loader of this process left, by store folder. `astro build` runs the
 * loader, renders the pages and writes the sitemap in one process, but loads this module more
 * than once (for its config and content sync, and again inside the bundle that renders the
 * pages), so the records are kept on `globalThis`: each shard is then read once per build
 * instead of three times (at 100,000 articles, about 1.3 s each time).
 */
const LEFT_BY_LOADER = Symbol.for('political-news-archive:article-records');
interface LeftByLoader {
  records: ReadonlyMap<string, StoredRecord>;
  digest: string;
}
type Left = Map<string, LeftByLoader>;
const leftByLoader = (): Left => ((globalThis as { [LEFT_BY_LOADER]?: Left })[LEFT_BY_LOADER] ??= new Map());

/** Called by the loader once the store is written: `records` are then what the store holds, `digest` their recordsDigest. */
export function leaveRecords(dir: string, records: ReadonlyMap<string, StoredRecord>, digest: string): void {
  leftByLoader().set(path.resolve(dir), { records, digest });
}

/** Every stored record, by id: what this process's loader left, or else read from the shards. */
export function storedRecords(dir: string): ReadonlyMap<string, StoredRecord> {
  return leftByLoader().get(path.resolve(dir))?.records ?? readRecords(dir);
}

/**
 * A digest of the records alone, their entries' digests left out: it changes when a record
 * (what listings, indexes and related articles are made of) is added, removed or changed,
 * and not when only an entry's body changed. Ids in code-point order, so it does not depend
 * on the order the records were read in.
 */
export function recordsDigest(records: ReadonlyMap<string, StoredRecord>): string {
  const hash = createHash('sha256');
  for (const id of [...records.keys()].sort(compareStrings)) hash.update(`${JSON.stringify((records.get(id) as StoredRecord).record)}\n`);
  return hash.digest('base64url');
}

/**
 * The store's recordsDigest, kept beside the shards (`records-digest.txt`): hashing every
 * record again costs about a second at 100,000 articles, on builds where none changed. The
 * loader is the only writer: it removes the file before writing shards that change a record
 * and writes it again after them, so the file, when there, is the digest of the records the
 * shards hold.
 */
export const RECORDS_DIGEST_FILE = 'records-digest.txt';

export function readRecordsDigest(dir: string): string | undefined {
  try {
    return readFileSync(path.join(dir, RECORDS_DIGEST_FILE), 'utf8') || undefined;
  } catch {
    return undefined;
  }
}

/** The digest of the stored records: what this process's loader left, the kept file, or else computed. */
export function storedRecordsDigest(dir: string): string {
  return leftByLoader().get(path.resolve(dir))?.digest ?? readRecordsDigest(dir) ?? recordsDigest(storedRecords(dir));
}

/**
 * Writes the named shards again from `records`, each to a draft renamed over it, so that a
 * killed build leaves every shard whole, old or new.
 */
export function writeRecordShards(dir: string, records: ReadonlyMap<string, StoredRecord>, shards: ReadonlySet<string>): void {
  if (shards.size === 0) return;
  mkdirSync(dir, { recursive: true });
  const byShard = new Map<string, string[]>([...shards].map((shard) => [shard, []]));
  for (const id of records.keys()) byShard.get(shardOf(id))?.push(id);
  for (const [shard, ids] of byShard) {
    const content: Record<string, [string, ArticleRecord]> = {};
    for (const id of ids.sort(compareStrings)) {
      const { digest, record } = records.get(id) as StoredRecord;
      content[id] = [digest, record];
    }
    const file = shardFile(dir, shard);
    writeFileSync(`${file}.tmp`, JSON.stringify(content));
    renameSync(`${file}.tmp`, file);
  }
}
