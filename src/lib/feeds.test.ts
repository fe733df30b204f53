import { describe, expect, it } from 'vitest';
import type { Article } from '../schemas/article.ts';
import { toRecord } from './article-record.ts';
import { feedDescription, feedItems } from './feeds.ts';

const base = {
  lang: 'fr' as const,
  titleSource: 'file' as const,
  translationKey: 'k',
  photoCredits: [],
  tags: [],
  documentRefs: [],
  topics: [],
  raw: { path: 'a.txt', sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8' },
  warnings: [],
};
const dated: Article = { ...base, id: 'fr/a', title: 'A', date: '2025-01-26', body: [{ kind: 'heading', text: 'H' }, { kind: 'paragraph', text: 'First <b>para</b>.' }] };
const undated: Article = { ...base, id: 'fr/b', title: 'B', body: [{ kind: 'paragraph', text: 'Only.' }] };

const read = (id: string): string => feedDescription([dated, undated].find((a) => a.id === id) as Article);

describe('feedItems', () => {
  it('links each article and describes it with its first paragraph as text', () => {
    expect(feedItems([toRecord(dated)], read)).toEqual([{ title: 'A', link: '/articles/fr/a/', description: 'First <b>para</b>.', pubDate: new Date('2025-01-26T00:00:00Z') }]);
  });
  it('gives an undated article no pubDate', () => {
    expect(feedItems([toRecord(undated)], read)[0]).not.toHaveProperty('pubDate');
  });
  it('caps the number of items', () => {
    expect(feedItems([dated, undated].map(toRecord), read, 1)).toHaveLength(1);
  });
});
