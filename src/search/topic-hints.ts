import { LANGS } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';
import { foldedWords } from '../lib/text/fold.ts';
import type { TopicHint } from './topic-match.ts';

export type { TopicHint };


/** A pattern word as the query side sees it: folded, `*` kept for prefixes, empty if no letters. */
function patternTerm(pattern: string): string {
  return pattern
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const prefix = word.endsWith('*');
      const words = foldedWords(prefix ? word.slice(0, -1) : word);
      return prefix && words.length === 1 ? `${words[0]}*` : words.join(' ');
    })
    .filter(Boolean)
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
    const phrases = [
      topic.labels.en,
      ...LANGS.map((lang) => topic.labels[lang]),
      ...(own ? [...LANGS.flatMap((lang) => own[lang]), ...own.any] : []),
    ];
    if (topic.kind === 'document') phrases.push(topic.slug.replace(/^doc-/, '').replace(/-/g, ' '));
    const terms = [...new Set(phrases.map(patternTerm).filter(namesSomething))].sort();
    hints.push({ slug: topic.slug, labels: topic.labels, count: topic.count, terms });
  }
  return hints.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
