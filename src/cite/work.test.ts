import { describe, expect, it } from 'vitest';
import { citableWork, isoDateFromEpoch, workNote } from './work.ts';

const entry = {
  id: 'fr/a',
  title: 'Mettre en œuvre',
  lang: 'fr' as const,
  date: '2025-01-26',
  dateSource: 'publisher-line' as const,
  publisher: { name: 'Người Lao Động', domain: 'nld.com.vn' },
  sourceUrl: 'https://nld.com.vn/a.htm',
  byline: 'Diem My',
};
const urls = { archiveUrl: 'https://ex.org/articles/fr/a/', rawUrl: 'https://ex.org/raw/0.txt' };

describe('citableWork', () => {
  it('carries what every format needs', () => {
    expect(citableWork(entry, urls, '2026-03-01')).toEqual({
      id: 'fr/a',
      title: 'Mettre en œuvre',
      lang: 'fr',
      publisher: 'Người Lao Động',
      publisherDomain: 'nld.com.vn',
      author: 'Diem My',
      published: '2025-01-26',
      sourceUrl: 'https://nld.com.vn/a.htm',
      ...urls,
      accessed: '2026-03-01',
    });
  });
  it('keeps an inferred date apart from the publication date, and says so in the note', () => {
    const work = citableWork({ ...entry, dateSource: 'inferred' }, urls);
    expect(work.published).toBeUndefined();
    expect(work.inferredDate).toBe('2025-01-26');
    expect(work.accessed).toBeUndefined();
    expect(workNote(work)).toBe(
      'Machine translation into French of a Vietnamese original: https://nld.com.vn/a.htm. Date inferred from the text, not stated by the publisher: 2025-01-26. Preserved raw file: https://ex.org/raw/0.txt.',
    );
  });
});

describe('isoDateFromEpoch', () => {
  it('reads SOURCE_DATE_EPOCH', () => {
    expect(isoDateFromEpoch('1737849600')).toBe('2025-01-26');
    expect(isoDateFromEpoch(undefined)).toBeUndefined();
    expect(isoDateFromEpoch('')).toBeUndefined();
    expect(() => isoDateFromEpoch('yesterday')).toThrow(/whole seconds/);
  });
});
