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

/**
 * Hints for the topics that have articles: curated topics named by their labels and
 * patterns, document topics by their reference as written (`18-NQ/TW`).
 */
export function buildTopicHints(
  topics: readonly Topic[],
  documents: ReadonlyMap<string, string>,
  counts: ReadonlyMap<string, number>,
): TopicHint[] {
  const hints: TopicHint[] = [];
  for (const topic of topics) {
    const count = counts.get(topic.slug) ?? 0;
    if (count === 0) continue;
    const phrases = [
      ...LANGS.map((lang) => topic.labels[lang]),
      topic.labels.en,
      ...LANGS.flatMap((lang) => topic.patterns[lang]),
      ...topic.patterns.any,
    ];
    const terms = [...new Set(phrases.map(patternTerm).filter(namesSomething))].sort();
    hints.push({ slug: topic.slug, labels: topic.labels, count, terms });
  }
  for (const [slug, reference] of documents) {
    const count = counts.get(slug) ?? 0;
    if (count === 0) continue;
    const term = foldedWords(reference).join(' ');
    if (!term) continue;
    hints.push({ slug, labels: { en: reference, fr: reference, ru: reference, el: reference }, count, terms: [term] });
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
