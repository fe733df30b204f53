import { describe, expect, it } from 'vitest';
import { coverageFacts, coverageOf, monthKey } from './coverage.ts';

describe('coverageOf', () => {
  it('counts each language per month from the first dated month to the last, gaps as zeros', () => {
    const coverage = coverageOf([
      { lang: 'ru', date: '2024-11-30' },
      { lang: 'fr', date: '2025-02-01' },
      { lang: 'fr', date: '2025-02-28' },
      { lang: 'fr', date: '2024-12-01' },
      { lang: 'el' },
    ]);
    expect(coverage).toEqual({ from: '2024-11', counts: { fr: [0, 1, 0, 2], ru: [1, 0, 0, 0] }, undated: 1 });
  });

  it('crosses years and keeps languages in the archive order whatever order articles come in', () => {
    const coverage = coverageOf([
      { lang: 'el', date: '2023-12-31' },
      { lang: 'fr', date: '2024-01-01' },
    ]);
    expect(Object.keys(coverage.counts)).toEqual(['fr', 'el']);
    expect(coverage).toEqual({ from: '2023-12', counts: { fr: [0, 1], el: [1, 0] }, undated: 0 });
  });

  it('has no months when nothing is dated', () => {
    expect(coverageOf([{ lang: 'fr' }, { lang: 'ru' }])).toEqual({ counts: {}, undated: 2 });
    expect(coverageFacts(coverageOf([{ lang: 'fr' }]))).toEqual({ months: [], langs: [], dated: 0, undated: 1 });
  });
});

describe('coverageFacts', () => {
  it('unpacks months with totals, the dated count and the earliest busiest month', () => {
    const facts = coverageFacts({ from: '2024-12', counts: { fr: [2, 0, 1], el: [0, 0, 1] }, undated: 3 });
    expect(facts.months).toEqual([
      { month: '2024-12', byLang: { fr: 2, el: 0 }, total: 2 },
      { month: '2025-01', byLang: { fr: 0, el: 0 }, total: 0 },
      { month: '2025-02', byLang: { fr: 1, el: 1 }, total: 2 },
    ]);
    expect(facts.langs).toEqual(['fr', 'el']);
    expect(facts.dated).toBe(4);
    expect(facts.undated).toBe(3);
    expect(facts.peak?.month).toBe('2024-12');
  });

  it('writes month keys with four-digit years', () => {
    expect(monthKey(2025 * 12)).toBe('2025-01');
    expect(monthKey(2025 * 12 + 11)).toBe('2025-12');
  });
});
