import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as russian } from '@orama/stemmers/russian';
import { perLang, type Lang } from '../../schemas/article.ts';
import { fold } from '../../lib/text/fold.ts';
import { splitWords } from '../../lib/text/words.ts';

/**
 * One word of text as the topic matcher sees it: `folded` is the word lowercased with accents,
 * ё and final ς normalised (for prefix patterns such as `ханo*`), `stem` is what inflected
 * forms of the same word share (for ordinary patterns).
 */
export interface Token {
  readonly folded: string;
  readonly stem: string;
}

// The Snowball stemmers of all three languages, from @orama/stemmers: the family Pagefind's
// search stems with, so a topic and a search for the same word meet on the same stem.

// Stemming is the matcher's main cost and a corpus reuses a small vocabulary, so each
// language remembers its stems; the cache is emptied when it grows past a bound.
const STEM_CACHE_LIMIT = 200_000;
const tokenCache = perLang(() => new Map<string, Token>());

/** One word (no spaces, hyphens or apostrophes in it) as a token. */
export function toToken(word: string, lang: Lang): Token {
  const cache = tokenCache[lang];
  let token = cache.get(word);
  if (token === undefined) {
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    token = { folded: fold(word), stem: stemUncached(word, lang) };
    cache.set(word, token);
  }
  return token;
}

/**
 * A Russian word as the Russian stemmer reads it: ё spelled е (as the stemmer's endings are),
 * stress marks dropped, but й kept: it is a letter of its own, and the endings -ой, -ый, -ий
 * hold it. Folded first, партийной would read as партиинои and keep an ending its family
 * (партийных, партийная) loses.
 */
function russianWord(lower: string): string {
  return lower.normalize('NFC').replace(/ё/g, 'е').replace(/\p{M}/gu, '');
}

/** A stem, always in folded form, so a pattern's stem and a text's stem compare as they are. */
function stemUncached(word: string, lang: Lang): string {
  const lower = word.toLowerCase();
  switch (lang) {
    // Folded before stemming: capitals often drop accents (ASSEMBLEE NATIONALE), and the
    // stemmer cuts "assemblée" and "assemblee" differently, so both sides stem the folded form.
    case 'fr':
      return french(fold(lower));
    // Folded after stemming: see `russianWord`.
    case 'ru':
      return fold(russian(russianWord(lower)));
    case 'el':
      return greek(fold(lower));
  }
}

/** Splits text into tokens: its words (`splitWords`), French elisions dropped in French. */
export function tokenize(text: string, lang: Lang): Token[] {
  return splitWords(text, lang === 'fr').map((word) => toToken(word, lang));
}
