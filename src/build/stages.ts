/**
 * How much memory the search index may take while `astro build` runs. The two stages share
 * nothing: the index is made from the archive's entries, not from the built pages. At 10,000
 * files on two cores, Astro alone took 81 s and the pair 76-77 s with the index at `nice` 10,
 * against 111-114 s one after the other, because Astro's main thread waits on its own file
 * writes a quarter of the time. Their memory adds up, though: the search stage always starts
 * beside Astro, and a bundle whose indexing would not fit beside Astro's peak waits for Astro
 * to finish (src/build/search-gate.ts). An update's deltas are small and never wait.
 */

const GIB = 2 ** 30;
/**
 * `astro build`'s peak for an archive of n entries: 1.2 GiB at 9,830 entries and 4.1 GiB at
 * 98,383 (measured with /usr/bin/time -v and a per-process sampler), a line through both.
 */
const ASTRO_BASE_BYTES = 0.87 * GIB;
const ASTRO_BYTES_PER_ENTRY = 34 * 1024;

/** The priority (`nice`) of the stages beside Astro: they fill Astro's idle time and yield the cores otherwise. */
export const BESIDE_ASTRO_NICENESS = 10;

/** The memory both stages may take together: half the machine, leaving the rest to the system and its file cache. */
export const sideBySideBudget = (totalMemoryBytes: number): number => totalMemoryBytes / 2;

/** The bytes the search stage may take while `astro build` runs on an archive of `entries` entries: what Astro's peak leaves of the budget. */
export function searchMemoryBesideAstro(entries: number, budgetBytes: number): number {
  return Math.max(0, budgetBytes - (ASTRO_BASE_BYTES + entries * ASTRO_BYTES_PER_ENTRY));
}
