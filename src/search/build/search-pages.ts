/**
 * The scratch folder of search pages Pagefind reads: one small page per entry
 * (`searchDocument`), kept between builds for the entries that did not change.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleUnit } from '../bundles.ts';
import { searchDocument } from '../record.ts';
import { parseArticle, type Lang } from '../../schemas/article.ts';
import { ENTRY_EXTENSION } from '../../config/archive-paths.ts';
import type { NewListing } from '../../lib/entry-listing.ts';
import { compareStrings } from '../../lib/sort.ts';
import { routes } from '../../lib/urls.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * A search page in the scratch folder, by entry file: the entry's digest (entryDigest), the
 * page's path, its language, its month (bundles.ts) and the hash of its text.
 */
export type PageState = [digest: string, page: string, lang: Lang, unit: string, hash: string];

/**
 * The scratch folder Pagefind reads one language's month from: a bundle adds the folders of
 * its months, so a page's path below it is the path of the article's own page.
 */
export const monthDir = (lang: Lang, unit: string): string => path.join(lang, unit || 'undated');

/** The folder a delta bundle is read from: links to its pages, under the same paths below it. */
const DELTA_DIR = '.delta';

/** Reads, validates and writes the search page of the entry `name` (relative to `entriesDir`); `digest` is its file's. */
function writePage(entriesDir: string, scratchDir: string, name: string, digest: string, before: PageState | undefined): PageState {
  const file = path.join(entriesDir, name);
  const entry = parseArticle(JSON.parse(readFileSync(file, 'utf8')), file);
  // Pagefind names a page by its path below the folder it reads: the article's page.
  const unit = bundleUnit(entry.date);
  const page = path.join(monthDir(entry.lang, unit), routes.article(entry.id), 'index.html');
  if (before && before[1] !== page) rmSync(path.join(scratchDir, path.dirname(before[1])), { recursive: true, force: true });
  const html = searchDocument(entry);
  mkdirSync(path.join(scratchDir, path.dirname(page)), { recursive: true });
  writeFileSync(path.join(scratchDir, page), html);
  return [digest, page, entry.lang, unit, sha256(html)];
}

/**
 * Brings the scratch folder's search pages in step with `listing`, the entries in
 * `entriesDir` (src/lib/entry-listing.ts): one page per entry,
 * `<lang>/<month>/articles/<id>/index.html`, where `articles/<id>/` is the article's own page,
 * so Pagefind gives results the article's URL. An entry whose digest is unchanged since
 * `previous` keeps its page unread and unchecked (a bundle to write checks its own,
 * `restorePages`); a changed or new one is read, validated and written (an entry that does not
 * match the article schema stops the build, naming its file); a removed one's page is deleted.
 * With nothing changed, answers `previous` itself. At 10,000 articles, reading and validating
 * every entry took 3.3-6.4 s, writing every page 0.9-1.4 s and deleting them all after the
 * build 2.8-10.8 s (two runs, on a busy machine), on every build. Synchronous: ten thousand
 * small reads and writes, each a thread-pool round trip or four otherwise.
 */
export function updateSearchPages(
  entriesDir: string,
  scratchDir: string,
  previous: Record<string, PageState>,
  listing: NewListing,
  onProgress?: (done: number, total: number) => void,
): Record<string, PageState> {
  const { entries } = listing;
  if (listing.unchanged) {
    onProgress?.(entries.length, entries.length);
    return previous;
  }
  const next: Record<string, PageState> = {};
  let kept = 0;
  for (const [index, [id, digest]] of entries.entries()) {
    onProgress?.(index, entries.length);
    const name = `${id}${ENTRY_EXTENSION}`;
    const before = previous[name];
    if (before && before[0] === digest) {
      next[name] = before;
      kept++;
      continue;
    }
    next[name] = writePage(entriesDir, scratchDir, name, digest, before);
  }
  onProgress?.(entries.length, entries.length);
  let removed = 0;
  for (const [name, [, page]] of Object.entries(previous)) {
    if (name in next) continue;
    rmSync(path.join(scratchDir, path.dirname(page)), { recursive: true, force: true });
    removed++;
  }
  return kept === entries.length && removed === 0 ? previous : next;
}

/** The entries as the pages `previous` were made from, for listEntries: ids and digests, in id order. */
export function listedEntries(pages: Record<string, PageState>): [id: string, digest: string][] {
  return Object.entries(pages)
    .map(([name, [digest]]): [string, string] => [name.slice(0, -ENTRY_EXTENSION.length), digest])
    .sort((a, b) => compareStrings(a[0], b[0]));
}

/**
 * Writes again the pages of `wanted` missing from the scratch folder (deleted by hand, or by a
 * disk cleaner), before Pagefind reads them: `pages` as updateSearchPages gave them. An entry
 * unchanged in size and modification time gives the same page; one that does not was changed
 * behind the build's back, and the build stops, naming it.
 */
export function restorePages(entriesDir: string, scratchDir: string, pages: Record<string, PageState>, wanted: readonly PageState[]): void {
  const missing = wanted.filter(([, page]) => !existsSync(path.join(scratchDir, page)));
  if (missing.length === 0) return;
  const names = new Map(Object.entries(pages).map(([name, state]) => [state[1], name]));
  for (const state of missing) {
    const name = names.get(state[1]);
    if (name === undefined) throw new Error(`search pages: no entry gives ${state[1]}`);
    const again = writePage(entriesDir, scratchDir, name, state[0], state);
    if (again[4] !== state[4]) throw new Error(`${path.join(entriesDir, name)}: changed while its size and modification time did not; build again with --clean`);
  }
}

/**
 * A folder holding exactly these pages (paths as in PageState) under the paths Pagefind
 * reads them by, for a bundle that is not a run of whole months: hard links, so no page is
 * copied. Made afresh on each call.
 */
export function linkPages(scratchDir: string, lang: Lang, pages: readonly PageState[]): string {
  const dir = path.join(scratchDir, DELTA_DIR, lang);
  rmSync(dir, { recursive: true, force: true });
  for (const [, page, , unit] of pages) {
    const below = path.relative(monthDir(lang, unit), page);
    mkdirSync(path.join(dir, path.dirname(below)), { recursive: true });
    linkSync(path.join(scratchDir, page), path.join(dir, below));
  }
  return dir;
}
