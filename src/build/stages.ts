/**
 * Whether the search index is built while `astro build` runs. The two stages share nothing:
 * the index is made from the archive's entries, not from the built pages. At 10,000 files on
 * two cores, Astro alone took 81 s and the pair 76-77 s with the index at `nice` 10, against
 * 111-114 s one after the other, because Astro's main thread waits on its own file writes a
 * quarter of the time. Their memory adds up, though, so they run side by side only when both
 * peaks fit in the budget.
 */
import { INDEX_BYTES_PER_PAGE, MAX_BUNDLE_PAGES } from '../search/bundles.ts';

const GIB = 2 ** 30;
/**
 * `astro build`'s peak for an archive of n entries: 1.2 GiB at 9,830 entries and 4.1 GiB at
 * 98,383 (measured with /usr/bin/time -v and a per-process sampler), a line through both.
 */
const ASTRO_BASE_BYTES = 0.87 * GIB;
const ASTRO_BYTES_PER_ENTRY = 34 * 1024;
/** The search stage's own Node process, beside Pagefind (163 MiB at 9,830 entries). */
const SEARCH_BASE_BYTES = 0.2 * GIB;

/** The priority (`nice`) of the stages beside Astro: they fill Astro's idle time and yield the cores otherwise. */
export const BESIDE_ASTRO_NICENESS = 10;

/** The memory both stages may take together: half the machine, leaving the rest to the system and its file cache. */
export const sideBySideBudget = (totalMemoryBytes: number): number => totalMemoryBytes / 2;

/**
 * True when `astro build` and the search index may run at the same time, given the number of
 * entries per language. The largest bundle is at most the largest language, and at most the
 * cap a language is cut at.
 */
export function searchBesideAstro(entriesPerLang: readonly number[], budgetBytes: number): boolean {
  const entries = entriesPerLang.reduce((sum, n) => sum + n, 0);
  const largestBundle = Math.min(Math.max(0, ...entriesPerLang), MAX_BUNDLE_PAGES);
  const astro = ASTRO_BASE_BYTES + entries * ASTRO_BYTES_PER_ENTRY;
  const search = SEARCH_BASE_BYTES + largestBundle * INDEX_BYTES_PER_PAGE;
  return astro + search <= budgetBytes;
}
