import { describe, expect, it } from 'vitest';
import type { Lang } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';
import { scoreTopics } from '../ingest/steps/topics.ts';
import { buildTopicHints, topicLabels } from './topic-hints.ts';
import { matchTopicHints, topicShard } from './topic-match.ts';
import { hints, resolution18, shards, slugs } from '../../tests/unit/support/topic-hints.ts';

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
