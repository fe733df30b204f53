import { describe, expect, it } from 'vitest';
import { citation } from './citation.ts';

const entry = {
  title: 'Mettre en œuvre',
  lang: 'fr' as const,
  date: '2025-01-26',
  dateSource: 'publisher-line' as const,
  publisher: { name: 'Người Lao Động' },
  sourceUrl: 'https://nld.com.vn/a.htm',
  byline: 'Diem My',
};

describe('citation', () => {
  it('names author, title, publisher, date, original, archive and access date', () => {
    expect(citation({ entry, archiveUrl: 'https://ex.org/articles/fr/a/', accessDate: '1 March 2026' })).toBe(
      'Diem My. “Mettre en œuvre”. Người Lao Động, 26 January 2025. Machine translation into French. Original: https://nld.com.vn/a.htm. Archived at https://ex.org/articles/fr/a/. Accessed 1 March 2026.',
    );
  });
  it('marks an inferred date and an unknown one, and leaves the access date to the reader', () => {
    const inferred = citation({ entry: { ...entry, dateSource: 'inferred' }, archiveUrl: 'u' });
    expect(inferred).toContain('[26 January 2025, date inferred]');
    expect(inferred).toContain('Accessed [date of access].');
    const { date: _d, dateSource: _s, ...undated } = entry;
    expect(citation({ entry: undated, archiveUrl: 'u' })).toContain('Người Lao Động, n.d.');
  });
});
