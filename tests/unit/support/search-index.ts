/**
 * What a built site's search index holds, for tests that compare an incremental build with a
 * clean one: the search index differs in its bytes by design (a delta and tombstones,
 * docs/search.md), so it is compared by the pages it indexes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BUNDLES_FILE, FRAGMENT_DIR, TOMBSTONES_FILE, type SearchBundle } from '../../../src/search/bundles.ts';

/** The search index's folder in a site. */
export const SEARCH_DIR = 'pagefind';

/**
 * Per language, each page the site's search index holds that no tombstone removes: its
 * fragment's text (the page as indexed: URL, text, filters, metadata), less Pagefind's id.
 */
export function indexedPages(dist: string): Record<string, string[]> {
  const dir = path.join(dist, SEARCH_DIR);
  const bundles = JSON.parse(readFileSync(path.join(dir, BUNDLES_FILE), 'utf8')) as SearchBundle[];
  const pages: Record<string, string[]> = {};
  for (const { name, lang } of bundles) {
    const tombstoneFile = path.join(dir, name, TOMBSTONES_FILE);
    const tombstones = new Set(existsSync(tombstoneFile) ? (JSON.parse(readFileSync(tombstoneFile, 'utf8')) as string[]) : []);
    const fragments = path.join(dir, name, FRAGMENT_DIR);
    for (const file of readdirSync(fragments, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.pf_fragment') || tombstones.has(file.replace(/\.pf_fragment$/, '').split(path.sep).join('/'))) continue;
      (pages[lang] ??= []).push(gunzipSync(readFileSync(path.join(fragments, file))).toString('utf8'));
    }
  }
  for (const list of Object.values(pages)) list.sort();
  return pages;
}
