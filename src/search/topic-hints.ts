import { LANGS, type Lang } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';
import { fold } from '../lib/text/fold.ts';
import { readPattern } from '../lib/text/words.ts';
import { queryWords, topicShard, type TopicHint } from './topic-match.ts';
import { byString, compareStrings } from '../lib/sort.ts';
import { UI_LANG } from '../i18n/ui.ts';

export type { TopicHint };

/**
 * A taxonomy pattern as the query side matches it: its words as the ingest reads them for
 * `lang` (`readPattern`), folded, the prefix marked with a final `*`.
 */
function patternTerm(pattern: string, lang: Lang): string {
  return readPattern(pattern, lang)
    .flatMap(({ parts, prefix }) => parts.map((part, at) => `${fold(part)}${prefix && at === parts.length - 1 ? '*' : ''}`))
    .filter((word) => word !== '' && word !== '*')
    .join(' ');
}

// A lone one- or two-letter word ("de", "το") names nothing; it would match most queries.
const namesSomething = (term: string): boolean => term.includes(' ') || term.replace('*', '').length > 2;

/** A topic as the archive knows it: curated or made from a document reference. */
export interface TopicEntry {
  slug: string;
  kind: Topic['kind'];
  labels: Topic['labels'];
  count: number;
}

/**
 * Hints for the topics that have articles, named by their labels in every language, by
 * their taxonomy patterns, and (document topics) by the reference as written: the slug
 * `doc-18-nq-tw` holds the folded words of `18-NQ/TW`.
 */
export function buildTopicHints(
  topics: Iterable<TopicEntry>,
  patterns: ReadonlyMap<string, Topic['patterns']>,
): TopicHint[] {
  const hints: TopicHint[] = [];
  for (const topic of topics) {
    if (topic.count === 0) continue;
    const own = patterns.get(topic.slug);
    // Labels are names, not patterns: read as a query is.
    const names = [topic.labels.en, ...LANGS.map((lang) => topic.labels[lang])];
    if (topic.kind === 'document') names.push(topic.slug.replace(/^doc-/, '').replace(/-/g, ' '));
    // A pattern for any language is read as the ingest reads it in each.
    const fromPatterns = own ? LANGS.flatMap((lang) => [...own[lang], ...own.any].map((pattern) => patternTerm(pattern, lang))) : [];
    const terms = [...new Set([...names.map((name) => queryWords(name).join(' ')), ...fromPatterns].filter(namesSomething))].sort();
    hints.push({ slug: topic.slug, label: topic.labels[UI_LANG], count: topic.count, terms });
  }
  return hints.sort(byString((hint) => hint.slug));
}

/**
 * The hints by shard (`topicShard` of each term's first character), each hint in a shard
 * with only that shard's terms, shards and hints in a stable order. At 10,000 articles the
 * one file of all hints was 34 KB of the first search; the shard of `parti` is a tenth of it.
 */
export function shardTopicHints(hints: readonly TopicHint[]): Map<string, TopicHint[]> {
  const shards = new Map<string, TopicHint[]>();
  for (const hint of hints) {
    const byShard = new Map<string, string[]>();
    for (const term of hint.terms) {
      const shard = topicShard(term);
      byShard.set(shard, [...(byShard.get(shard) ?? []), term]);
    }
    for (const [shard, terms] of byShard) shards.set(shard, [...(shards.get(shard) ?? []), { ...hint, terms }]);
  }
  return new Map([...shards].sort(([a], [b]) => compareStrings(a, b)));
}

/** Each topic's name by slug, for the search page's topic filter. */
export const topicLabels = (hints: readonly TopicHint[]): Record<string, string> => Object.fromEntries(hints.map((hint) => [hint.slug, hint.label]));
