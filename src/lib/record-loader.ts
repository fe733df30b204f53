import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { readArticle, toRecord } from './article-record.ts';
import { entryDigest, entryFile, entryIds } from './archive-entries.ts';

/**
 * The shape of a stored record (articleRecordSchema), part of every record's digest: Astro's
 * store outlives the code that wrote it and is cleared only when content.config.ts itself
 * changes, so a record of another shape is read again from its entry instead of being trusted.
 */
export const RECORD_FORMAT = 2;

/**
 * Loads the ingest's entry files as article records (src/lib/article-record.ts). Each record's
 * digest is the record's format and its file's size and modification time (entryDigest): the
 * ingest replaces a changed entry by a rename and never rewrites an unchanged one, so a build
 * after adding a few files reads and validates only those, and the digest tells the article
 * page's cache key when its entry changed. Every entry is validated whole when read; an invalid one fails the build and names
 * its file.
 */
export function articleRecords(articlesDir: string): Loader {
  return {
    name: 'article-records',
    load: async ({ store, logger }) => {
      const ids = entryIds(articlesDir);
      const seen = new Set(ids);
      let read = 0;
      for (const id of ids) {
        const file = entryFile(articlesDir, id);
        const digest = `${RECORD_FORMAT}:${entryDigest(file)}`;
        if (store.get(id)?.digest === digest) continue;
        const article = readArticle(articlesDir, id);
        store.set({ id, data: toRecord(article), digest, filePath: path.relative(process.cwd(), file) });
        read++;
      }
      let removed = 0;
      for (const id of store.keys()) {
        if (seen.has(id)) continue;
        store.delete(id);
        removed++;
      }
      logger.info(`${ids.length} entries: ${read} read, ${removed} removed, ${ids.length - read} unchanged`);
    },
  };
}
