import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { parseArticle } from '../schemas/article.ts';
import { toRecord } from './article-record.ts';
import { compareStrings } from './sort.ts';

/** Entry files below `dir`, as ids (`fr/slug`), in code-point order. */
export function entryIds(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length).split(path.sep).join('/'))
    .sort(compareStrings);
}

/**
 * An entry file's digest: its size and modification time. The ingest replaces a changed entry
 * by a rename and never rewrites an unchanged one, so an unchanged digest is an unchanged
 * entry, told without reading it. The modification time (to the nanosecond) is the time of the
 * write that made this version; what copies it along (tar, the CI cache of
 * deploy/github/, `cp -p`, `rsync -t`) copies the bytes with it. The inode is left out: a
 * restored cache gives every file a new one, and every page would then be rendered again.
 */
export function entryDigest(file: string): string {
  const stats = statSync(file);
  return `${stats.size}:${stats.mtimeMs}`;
}

/**
 * Loads the ingest's entry files as article records (src/lib/article-record.ts). Each record's
 * digest is its file's size and modification time (entryDigest): the ingest replaces a changed entry
 * by a rename and never rewrites an unchanged one, so a build after adding a few files reads
 * and validates only those, and the digest tells the article page's cache key when its entry
 * changed. Every entry is validated whole when read; an invalid one fails the build and names
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
        const file = path.join(articlesDir, `${id}.json`);
        const digest = entryDigest(file);
        if (store.get(id)?.digest === digest) continue;
        const article = parseArticle(JSON.parse(readFileSync(file, 'utf8')), file);
        if (article.id !== id) throw new Error(`${file}: entry id ${article.id} does not match its file path (${id})`);
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
