import type { Topic } from '../../../src/schemas/topic.ts';
import { buildTopicHints, shardTopicHints, type TopicEntry } from '../../../src/search/topic-hints.ts';
import { matchTopicHints, mergeTopicHints, queryShards } from '../../../src/search/topic-match.ts';

/** Three curated topics and a document topic, their hints as the build emits them, and a search page's matching. */
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
export const resolution18: TopicEntry = {
  slug: 'doc-18-nq-tw',
  kind: 'document',
  labels: { en: 'Resolution 18-NQ/TW', fr: 'Résolution 18-NQ/TW', ru: 'Резолюция 18-NQ/TW', el: 'Ψήφισμα 18-NQ/TW' },
  count: 3,
};
export const hints = buildTopicHints(
  [...curated.map((t) => ({ slug: t.slug, kind: t.kind, labels: t.labels, count: counts[t.slug]! })), resolution18],
  new Map(curated.map((t) => [t.slug, t.patterns])),
);
export const shards = shardTopicHints(hints);
// As the search page matches: against the shards of the query's words only.
export const slugs = (query: string) => matchTopicHints(query, mergeTopicHints(queryShards(query).map((shard) => shards.get(shard) ?? []))).map((hint) => hint.slug);

