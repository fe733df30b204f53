import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'cbor2';
import type { Lang } from '../schemas/article.ts';
import { foreignPrefix } from './word-scripts.ts';
import { readPagefindFile } from './build/pagefind-files.ts';

/**
 * Writes, into a bundle Pagefind has just written, the words it holds outside its language's
 * script (word-scripts.ts), which the search page reads from `bundles.json` to skip a bundle
 * that cannot answer. Called for every bundle written, whatever kind.
 *
 * The words are read back from the bundle's own index chunks rather than from the text given
 * to Pagefind: Pagefind decides what a word is (it drops punctuation, indexes `18-NQ/TW` as
 * `18nqtw` and as `18`, `nq`, `tw`, splits `camelCase`, folds accents), and what the page
 * tests must be what Pagefind will match. A chunk is gzip of Pagefind's 12-byte signature and
 * a CBOR array whose first item lists the words, each an array whose first item is the word
 * (pagefind/src/index/index_words.rs).
 */

/** The file, in a bundle's folder, listing what the bundle holds outside its script. */
export const FOREIGN_WORDS_FILE = 'foreign-words.json';

/** Every word of a bundle's index chunks, as Pagefind indexed them. */
function indexWords(bundleDir: string): string[] {
  const indexDir = path.join(bundleDir, 'index');
  const words: string[] = [];
  for (const name of readdirSync(indexDir).filter((file) => file.endsWith('.pf_index'))) {
    const file = path.join(indexDir, name);
    const chunk = decode(readPagefindFile(file));
    const listed = Array.isArray(chunk) ? chunk[0] : undefined;
    if (!Array.isArray(listed)) throw new Error(`${file}: a Pagefind index chunk without its list of words`);
    for (const entry of listed) {
      const word = Array.isArray(entry) ? entry[0] : undefined;
      if (typeof word !== 'string') throw new Error(`${file}: a Pagefind index chunk with a word that is not a string`);
      words.push(word);
    }
  }
  return words;
}

/** The bundle's foreign words' prefixes (word-scripts.ts), sorted by code unit: the same index gives the same bytes. */
export function foreignWords(bundleDir: string, lang: Lang): string[] {
  const prefixes = new Set<string>();
  for (const word of indexWords(bundleDir)) {
    const prefix = foreignPrefix(word, lang);
    if (prefix !== undefined) prefixes.add(prefix);
  }
  return [...prefixes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Writes the bundle's FOREIGN_WORDS_FILE and returns what it lists. */
export function writeForeignWords(bundleDir: string, lang: Lang): string[] {
  const words = foreignWords(bundleDir, lang);
  writeFileSync(path.join(bundleDir, FOREIGN_WORDS_FILE), `${JSON.stringify(words)}\n`);
  return words;
}

/** What a bundle written earlier lists (a bundle kept from the last build). */
export function readForeignWords(bundleDir: string): string[] {
  const file = path.join(bundleDir, FOREIGN_WORDS_FILE);
  const words = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(words) || !words.every((word) => typeof word === 'string')) throw new Error(`${file}: not a list of words`);
  return words;
}
