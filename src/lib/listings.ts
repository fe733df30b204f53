import type { Lang } from '../schemas/article.ts';
import { LANGS } from '../schemas/article.ts';
import { TOPIC_KINDS, type TopicKind } from '../schemas/topic.ts';
import type { ArchiveIndex, TopicSummary } from './archive-model.ts';

/** Articles on the home page. */
export const LATEST_COUNT = 10;
/** Topics on the home page; the topic index lists them all. */
export const HOME_TOPICS = 12;

const byCountThenName = <T extends { count: number }>(key: (t: T) => string) => (a: T, b: T) =>
  b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function homeSummary(index: ArchiveIndex) {
  return {
    languages: LANGS.map((lang) => ({ lang, count: index.byLang.get(lang)?.length ?? 0 })),
    latest: index.all.slice(0, LATEST_COUNT),
    topTopics: [...index.topics.values()].sort(byCountThenName((t) => t.slug)).slice(0, HOME_TOPICS),
    publishers: [...index.byPublisher.values()].map((p) => ({ slug: p.slug, name: p.name, count: p.articles.length })).sort(byCountThenName((p) => p.slug)),
    years: yearSummaries(index),
  };
}

/** Years newest first, each with its months (oldest first, as a calendar reads). */
export function yearSummaries(index: ArchiveIndex): { year: string; count: number; months: { month: string; count: number }[] }[] {
  const months = new Map<string, { month: string; count: number }[]>();
  for (const [key, list] of index.byMonth) {
    const [year = '', month = ''] = key.split('-');
    const entry = { month, count: list.length };
    const existing = months.get(year);
    if (existing) existing.push(entry);
    else months.set(year, [entry]);
  }
  return [...index.byYear]
    .map(([year, list]) => ({ year, count: list.length, months: (months.get(year) ?? []).sort((a, b) => (a.month < b.month ? -1 : 1)) }))
    .sort((a, b) => (a.year < b.year ? 1 : -1));
}

/** Topic index: kinds in their fixed order, topics by label within a kind, empty kinds left out. */
export function topicsByKind(index: ArchiveIndex): { kind: TopicKind; topics: TopicSummary[] }[] {
  return TOPIC_KINDS.map((kind) => ({
    kind,
    topics: [...index.topics.values()].filter((t) => t.kind === kind).sort((a, b) => a.labels.en.localeCompare(b.labels.en, 'en') || (a.slug < b.slug ? -1 : 1)),
  })).filter((group) => group.topics.length > 0);
}

/** The languages a topic has articles in, for its language filter. */
export function topicLanguages(topic: TopicSummary): Lang[] {
  return LANGS.filter((lang) => topic.countsByLang[lang] > 0);
}
