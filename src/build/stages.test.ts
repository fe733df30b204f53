import { describe, expect, it } from 'vitest';
import { indexPeakBytes, MAX_BUNDLE_PAGES } from '../search/bundles.ts';
import { searchMemoryBesideAstro, sideBySideBudget } from './stages.ts';

const GIB = 2 ** 30;
// This project's machines: 24 GiB, so 12 GiB for the pair.
const budget = sideBySideBudget(24 * GIB);
/** Whether a bundle of `pages` pages is indexed while Astro runs on `entries` entries. */
const beside = (entries: number, pages: number, budgetBytes = budget) => indexPeakBytes(pages) <= searchMemoryBesideAstro(entries, budgetBytes);

describe('searchMemoryBesideAstro', () => {
  it('lets a language of the 10,000- and 30,000-file bench archives be indexed beside Astro', () => {
    expect(beside(9_830, 4_297)).toBe(true);
    expect(beside(29_600, 12_900)).toBe(true);
  });

  it('at 100,000 files, holds a bundle at the cap (8.8 GiB) until Astro (4 GiB) is done, but not an update\'s delta', () => {
    expect(beside(98_383, MAX_BUNDLE_PAGES)).toBe(false);
    expect(beside(98_383, 1_071)).toBe(true);
    expect(beside(98_383, 5_000)).toBe(true);
  });

  it('keeps a small machine sequential where the pair would not fit', () => {
    expect(beside(9_830, 4_297, sideBySideBudget(4 * GIB))).toBe(false);
    expect(beside(950, 400, sideBySideBudget(4 * GIB))).toBe(true);
  });

  it('leaves nothing, not less than nothing, when Astro alone passes the budget', () => {
    expect(searchMemoryBesideAstro(1_000_000, budget)).toBe(0);
    expect(beside(1_000_000, 0)).toBe(false);
  });
});
