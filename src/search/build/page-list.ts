/**
 * Shrinks the page list (`pf_meta`) that Pagefind loads whole before a bundle's first answer.
 *
 * Pagefind writes, for each page, its fragment's name (a 7-hex hash of its text) and its word
 * count, then each sort key's page numbers in that key's order. At 30,000 pages that was 256
 * KiB gzipped: 4.6 bytes a page of random hash, which gzip cannot shrink, 1.6 of word count
 * and 1.6 of the date order. A cold query of a language and every query after it in another
 * paid it. So once Pagefind has written a bundle, its page list is written again with:
 *
 * - **Pages named by their number.** Page `n`'s fragment becomes `fragment/<version>/<n>`
 *   (bundles.ts), which gzip shrinks to about 2 bytes. `<version>` is a digest of every
 *   fragment and sort order of the bundle, so a host or browser that cached another build's
 *   files never serves one of them under this build's name, as Pagefind's content hashes
 *   ensured.
 * - **Word counts to five significant bits** (`roundedCount`): at most 1/32 off. Pagefind uses
 *   a page's count only against the bundle's average (BM25's length normalisation, b = 0.75),
 *   so a score moves by at most 2.4 %, the same way in a clean build and an incremental one.
 * - **Pages numbered by word count** (`pageOrder`), so equal counts sit side by side and gzip
 *   all but drops them. Every list of page numbers is renumbered to match: the index chunks
 *   (word-places.ts), the filter chunks and the sort orders.
 * - **No sort orders.** They go to a file beside the fragments
 *   (`fragment/<version>/sorts.pf_sort`), which only a sorted search fetches; the page then
 *   sorts as Pagefind would have (sort-order.ts).
 *
 * At 100,000 articles the Russian base's page list goes from 256 KiB to 75 KiB.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode, encode } from 'cbor2';
import { FRAGMENT_DIR, pageId, sortOrdersFile, type SortOrders } from '../bundles.ts';
import { CHUNK_LEVEL, listedFiles, pagefindFile, readPagefindFile, rewriteChunks, type PageList } from './pagefind-files.ts';

// Pagefind's folder of filter chunks.
const FILTER_DIR = 'filter';

// Significant bits kept of a page's word count.
const COUNT_BITS = 5;

/** Hex digits of the pages' version in their names: a name's cost in every page list entry. */
const VERSION_DIGITS = 8;

// The sort orders are fetched by sorted searches only, each whole: their smallest form is worth the time.
const SORT_LEVEL = 9;

/** A word count rounded to COUNT_BITS significant bits: at most 1 / 2^COUNT_BITS off. */
export function roundedCount(count: number): number {
  const shift = Math.floor(Math.log2(Math.max(count, 1))) + 1 - COUNT_BITS;
  if (shift <= 0) return count;
  return Math.round(count / 2 ** shift) * 2 ** shift;
}

function fail(file: string, what: string): never {
  throw new Error(`${file}: not a Pagefind page list (${what})`);
}

/**
 * The order of a bundle's pages in its new page list, as `renumber[old] = new`: by rounded
 * word count, then as Pagefind had them. Pages of one count then sit side by side, and gzip
 * shrinks the counts' runs to almost nothing (the Russian base at 100,000 articles: 105 KiB
 * → 74 KiB).
 */
export function pageOrder(list: PageList): number[] {
  const counts = pageCounts(list);
  const order = counts.map((_, page) => page).sort((a, b) => counts[a]! - counts[b]! || a - b);
  const renumber = new Array<number>(order.length);
  order.forEach((old, page) => (renumber[old] = page));
  return renumber;
}

/** The rounded word count of each page of the list, in Pagefind's page order. */
function pageCounts({ file, meta }: PageList): number[] {
  const pages = meta[1];
  if (!Array.isArray(pages)) fail(file, 'no list of pages');
  return pages.map((page: unknown) => {
    if (!Array.isArray(page) || typeof page[0] !== 'string' || typeof page[1] !== 'number') fail(file, 'a page without a name and a word count');
    return roundedCount(page[1]);
  });
}

/**
 * Filter chunks with their pages renumbered: each is [key, [[value, pages]...]], the pages
 * in ascending order (pagefind_web/src/filter_index.rs). Written under names made from their
 * new bytes; returns the page list's entries for them.
 */
function renumberFilters(bundle: string, metaFile: string, filters: unknown[], renumber: readonly number[]): unknown[] {
  const entries = filters.map((entry: unknown) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') fail(metaFile, 'a filter without a key and a name');
    return entry as [string, string, ...unknown[]];
  });
  const renamed = rewriteChunks(bundle, FILTER_DIR, entries.map(([, name]) => name), '.pf_filter', metaFile, (file, bytes) => {
    const chunk = decode(readPagefindFile(file, bytes));
    if (!Array.isArray(chunk) || !Array.isArray(chunk[1])) throw new Error(`${file}: not a Pagefind filter chunk`);
    for (const value of chunk[1] as unknown[]) {
      if (!Array.isArray(value) || !Array.isArray(value[1])) throw new Error(`${file}: not a Pagefind filter chunk (a value without pages)`);
      value[1] = (value[1] as number[]).map((page) => {
        const renumbered = renumber[page];
        if (renumbered === undefined) throw new Error(`${file}: page ${page}, which the page list does not hold`);
        return renumbered;
      }).sort((a, b) => a - b);
    }
    return pagefindFile(encode(chunk), CHUNK_LEVEL);
  });
  return entries.map(([key, , ...rest], index) => [key, renamed[index], ...rest]);
}

/**
 * Renumbers a bundle's pages as `renumber` says (pageOrder; its index chunks are renumbered by
 * trimBundlePlaces), renames its fragments and takes its sort orders out of `list`, as the top
 * of this file says; the caller writes the list. Returns each page's id (a search result's
 * `id`), in the new order. Run on a bundle just written by Pagefind.
 */
export function compactPageList(bundle: string, list: PageList, renumber: readonly number[]): string[] {
  const { file: metaFile, meta } = list;
  const counts = pageCounts(list);
  const pages = meta[1] as unknown[][];
  const [, , , filters, sorts] = meta;
  if (!Array.isArray(filters)) fail(metaFile, 'no list of filters');
  if (!Array.isArray(sorts)) fail(metaFile, 'no list of sorts');
  if (renumber.length !== pages.length) throw new Error(`${metaFile}: ${renumber.length} page numbers for ${pages.length} pages`);
  const fragments = listedFiles(bundle, FRAGMENT_DIR, pages.map((page) => page[0] as string), '.pf_fragment', metaFile);
  const old = new Array<number>(pages.length);
  renumber.forEach((page, number) => (old[page] = number));
  const orders: SortOrders = {};
  for (const sort of sorts) {
    if (!Array.isArray(sort) || typeof sort[0] !== 'string' || !Array.isArray(sort[1])) fail(metaFile, 'a sort without a key and its pages');
    orders[sort[0]] = (sort[1] as number[]).map((page) => renumber[page]!);
  }
  const sortBytes = pagefindFile(Buffer.from(JSON.stringify(orders)), SORT_LEVEL);
  const digest = createHash('sha256');
  for (const page of old) {
    const bytes = readFileSync(fragments[page]!);
    digest.update(`${bytes.length}\0`).update(bytes);
  }
  digest.update(sortBytes);
  const version = digest.digest('hex').slice(0, VERSION_DIGITS);
  mkdirSync(path.join(bundle, FRAGMENT_DIR, version));
  const ids = old.map((page, number) => {
    const id = pageId(version, number);
    renameSync(fragments[page]!, path.join(bundle, FRAGMENT_DIR, `${id}.pf_fragment`));
    return id;
  });
  writeFileSync(path.join(bundle, sortOrdersFile(version)), sortBytes);
  meta[1] = old.map((page, number) => [ids[number], counts[page], ...pages[page]!.slice(2)]);
  meta[3] = renumberFilters(bundle, metaFile, filters, renumber);
  meta[4] = [];
  return ids;
}
