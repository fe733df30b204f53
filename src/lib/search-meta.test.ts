import { describe, expect, it } from 'vitest';
import { searchMetadata } from './search-meta.ts';

const topic = (slug: string) => ({ slug, score: 1, matches: [] });

describe('searchMetadata', () => {
  it('describes a dated article: meta, filters per topic, publisher and year, date sort', () => {
    expect(
      searchMetadata({ lang: 'fr', date: '2025-01-26', publisher: { name: 'Người Lao Động' }, topics: [topic('party'), topic('doc-18-nq-tw')] }),
    ).toEqual({
      meta: [['date', '2025-01-26'], ['lang', 'fr'], ['publisher', 'Người Lao Động']],
      filters: [['language', 'fr'], ['topic', 'doc-18-nq-tw'], ['topic', 'party'], ['publisher', 'Người Lao Động'], ['year', '2025']],
      sort: [['date', '2025-01-26']],
    });
  });
  it('gives an undated article no date, year or sort key', () => {
    expect(searchMetadata({ lang: 'el', topics: [] })).toEqual({ meta: [['lang', 'el']], filters: [['language', 'el']], sort: [] });
  });
});
