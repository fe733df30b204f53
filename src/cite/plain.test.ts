import { describe, expect, it } from 'vitest';
import { plainCitation } from './plain.ts';
import { citableWork } from './work.ts';
import { makeArticle } from '../../tests/unit/support/articles.ts';

const bare = makeArticle('fr/a', { title: 'Mettre en œuvre', sourceUrl: 'https://nld.com.vn/a.htm' });
const entry = { ...bare, date: '2025-01-26', dateSource: 'publisher-line' as const, publisher: { name: 'Người Lao Động' }, byline: 'Diem My' };
const urls = { archiveUrl: 'https://ex.org/articles/fr/a/', rawUrl: 'https://ex.org/raw/0.txt' };

describe('plainCitation', () => {
  it('names author, title, publisher, date, original, archive and access date', () => {
    expect(plainCitation(citableWork(entry, urls, '2026-03-01'))).toBe(
      'Diem My. “Mettre en œuvre”. Người Lao Động, 26 January 2025. Machine translation into French. Original: https://nld.com.vn/a.htm. Archived at https://ex.org/articles/fr/a/. Accessed 1 March 2026.',
    );
  });
  it('marks an inferred date and an unknown one, and leaves the access date to the reader', () => {
    const inferred = plainCitation(citableWork({ ...entry, dateSource: 'inferred' }, urls));
    expect(inferred).toContain('[26 January 2025, date inferred]');
    expect(inferred).toContain('Accessed [date of access].');
    expect(plainCitation(citableWork(bare, urls))).toBe(
      '“Mettre en œuvre”. Unknown publisher, n.d. Machine translation into French. Original: https://nld.com.vn/a.htm. Archived at https://ex.org/articles/fr/a/. Accessed [date of access].',
    );
  });
});
