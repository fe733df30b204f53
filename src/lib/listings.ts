import type { Lang } from '../schemas/article.ts';
import { LANGS } from '../schemas/article.ts';
import { TOPIC_KINDS, type TopicKind } from '../schemas/topic.ts';
import type { ArchiveIndex, PublisherSummary, TopicInfo, TopicSummary } from './archive-model.ts';
import { toLink, type ArticleLink, type ArticleRecord } from './article-record.ts';
import { compareVersions, groupTranslations } from './translations.ts';
import { byString, compareStrings } from './sort.ts';

/** A listing row: one original, its versions in the listing in LANGS order (at least one). */
export type Row = [ArticleLink, ...ArticleLink[]];

/** Rows of one article each, for listings of a single language. */
export const singleRows = (articles: readonly ArticleRecord[]): Row[] => articles.map((a): Row => [toLink(a)]);

/**
 * Rows for listings that show every language: the translations of one original (same
 * translationKey) are one row with a link per language, placed where its newest version is.
 */
export function translationRows(newestFirst: readonly ArticleRecord[]): Row[] {
  return [...groupTranslations(newestFirst).values()].map((versions) => versions.sort(compareVersions).map(toLink) as Row);
}

/** What decides where a row's page ends: the same for a row whatever else is listed. */
export const rowKey = (row: Row): string => row[0].translationKey;

/** What names a page that starts at this row: its date, or `undated`. */
export const rowLabel = (row: Row): string => row[0].date ?? 'undated';

/** Articles on the home page. */
const LATEST_COUNT = 10;
/** Topics on the home page; the topic index lists them all. */
const HOME_TOPICS = 12;

const byCountThenName = <T extends { count: number }>(key: (t: T) => string) => (a: T, b: T) =>
  b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function homeSummary(index: ArchiveIndex) {
  return {
    languages: LANGS.map((lang) => ({ lang, count: index.byLang.get(lang)?.length ?? 0 })),
    latest: translationRows(index.all.slice(0, LATEST_COUNT * LANGS.length)).slice(0, LATEST_COUNT),
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
    .map(([year, list]) => ({ year, count: list.length, months: (months.get(year) ?? []).sort(byString((entry) => entry.month)) }))
    .sort((a, b) => (a.year < b.year ? 1 : -1));
}

/** Topic index: kinds in their fixed order, topics by label within a kind, empty kinds left out. */
export function topicsByKind(index: ArchiveIndex): { kind: TopicKind; topics: TopicSummary[] }[] {
  return TOPIC_KINDS.map((kind) => ({
    kind,
    topics: [...index.topics.values()].filter((t) => t.kind === kind).sort((a, b) => a.labels.en.localeCompare(b.labels.en, 'en') || compareStrings(a.slug, b.slug)),
  })).filter((group) => group.topics.length > 0);
}

/** The languages a topic has articles in, for its language filter. */
export function topicLanguages(topic: TopicSummary): Lang[] {
  return LANGS.filter((lang) => topic.countsByLang[lang] > 0);
}

/**
 * A topic's listing props: what every page of it shows, and the counts only its newest page
 * shows (they change with every addition; older pages must not).
 */
export function topicListing(topic: TopicSummary) {
  const info: TopicInfo = { slug: topic.slug, kind: topic.kind, labels: topic.labels, description: topic.description };
  return { props: { topic: info, langs: topicLanguages(topic) }, newestProps: { counts: { count: topic.count, countsByLang: topic.countsByLang } } };
}

/** A publisher as its pages show it, without its articles (those are the rows). */
export const publisherHeader = ({ slug, name, domain }: PublisherSummary) => ({ slug, name, ...(domain !== undefined ? { domain } : {}) });
