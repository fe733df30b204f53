import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../schemas/article.ts';
import { foreignPrefix } from './word-scripts.ts';

/**
 * Writes, into a bundle Pagefind has just written, the words it holds outside its language's
 * script (word-scripts.ts), which the search page reads from `bundles.json` to skip a bundle
 * that cannot answer. Called for every bundle written, whatever kind.
 *
 * The words are those of the bundle's own index chunks, read while their places are trimmed
 * (build/word-places.ts), rather than the text given to Pagefind: Pagefind decides what a
 * word is (it drops punctuation, indexes `18-NQ/TW` as `18nqtw` and as `18`, `nq`, `tw`,
 * splits `camelCase`, folds accents), and what the page tests must be what Pagefind will
 * match.
 */

/** The file, in a bundle's folder, listing what the bundle holds outside its script. */
export const FOREIGN_WORDS_FILE = 'foreign-words.json';

/** The foreign words' prefixes (word-scripts.ts) among a bundle's `words`, sorted by code unit: the same index gives the same bytes. */
export function foreignWords(words: Iterable<string>, lang: Lang): string[] {
  const prefixes = new Set<string>();
  for (const word of words) {
    const prefix = foreignPrefix(word, lang);
    if (prefix !== undefined) prefixes.add(prefix);
  }
  return [...prefixes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Writes the FOREIGN_WORDS_FILE of the bundle whose index holds `words`, and returns what it lists. */
export function writeForeignWords(bundleDir: string, lang: Lang, words: Iterable<string>): string[] {
  const foreign = foreignWords(words, lang);
  writeFileSync(path.join(bundleDir, FOREIGN_WORDS_FILE), `${JSON.stringify(foreign)}\n`);
  return foreign;
}

/** What a bundle written earlier lists (a bundle kept from the last build). */
export function readForeignWords(bundleDir: string): string[] {
  const file = path.join(bundleDir, FOREIGN_WORDS_FILE);
  const words = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(words) || !words.every((word) => typeof word === 'string')) throw new Error(`${file}: not a list of words`);
  return words;
}
