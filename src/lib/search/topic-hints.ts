import { LANGS } from '../../schemas/article.ts';
import type { Topic } from '../../schemas/topic.ts';
import { foldedWords } from './fold.ts';

/**
 * What the search page needs to recognise a topic named in a query, in any language:
 * emitted at build time as `search/topics.json` and fetched only when someone searches.
 */
export interface TopicHint {
  slug: string;
  /** Labels in the interface language and the three article languages. */
  labels: Topic['labels'];
  /** Articles filed under the topic, in every language. */
  count: number;
  /** Folded phrases that name the topic; a word ending in `*` matches words starting with it. */
  terms: string[];
}

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

// Names are inflected (Ханой, Ханоя; Hanoï, Hanoïens): a query word may run a little past a
// term word, as long as the term word is long enough not to be a mere beginning.
const MIN_STEM = 4;
const MAX_ENDING = 3;

function wordMatches(term: string, word: string): boolean {
  if (term.endsWith('*')) return word.startsWith(term.slice(0, -1));
  if (word === term) return true;
  return term.length >= MIN_STEM && word.startsWith(term) && word.length - term.length <= MAX_ENDING;
}

function matchLength(term: string, words: readonly string[]): number {
  const termWords = term.split(' ');
  for (let start = 0; start + termWords.length <= words.length; start += 1) {
    if (termWords.every((termWord, offset) => wordMatches(termWord, words[start + offset]!))) return termWords.length;
  }
  return 0;
}

/** Topics a query names, the most specific (longest matching name) first. */
export function matchTopicHints(query: string, hints: readonly TopicHint[], limit = 3): TopicHint[] {
  const words = foldedWords(query);
  if (words.length === 0) return [];
  const found: { hint: TopicHint; length: number }[] = [];
  for (const hint of hints) {
    const length = Math.max(0, ...hint.terms.map((term) => matchLength(term, words)));
    if (length > 0) found.push({ hint, length });
  }
  return found
    .sort((a, b) => b.length - a.length || b.hint.count - a.hint.count || (a.hint.slug < b.hint.slug ? -1 : 1))
    .slice(0, limit)
    .map(({ hint }) => hint);
}
