import { describe, expect, it } from 'vitest';
import { buildArchiveIndex } from './archive-model.ts';
import { articleContext, articleView, summary } from './article-view.ts';
import { toRecord } from './article-record.ts';
import { assign, curatedTopics, documentTopicFor, makeArticle, makeRecord } from '../../tests/unit/support/articles.ts';

describe('summary', () => {
  it('takes the first paragraph, skipping headings, and cuts long text at a word', () => {
    expect(summary({ body: [{ kind: 'heading', text: 'H' }, { kind: 'paragraph', text: 'First.' }] })).toBe('First.');
    expect(summary({ body: [{ kind: 'paragraph', text: 'aaaa bbbb cccc dddd' }] }, 12)).toBe('aaaa bbbb…');
  });
});

describe('articleView', () => {
  const ruA = makeArticle('ru/a', { translationKey: 'k', topics: [assign('party'), assign('doc-18-nq-tw')], documentRefs: ['18-NQ/TW', '1/2000/XX'], publisher: { name: 'Nhân Dân', domain: 'nhandan.vn' }, sourceUrl: 'https://nhandan.vn/a.html', date: '2025-07-05', dateSource: 'publisher-line' });
  const index = buildArchiveIndex([toRecord(ruA), makeRecord('fr/a', { translationKey: 'k' })], curatedTopics, documentTopicFor);
  const view = articleView(ruA, articleContext(index, toRecord(ruA)));

  it('names curated topics in the article language and links document references to their topic', () => {
    expect(view.topics).toEqual([{ slug: 'party', label: 'Партия', path: 'topics/party/' }]);
    expect(view.documents).toEqual([{ ref: '18-NQ/TW', path: 'topics/doc-18-nq-tw/' }, { ref: '1/2000/XX' }]);
  });

  it('links the publisher page and the other language versions, with hreflang for both', () => {
    expect(view.publisher).toEqual({ name: 'Nhân Dân', path: 'publishers/nhandan-vn/' });
    expect(view.translations.map((t) => t.id)).toEqual(['fr/a']);
    expect(view.alternates).toEqual([{ hreflang: 'fr', path: 'articles/fr/a/' }, { hreflang: 'ru', path: 'articles/ru/a/' }]);
  });

  it('links the preserved raw copy under the base path', () => {
    expect(view.copies.raw.href).toBe(`/raw/${'0'.repeat(64)}.txt`);
  });

  it('gives a lone article no alternates', () => {
    const lone = makeArticle('el/x');
    expect(articleView(lone, articleContext(buildArchiveIndex([toRecord(lone)], curatedTopics, documentTopicFor), toRecord(lone))).alternates).toEqual([]);
  });
});
