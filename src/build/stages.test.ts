import { describe, expect, it } from 'vitest';
import { MAX_BUNDLE_PAGES } from '../search/bundles.ts';
import { searchBesideAstro, sideBySideBudget } from './stages.ts';

const GIB = 2 ** 30;
// This project's machines: 24 GiB, so 12 GiB for the pair.
const budget = sideBySideBudget(24 * GIB);

describe('searchBesideAstro', () => {
  it('runs the stages side by side for the bench archives of 10,000 and 30,000 files', () => {
    expect(searchBesideAstro([4297, 3022, 2511], budget)).toBe(true);
    expect(searchBesideAstro([12_900, 9_100, 7_600], budget)).toBe(true);
  });

  it('runs them one after the other at 100,000 files, where Astro (4 GiB) and a bundle at the cap (8.5 GiB) pass 12 GiB', () => {
    expect(searchBesideAstro([42_365, 29_900, 26_118], budget)).toBe(false);
  });

  it('counts a language past the cap as bundles of at most the cap', () => {
    // 70,000 French articles: Astro about 3.1 GiB, the largest bundle at the cap, 8.8 GiB.
    expect(searchBesideAstro([70_000, 0, 0], budget)).toBe(true);
    expect(searchBesideAstro([70_000, 0, 0], 11 * GIB)).toBe(false);
    // As much memory as the same articles in languages no larger than the cap, whatever the budget.
    for (let budgetGib = 4; budgetGib <= 16; budgetGib += 0.25) {
      const split = [MAX_BUNDLE_PAGES, MAX_BUNDLE_PAGES, 70_000 - 2 * MAX_BUNDLE_PAGES];
      expect(searchBesideAstro([70_000, 0, 0], budgetGib * GIB), `${budgetGib} GiB`).toBe(searchBesideAstro(split, budgetGib * GIB));
    }
  });

  it('keeps a small machine sequential where the pair would not fit', () => {
    expect(searchBesideAstro([4297, 3022, 2511], sideBySideBudget(4 * GIB))).toBe(false);
    expect(searchBesideAstro([400, 300, 250], sideBySideBudget(4 * GIB))).toBe(true);
  });

  it('runs side by side when there is nothing to index', () => {
    expect(searchBesideAstro([0, 0, 0], budget)).toBe(true);
  });
});
