import { describe, expect, it } from 'vitest';
import { buildArchiveIndex } from './archive-model.ts';
import { homeSummary, rowKey, rowLabel, topicLanguages, topicsByKind, translationRows, yearSummaries } from './listings.ts';
import { paginate } from './paginate.ts';
import { createHash } from 'node:crypto';
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

describe('undated rows in a listing', () => {
  // Ids as the ingest makes them, in no order related to the files: a scraper numbers its files.
  const undated = (n: number) => makeRecord(`fr/${createHash('sha256').update(String(n)).digest('hex').slice(0, 12)}`, { topics: [assign('party')], raw: { path: `${String(n).padStart(4, '0')}_x.txt`, sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8' } });
  const dated = Array.from({ length: 300 }, (_, i) => makeRecord(`fr/d${i}`, { date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, topics: [assign('party')] }));
  const pagesOf = (records: ReturnType<typeof makeRecord>[]) => {
    const built = buildArchiveIndex(records, curatedTopics, documentTopicFor);
    return paginate(translationRows(built.byTopic.get('party') ?? []), rowKey, rowLabel).map((page) => JSON.stringify([page.id, page.items.map(([link]) => link.id), page.window]));
  };
  it('go after the dated ones, the last file first, so an update\'s undated files change only the pages around one place', () => {
    const before = [...dated, ...Array.from({ length: 1000 }, (_, i) => undated(i))];
    const after = [...before, ...Array.from({ length: 30 }, (_, i) => undated(1000 + i))];
    const [old, now] = [pagesOf(before), pagesOf(after)];
    const changed = now.filter((page) => !old.includes(page));
    expect(old.length).toBeGreaterThan(20);
    expect(changed.length).toBeLessThanOrEqual(5);
    const built = buildArchiveIndex(after, curatedTopics, documentTopicFor);
    expect(built.undated.slice(0, 2).map((a) => a.file)).toEqual(['1029_x.txt', '1028_x.txt']);
  });
});
