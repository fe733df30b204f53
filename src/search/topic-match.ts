import { fold } from '../lib/text/fold.ts';
import { splitWords } from '../lib/text/words.ts';
import { compareStrings } from '../lib/sort.ts';

/**
 * What the search page needs to recognise a topic named in a query, in any language: built
 * at build time (topic-hints.ts) and sharded by the first letter of each term, so a query
 * fetches only the shards of its words' first letters, once someone searches. This half runs
 * in the browser, so it imports no schema code.
 */
export interface TopicHint {
  slug: string;
  /** The topic's name in the interface language. */
  label: string;
  /** Articles filed under the topic, in every language. */
  count: number;
  /** Folded phrases that name the topic; a word ending in `*` matches words starting with it. */
  terms: string[];
}

/**
 * The shard a term or query word belongs to: its first character's code point, in hex (a
 * file name for any script). A term can only match a query that has a word starting with the
 * term's first character (`wordMatches`), so those shards hold every term a query can match.
 */
export const topicShard = (word: string): string => (word.codePointAt(0) ?? 0).toString(16);

/** The shards a query needs, each once. */
export const queryShards = (query: string): string[] => [...new Set(queryWords(query).map(topicShard))];

/** One list of hints from several shards: a topic in more than one has all its terms from each. */
export function mergeTopicHints(shards: readonly (readonly TopicHint[])[]): TopicHint[] {
  const merged = new Map<string, TopicHint>();
  for (const shard of shards) {
    for (const hint of shard) {
      const known = merged.get(hint.slug);
      merged.set(hint.slug, known ? { ...known, terms: [...known.terms, ...hint.terms] } : hint);
    }
  }
  return [...merged.values()];
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
