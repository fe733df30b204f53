import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as russian } from '@orama/stemmers/russian';
import type { Lang } from '../schemas/article.ts';

/**
 * Stemming is ours, not Pagefind's. Pagefind 1.6 folds diacritics before it stems, at index
 * time and at query time alike, so й becomes и and the Russian stemmer no longer sees -ой,
 * -ий, -ый (`партийной` found 555 articles where `партийных` found 2,881 on the 10,000 bench).
 * `exactDiacritics` cannot help: it only filters the accented variants at query time, the
 * index key is folded before stemming whatever it says. So the bundles are built without a
 * stemmer (`UNSTEMMED`): Pagefind indexes every word as written, folded, and the text (and so
 * every excerpt) keeps its accents. A query word is stemmed here with its language's Snowball
 * stemmer, й intact, and handed to Pagefind as the folded prefix every form of the word
 * shares; Pagefind matches words by prefix, so `партийной` finds `партийных` and `партийного`.
 */

/** The Pagefind language the bundles are built with: one it has no stemmer for. */
export const UNSTEMMED = 'zxx';

/** Pagefind's own fold, applied to what it indexes and to every query: lowercase, no combining marks. */
export function pagefindFold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The word's stems: French and Greek cut a word typed with accents and without it differently, so both. */
function stems(word: string, lang: Lang): string[] {
  const lower = word.toLowerCase();
  switch (lang) {
    case 'fr':
      return [french(lower), french(pagefindFold(lower))];
    // Never folded: й is a letter of its own, and the stemmer's endings need it.
    case 'ru':
      return [russian(lower)];
    case 'el':
      return [greek(lower), greek(pagefindFold(lower).replace(/ς/g, 'σ'))];
  }
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return a.slice(0, length);
}

/**
 * The prefix a word's inflected forms share: the stem, cut back where the stemmer rewrote the
 * ending rather than removing it (`généraux` -> `général`), so the word itself always matches;
 * `organisées` and `organisees` both give `organis`.
 */
function wordPrefix(word: string, lang: Lang): string {
  const folded = pagefindFold(word);
  if (/\p{N}/u.test(word)) return folded;
  return stems(word, lang).reduce((prefix, stem) => commonPrefix(prefix, pagefindFold(stem)), folded) || folded;
}

/**
 * What to hand one language's Pagefind for what the reader typed. A typed word joined by
 * punctuation (`18-NQ/TW`, `l'Assemblée`) becomes its parts, which Pagefind indexes on their
 * own, so a reference typed in part or spaced otherwise (`NQ/TW`, `18- NQ/TW`) still meets
 * every spelling; one-letter parts (elided articles) are dropped, as Pagefind drops them.
 */
export function searchTerms(query: string, lang: Lang): string {
  const terms: string[] = [];
  for (const chunk of query.split(/\s+/)) {
    const parts = chunk.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    const kept = parts.length > 1 ? parts.filter((part) => [...part].length > 1) : parts;
    for (const part of kept) terms.push(wordPrefix(part, lang));
  }
  return terms.join(' ');
}
