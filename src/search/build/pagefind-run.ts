/**
 * One bundle written by Pagefind, and what the build must know of its pages afterwards: the
 * id Pagefind gave each (a result's `id`, known to the search page before any fragment is
 * fetched) and its filter values, which a tombstone carries so the page can subtract them.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { finishBundle } from './engine-files.ts';
import { readPagefindFile } from './pagefind-files.ts';
import { UNSTEMMED } from '../terms.ts';
import { FRAGMENT_DIR, type DeadPage } from '../bundles.ts';
import type { Lang } from '../../schemas/article.ts';

/** A page of a written bundle, by its URL: its Pagefind id and its filter values. */
export type IndexedPages = Record<string, [id: string, filters: DeadPage]>;

/**
 * Indexes the search pages below `dirs` (each a folder whose paths are the pages' URLs) into
 * `bundle`, replacing what was there, and returns its pages. `expected` is the number of
 * pages the build meant it to hold; any other count means something else wrote into the
 * scratch folder, and the build stops (the next run starts that folder afresh).
 */
export async function writeBundle(name: string, lang: Lang, bundle: string, dirs: readonly string[], expected: number): Promise<IndexedPages> {
  rmSync(bundle, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: UNSTEMMED });
  if (!index) throw new Error(`pagefind (${name}): ${errors.join('; ')}`);
  let pageCount = 0;
  for (const dir of dirs) {
    const added = await index.addDirectory({ path: dir, glob: '**/index.html' });
    if (added.errors.length) throw new Error(`pagefind (${name}): ${added.errors.join('; ')}`);
    pageCount += added.page_count;
  }
  if (pageCount !== expected) throw new Error(`pagefind (${name}): ${pageCount} search pages found for ${expected} entries`);
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`pagefind (${name}): ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return indexedPages(bundle, finishBundle(bundle, lang));
}

/** Reads the fragment of each page id: 30,000 small gzip files take a second or two. */
function indexedPages(bundle: string, ids: readonly string[]): IndexedPages {
  const pages: IndexedPages = {};
  for (const id of ids) {
    const file = path.join(bundle, FRAGMENT_DIR, `${id}.pf_fragment`);
    const fragment = JSON.parse(readPagefindFile(file).toString('utf8')) as { url: string; filters: DeadPage };
    const filters = Object.fromEntries(Object.entries(fragment.filters).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, values]) => [key, [...values].sort()]));
    pages[fragment.url] = [id, filters];
  }
  return pages;
}

export async function closePagefind(): Promise<void> {
  await pagefind.close();
}
