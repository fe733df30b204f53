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
 * sitemap and the loader itself read the whole store.
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
