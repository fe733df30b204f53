import type { Topic } from '../schemas/topic.ts';
import { fold } from '../lib/text/fold.ts';
import { splitWords } from '../lib/text/words.ts';
import { compareStrings } from '../lib/sort.ts';

/**
 * What the search page needs to recognise a topic named in a query, in any language:
 * emitted at build time as `search/topics.json` (topic-hints.ts) and fetched only when
 * someone searches. This half runs in the browser, so it imports no schema code.
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

/**
 * A query's words, folded. Its language is not known, so French elisions are always dropped,
 * as the ingest drops them from French text (no Russian or Greek word is written with `l'`).
 */
export function queryWords(query: string): string[] {
  return splitWords(query, true)
    .map(fold)
    .filter((word) => word !== '');
}

/** Topics a query names, the most specific (longest matching name) first. */
export function matchTopicHints(query: string, hints: readonly TopicHint[], limit = 3): TopicHint[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const found: { hint: TopicHint; length: number }[] = [];
  for (const hint of hints) {
    const length = Math.max(0, ...hint.terms.map((term) => matchLength(term, words)));
    if (length > 0) found.push({ hint, length });
  }
  return found
    .sort((a, b) => b.length - a.length || b.hint.count - a.hint.count || compareStrings(a.hint.slug, b.hint.slug))
    .slice(0, limit)
    .map(({ hint }) => hint);
}
