import { describe, expect, it } from 'vitest';
import { buildArchiveIndex, RELATED_COUNT } from './archive-model.ts';
import { assign as topic, curatedTopics as curated, documentTopicFor as documentTopic, makeRecord as article } from '../../tests/unit/support/articles.ts';

describe('buildArchiveIndex', () => {
  const entries = [
    article('fr/undated', { publisher: { name: 'Báo Ninh Thuận', domain: 'baoninhthuan.com.vn' }, topics: [topic('party')] }),
    article('fr/a', { date: '2025-01-26', translationKey: 'k1', publisher: { name: 'Người Lao Động', domain: 'nld.com.vn' }, topics: [topic('party'), topic('doc-18-nq-tw')], documentRefs: ['18-NQ/TW'] }),
    article('ru/a', { date: '2025-01-26', translationKey: 'k1', publisher: { name: 'Người Lao Động', domain: 'nld.com.vn' }, topics: [topic('doc-18-nq-tw')], documentRefs: ['18-NQ/TW'] }),
    article('el/b', { date: '2024-11-30', topics: [topic('hcmc'), topic('doc-18-nq-tw')], documentRefs: ['18-NQ/TW'] }),
  ];
  const index = buildArchiveIndex(entries, curated, documentTopic);

  it('orders everything newest first with undated last', () => {
    expect(index.all.map((a) => a.id)).toEqual(['fr/a', 'ru/a', 'el/b', 'fr/undated']);
    expect(index.undated.map((a) => a.id)).toEqual(['fr/undated']);
    expect(index.dateRange).toEqual({ from: '2024-11-30', to: '2025-01-26' });
  });

  it('indexes by language, year, month and publisher', () => {
    expect(index.byLang.get('fr')?.map((a) => a.id)).toEqual(['fr/a', 'fr/undated']);
    expect(index.byLang.get('el')?.map((a) => a.id)).toEqual(['el/b']);
    expect([...index.byYear.keys()]).toEqual(['2025', '2024']);
    expect(index.byMonth.get('2024-11')?.map((a) => a.id)).toEqual(['el/b']);
    expect([...index.byPublisher.keys()]).toEqual(['baoninhthuan-com-vn', 'nld-com-vn']);
    expect(index.byPublisher.get('nld-com-vn')?.articles.map((a) => a.id)).toEqual(['fr/a', 'ru/a']);
    expect(index.publisherOf('ru/a')?.slug).toBe('nld-com-vn');
    expect(index.publisherOf('el/b')).toBeUndefined();
  });

  it('summarises topics with counts per language, document topics from their reference', () => {
    expect(index.topics.get('doc-18-nq-tw')).toMatchObject({ kind: 'document', count: 3, countsByLang: { fr: 1, ru: 1, el: 1 }, labels: { en: '18-NQ/TW' } });
    expect(index.topics.get('party')).toMatchObject({ count: 2, countsByLang: { fr: 2, ru: 0, el: 0 } });
  });

  it('groups translations by translationKey', () => {
    expect(index.translationsOf('fr/a').map((a) => a.id)).toEqual(['ru/a']);
    expect(index.translationsOf('ru/a').map((a) => a.id)).toEqual(['fr/a']);
    expect(index.translationsOf('el/b')).toEqual([]);
  });

  it('relates older articles by shared topics, rarer topics first, never its own translations', () => {
    // party (2 of 4 articles) is rarer than 18-NQ/TW (3 of 4), so it weighs more.
    expect(index.relatedTo('fr/a').map((a) => a.id)).toEqual(['el/b']);
    expect(index.relatedTo('ru/a').map((a) => a.id)).toEqual(['el/b']);
    // Nothing older shares a topic with el/b; an undated article relates to dated ones.
    expect(index.relatedTo('el/b')).toEqual([]);
    expect(index.relatedTo('fr/undated').map((a) => a.id)).toEqual(['fr/a']);
  });

  it('leaves every related list as it was when newer articles or undated ones arrive', () => {
    const newer = [
      article('fr/new1', { date: '2026-03-01', topics: [topic('hcmc')] }),
      article('el/new2', { date: '2026-03-02', topics: [topic('doc-18-nq-tw')], documentRefs: ['18-NQ/TW'] }),
      // Sorts after fr/undated, and shares its topic.
      article('fr/undated9', { topics: [topic('party')] }),
    ];
    const grown = buildArchiveIndex([...entries, ...newer], curated, documentTopic);
    for (const one of entries) expect(grown.relatedTo(one.id), one.id).toEqual(index.relatedTo(one.id));
    // All three share 18-NQ/TW alone: ties go to the newer article.
    expect(grown.relatedTo('el/new2').map((a) => a.id)).toEqual(['fr/a', 'ru/a', 'el/b']);
    expect(grown.relatedTo('fr/new1').map((a) => a.id)).toEqual(['el/b']);
    expect(grown.relatedTo('fr/undated9').map((a) => a.id)).toEqual(['fr/a']);
  });

  it('caps related articles, an undated article taking the oldest of its topics', () => {
    const many = Array.from({ length: 12 }, (_, i) => article(`fr/n${String(i).padStart(2, '0')}`, { date: `2025-01-${String(20 - i).padStart(2, '0')}`, topics: [topic('party')] }));
    const big = buildArchiveIndex([...many, article('fr/undated', { topics: [topic('party')] })], curated, documentTopic);
    expect(big.relatedTo('fr/n00').map((a) => a.id)).toEqual(['fr/n01', 'fr/n02', 'fr/n03', 'fr/n04', 'fr/n05']);
    expect(big.relatedTo('fr/n11')).toHaveLength(0);
    expect(big.relatedTo('fr/undated').map((a) => a.id)).toEqual(['fr/n11', 'fr/n10', 'fr/n09', 'fr/n08', 'fr/n07']);
  });

  it('picks the same related articles as scoring and sorting every candidate', () => {
    const slugs = ['party', 'hcmc', 'doc-18-nq-tw'];
    const mixed = Array.from({ length: 40 }, (_, i) =>
      article(`fr/m${String(i).padStart(2, '0')}`, {
        ...(i % 3 ? { date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` } : {}),
        translationKey: `k${i % 17}`,
        topics: slugs.filter((_, s) => (i * (s + 3)) % 5 < 2 + s).map(topic),
        documentRefs: ['18-NQ/TW'],
      }),
    );
    const built = buildArchiveIndex(mixed, curated, documentTopic);
    const dated = built.all.filter((a) => a.date !== undefined);
    built.all.forEach((one, own) => {
      // A dated article weighs a topic among the articles from itself to the oldest; an undated
      // one among the dated articles from the topic's newest to the oldest.
      const older = one.date ? built.all.slice(own, dated.length) : dated;
      const weight = (slug: string) => {
        const span = one.date ? older : older.slice(older.findIndex((a) => a.topics.includes(slug)));
        return Math.log(1 + span.length / span.filter((a) => a.topics.includes(slug)).length);
      };
      const mine = new Set(one.topics);
      const expected = older
        .map((other, order) => ({ other, order, score: other.topics.filter((slug) => mine.has(slug)).reduce((sum, slug) => sum + weight(slug), 0) }))
        .filter(({ other }) => other.id !== one.id && other.translationKey !== one.translationKey)
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score || (one.date ? a.order - b.order : b.order - a.order))
        .slice(0, RELATED_COUNT)
        .map(({ other }) => other.id);
      expect(built.relatedTo(one.id).map((a) => a.id), one.id).toEqual(expected);
    });
    // Each list is made when first asked for: asked for in another order, the lists are the same.
    const backwards = buildArchiveIndex(mixed, curated, documentTopic);
    for (const one of [...backwards.all].reverse()) expect(backwards.relatedTo(one.id), one.id).toEqual(built.relatedTo(one.id));
  });

  it('names the article when a topic is undefined or ids collide', () => {
    expect(() => buildArchiveIndex([article('fr/x', { topics: [topic('nowhere')] })], curated, documentTopic)).toThrow(/fr\/x: topic nowhere/);
    expect(() => buildArchiveIndex([article('fr/x'), article('fr/x')], curated, documentTopic)).toThrow(/share the id fr\/x/);
  });
});
