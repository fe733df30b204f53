import { describe, expect, it } from 'vitest';
import { combineFacets, type LanguageOutcome } from './facets.ts';

const outcomes: LanguageOutcome[] = [
  { lang: 'fr', count: 3, filters: { topic: { hanoi: 1, 'doc-18-nq-tw': 2 }, publisher: { 'Nhân Dân': 2, 'Người Lao Động': 1 }, year: { '2025': 3 } } },
  { lang: 'ru', count: 1, filters: { topic: { hanoi: 1 }, publisher: { 'Nhân Dân': 1 }, year: {} } },
  { lang: 'el', count: 0, filters: {} },
];

describe('combineFacets', () => {
  it('sums topic, publisher and year counts over every language', () => {
    const facets = combineFacets(outcomes, { q: 'x', sort: 'relevance' });
    expect(facets.lang).toEqual([
      { value: 'fr', count: 3 },
      { value: 'ru', count: 1 },
      { value: 'el', count: 0 },
    ]);
    expect(facets.topic).toEqual([
      { value: 'doc-18-nq-tw', count: 2 },
      { value: 'hanoi', count: 2 },
    ]);
    expect(facets.publisher).toEqual([
      { value: 'Nhân Dân', count: 3 },
      { value: 'Người Lao Động', count: 1 },
    ]);
    expect(facets.year).toEqual([{ value: '2025', count: 3 }]);
  });

  it('counts only the chosen language, but still shows what the others would give', () => {
    const facets = combineFacets(outcomes, { q: 'x', lang: 'ru', sort: 'relevance' });
    expect(facets.lang.map((o) => o.count)).toEqual([3, 1, 0]);
    expect(facets.topic).toEqual([{ value: 'hanoi', count: 1 }]);
    expect(facets.year).toEqual([]);
  });

  it('keeps a chosen value that no hit has, at zero', () => {
    const facets = combineFacets(outcomes, { q: 'x', year: '2019', sort: 'relevance' });
    expect(facets.year).toEqual([
      { value: '2025', count: 3 },
      { value: '2019', count: 0 },
    ]);
  });

  it('lists years newest first', () => {
    const facets = combineFacets(
      [{ lang: 'fr', count: 2, filters: { year: { '2023': 5, '2025': 1, '2024': 2 } } }],
      { q: 'x', sort: 'relevance' },
    );
    expect(facets.year?.map((o) => o.value)).toEqual(['2025', '2024', '2023']);
  });

  it('leaves a filter uncounted (null) until some index has loaded its data', () => {
    const facets = combineFacets(
      [
        { lang: 'fr', count: 2, filters: { topic: { hanoi: 2 } } },
        { lang: 'ru', count: 1, filters: {} },
      ],
      { q: 'x', lang: 'ru', year: '2024', sort: 'relevance' },
    );
    expect(facets.topic).toEqual([]);
    expect(facets.publisher).toBeNull();
    expect(facets.year).toBeNull();
    expect(facets.lang).toEqual([
      { value: 'fr', count: 2 },
      { value: 'ru', count: 1 },
    ]);
  });
});
