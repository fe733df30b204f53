import { describe, expect, it } from 'vitest';
import { buildArchiveIndex } from './archive-model.ts';
import { homeSummary, topicLanguages, topicsByKind, yearSummaries } from './listings.ts';
import { assign, curatedTopics, documentTopicFor, makeRecord } from '../../tests/unit/support/articles.ts';

const index = buildArchiveIndex(
  [
    makeRecord('fr/a', { date: '2025-07-05', topics: [assign('party'), assign('hcmc')], publisher: { name: 'B', domain: 'b.vn' } }),
    makeRecord('ru/b', { date: '2025-01-26', topics: [assign('party')], publisher: { name: 'A', domain: 'a.vn' } }),
    makeRecord('el/c', { date: '2024-11-30', publisher: { name: 'A', domain: 'a.vn' } }),
    makeRecord('fr/d'),
  ],
  curatedTopics,
  documentTopicFor,
);

describe('yearSummaries', () => {
  it('lists years newest first with their months in calendar order', () => {
    expect(yearSummaries(index)).toEqual([
      { year: '2025', count: 2, months: [{ month: '01', count: 1 }, { month: '07', count: 1 }] },
      { year: '2024', count: 1, months: [{ month: '11', count: 1 }] },
    ]);
  });
});

describe('homeSummary', () => {
  it('counts per language and ranks topics and publishers by size, then name', () => {
    const home = homeSummary(index);
    expect(home.languages).toEqual([{ lang: 'fr', count: 2 }, { lang: 'ru', count: 1 }, { lang: 'el', count: 1 }]);
    expect(home.latest.map(([a]) => a.id)).toEqual(['fr/a', 'ru/b', 'el/c', 'fr/d']);
    expect(home.topTopics.map((t) => t.slug)).toEqual(['party', 'hcmc']);
    expect(home.publishers.map((p) => [p.slug, p.count])).toEqual([['a-vn', 2], ['b-vn', 1]]);
  });
});

describe('topicsByKind', () => {
  it('groups topics by kind in the fixed kind order and leaves empty kinds out', () => {
    expect(topicsByKind(index).map((g) => [g.kind, g.topics.map((t) => t.slug)])).toEqual([
      ['place', ['hcmc']],
      ['organisation', ['party']],
    ]);
  });
  it('gives the languages a topic has articles in', () => {
    const party = index.topics.get('party');
    expect(party && topicLanguages(party)).toEqual(['fr', 'ru']);
  });
});
