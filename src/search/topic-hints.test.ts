import { describe, expect, it } from 'vitest';
import type { Lang } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';
import { scoreTopics } from '../ingest/steps/topics.ts';
import { buildTopicHints, shardTopicHints, topicLabels, type TopicEntry } from './topic-hints.ts';
import { matchTopicHints, mergeTopicHints, queryShards, topicShard } from './topic-match.ts';

const hanoi: Topic = {
  slug: 'hanoi',
  kind: 'place',
  labels: { en: 'Hanoi', fr: 'Hanoï', ru: 'Ханой', el: 'Ανόι' },
  description: 'The capital.',
  patterns: { fr: ['Hanoï'], ru: ['Хано*'], el: ['Ανόι'], any: [] },
};
const toLam: Topic = {
  slug: 'to-lam',
  kind: 'person',
  labels: { en: 'To Lam', fr: 'To Lam', ru: 'То Лам', el: 'Το Λαμ' },
  description: 'General Secretary.',
  patterns: { fr: [], ru: [], el: [], any: ['To Lam'] },
};
const politburo: Topic = {
  slug: 'politburo',
  kind: 'organisation',
  labels: { en: 'Politburo', fr: 'Bureau politique', ru: 'Политбюро', el: 'Πολιτικό Γραφείο' },
  description: 'The Politburo.',
  patterns: { fr: ['Bureau politique', 'Politburo', 'de'], ru: [], el: [], any: [] },
};

const counts: Record<string, number> = { hanoi: 4, 'to-lam': 2, politburo: 7 };
const curated = [hanoi, toLam, politburo];
const resolution18: TopicEntry = {
  slug: 'doc-18-nq-tw',
  kind: 'document',
  labels: { en: 'Resolution 18-NQ/TW', fr: 'Résolution 18-NQ/TW', ru: 'Резолюция 18-NQ/TW', el: 'Ψήφισμα 18-NQ/TW' },
  count: 3,
};
const hints = buildTopicHints(
  [...curated.map((t) => ({ slug: t.slug, kind: t.kind, labels: t.labels, count: counts[t.slug]! })), resolution18],
  new Map(curated.map((t) => [t.slug, t.patterns])),
);
const shards = shardTopicHints(hints);
// As the search page matches: against the shards of the query's words only.
const slugs = (query: string) => matchTopicHints(query, mergeTopicHints(queryShards(query).map((shard) => shards.get(shard) ?? []))).map((hint) => hint.slug);

describe('buildTopicHints', () => {
  it('folds labels and patterns, keeps prefixes and drops words that name nothing', () => {
    const hint = hints.find((h) => h.slug === 'hanoi')!;
    expect(hint.terms).toEqual(['hanoi', 'ανοι', 'хано*', 'ханои']);
    expect(hints.find((h) => h.slug === 'politburo')!.terms).not.toContain('de');
  });

  it('leaves out topics without articles', () => {
    expect(buildTopicHints([{ ...resolution18, count: 0 }], new Map())).toEqual([]);
  });

  it('names document topics by their reference as well as their labels', () => {
    expect(hints.find((h) => h.slug === 'doc-18-nq-tw')!.terms).toEqual([
      '18 nq tw',
      'resolution 18 nq tw',
      'ψηφισμα 18 nq tw',
      'резолюция 18 nq tw',
    ]);
  });
});

describe('shardTopicHints', () => {
  it('puts each term in the shard of its first character, and every term in one shard', () => {
    for (const [shard, shardHints] of shards) for (const hint of shardHints) for (const term of hint.terms) expect(topicShard(term)).toBe(shard);
    const sharded = [...shards.values()].flat().flatMap((hint) => hint.terms.map((term) => `${hint.slug} ${term}`));
    expect(sharded.sort()).toEqual(hints.flatMap((hint) => hint.terms.map((term) => `${hint.slug} ${term}`)).sort());
    expect(shards.get(topicShard('х'))!.map((hint) => hint.slug)).toEqual(['hanoi']);
  });

  it('finds through the shards of a query what the whole list finds', () => {
    for (const query of ['Hanoï', 'ханоя', 'To Lam', 'то лам', '18-NQ/TW', 'резолюция 18-NQ/TW', 'Bureau politique Hanoï', 'han', 'de la', 'Ανόι το λαμ']) {
      expect(slugs(query), query).toEqual(matchTopicHints(query, hints).map((hint) => hint.slug));
    }
    expect(slugs('резолюция 18-NQ/TW')).toEqual(['doc-18-nq-tw']);
  });

  it('names each topic in the interface language for the topic filter', () => {
    expect(topicLabels(hints)).toEqual({ 'doc-18-nq-tw': 'Resolution 18-NQ/TW', hanoi: 'Hanoi', politburo: 'Politburo', 'to-lam': 'To Lam' });
  });
});

describe('matchTopicHints', () => {
  it('recognises a place named in any of the three languages, with or without accents', () => {
    for (const query of ['Hanoï', 'hanoi', 'Ханой', 'ханоя', 'Ανόι', 'ΑΝΟΙ', 'réforme à Hanoï']) {
      expect(slugs(query), query).toEqual(['hanoi']);
    }
  });

  it('recognises multi-word names and document references as typed', () => {
    expect(slugs('To Lam')).toEqual(['to-lam']);
    expect(slugs('то лам')).toEqual(['to-lam']);
    expect(slugs('18-NQ/TW')).toEqual(['doc-18-nq-tw']);
    expect(slugs('bureau politique')).toEqual(['politburo']);
  });

  it('puts the longest match first', () => {
    expect(slugs('Bureau politique Hanoï')).toEqual(['politburo', 'hanoi']);
  });

  it('does not offer a topic for a word that only begins like it', () => {
    expect(slugs('to')).toEqual([]);
    expect(slugs('han')).toEqual([]);
    expect(slugs('hanoiennesques')).toEqual([]);
    expect(slugs('de la')).toEqual([]);
  });
});

describe('topic hints read patterns as the ingest does', () => {
  const economy: Topic = {
    slug: 'economy',
    kind: 'theme',
    labels: { en: 'Economy', fr: "Travail d'organisation", ru: 'Экономика', el: 'Οικονομία' },
    description: 'A theme.',
    patterns: { fr: ["travail d'organisation", 'socio-économi*'], ru: ['социально-экономическ*'], el: [], any: ["l'économie verte"] },
  };
  const economyHints = buildTopicHints([{ slug: 'economy', kind: 'theme', labels: economy.labels, count: 1 }], new Map([['economy', economy.patterns]]));
  const ingestFinds = (lang: Lang, text: string): boolean =>
    scoreTopics({ lang, title: '', body: [{ kind: 'paragraph', text }], documentRefs: [], tags: [] }, [economy]).length > 0;

  it('keeps only the last part of a hyphenated word a prefix, and drops French elisions only in French', () => {
    expect(economyHints[0]!.terms).toEqual([
      'economie verte',
      'economy',
      'l economie verte',
      'socio economi*',
      'travail organisation',
      'οικονομια',
      'социально экономическ*',
      'экономика',
    ]);
  });

  it('offers the topic for what the ingest files under it, in both languages', () => {
    for (const [lang, text] of [
      ['fr', 'Le travail d’organisation du Parti'],
      ['fr', 'des résultats socio-économiques'],
      ['fr', "Au service de l'économie verte"],
      ['ru', 'социально-экономическими задачами'],
    ] as const) {
      expect(ingestFinds(lang, text), text).toBe(true);
      expect(matchTopicHints(text, economyHints).map((hint) => hint.slug), text).toEqual(['economy']);
    }
  });
});
