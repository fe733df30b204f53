import type { Loader } from 'astro/loaders';
import { readArticle, toRecord } from './article-record.ts';
import { entryDigest, entryFile, entryIds } from './archive-entries.ts';
import { leaveRecords, readRecords, shardOf, writeRecordShards } from './record-store.ts';

/**
 * The shape of a stored record (articleRecordSchema), part of every record's digest: the record
 * store outlives the code that wrote it, so a record of another shape is read again from its
 * entry instead of being trusted.
 */
export const RECORD_FORMAT = 2;

/**
 * Loads the ingest's entry files as article records (src/lib/article-record.ts) into the
 * record store (src/lib/record-store.ts), which the pages read through archiveIndex(). Astro's
 * own store is left empty of articles: Astro would serialise all of it again whenever one
 * entry changed. Each record's digest is the record's format and its file's size and
 * modification time (entryDigest): the ingest replaces a changed entry by a rename and never
 * rewrites an unchanged one, so a build after adding a few files reads and validates only
 * those and rewrites only their shards, and the digest tells the article page's cache key when
 * its entry changed. Every entry is validated whole when read; an invalid one fails the build
 * and names its file.
 */
export function articleRecords(articlesDir: string, storeDir: string): Loader {
  return {
    name: 'article-records',
    load: async ({ store, logger }) => {
      // Articles a store of an older layout held: Astro would write them out on every sync.
      if (store.keys().length > 0) store.clear();
      const records = readRecords(storeDir);
      const ids = entryIds(articlesDir);
      const seen = new Set(ids);
      const changed = new Set<string>();
      let read = 0;
      for (const id of ids) {
        const file = entryFile(articlesDir, id);
        const digest = `${RECORD_FORMAT}:${entryDigest(file)}`;
        if (records.get(id)?.digest === digest) continue;
        records.set(id, { digest, record: toRecord(readArticle(articlesDir, id)) });
        changed.add(shardOf(id));
        read++;
      }
      let removed = 0;
      for (const id of records.keys()) {
        if (seen.has(id)) continue;
        records.delete(id);
        changed.add(shardOf(id));
        removed++;
      }
      writeRecordShards(storeDir, records, changed);
      leaveRecords(storeDir, records);
      logger.info(`${ids.length} entries: ${read} read, ${removed} removed, ${ids.length - read} unchanged`);
    },
  };
}
