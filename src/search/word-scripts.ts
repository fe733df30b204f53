// Types only: the search page imports this file, and the schema's module carries zod.
import type { Lang } from '../schemas/article.ts';

/**
 * Which search bundles can answer a query, told on the page before any bundle is loaded.
 *
 * Every bundle is in one language, and nearly every word it holds is in that language's
 * script, so a query whose words are all in another script cannot match it: `Ханой` no French
 * page, `parti` no Russian one. But a Russian or Greek text also carries Latin-script words
 * (references such as `18-NQ/TW`, names, acronyms), and a French one may quote Cyrillic. So the
 * build writes, per bundle, the few words it holds outside its own script (`foreignWords`,
 * word-scripts-build.ts), and a query word in another script is looked up there.
 *
 * The rule follows what Pagefind does with a word (pagefind_web's `find_word_extensions`): a
 * query word finds the index's words that start with it or, when there is none, the longest
 * index word it starts with. So a bundle may answer a word when one of its words starts with
 * the word or the word starts with one of its words; a query of several words, when it may
 * answer one of them, since Pagefind leaves out a word its index lacks. Any word that holds a
 * letter of the bundle's own script, or starts with a digit (numbers are in every script),
 * is taken to be in the bundle. The test is never stricter than Pagefind: a bundle skipped
 * would have found nothing.
 */

/** The script each language is written in: a letter of it in a query word is a word the language may hold. */
const OWN_SCRIPT: Record<Lang, RegExp> = {
  fr: /\p{Script=Latin}/u,
  ru: /\p{Script=Cyrillic}/u,
  el: /\p{Script=Greek}/u,
};

/**
 * A foreign word is kept to this many characters: what tells `parti` from `party` in a
 * Russian bundle, while a bundle with thousands of Latin names lists a few thousand prefixes
 * at most. A query word longer than that is matched by its first characters, which may ask a
 * bundle that then finds nothing, never the reverse.
 */
export const FOREIGN_PREFIX = 5;

/**
 * What a bundle of `lang` lists for an index word (folded, as Pagefind indexes it): the part
 * before its first letter of the language's own script, cut to FOREIGN_PREFIX characters; or
 * nothing, for a word that starts with such a letter, with a digit, or with no letter at all
 * (a query word starts with a letter or a digit: see searchTerms in terms.ts).
 */
export function foreignPrefix(word: string, lang: Lang): string | undefined {
  const chars = [...word];
  const first = chars[0];
  if (first === undefined || !/\p{L}/u.test(first)) return undefined;
  const own = chars.findIndex((char) => OWN_SCRIPT[lang].test(char));
  const foreign = own < 0 ? chars : chars.slice(0, own);
  return foreign.length === 0 ? undefined : foreign.slice(0, FOREIGN_PREFIX).join('');
}

/**
 * Whether a bundle of `lang` that lists `foreign` (or, when it lists nothing, any bundle) may
 * answer a query word, as the page hands it to Pagefind (searchTerms: folded, letters and
 * digits only).
 */
export function mayHoldWord(word: string, lang: Lang, foreign: readonly string[] | undefined): boolean {
  if (foreign === undefined || everyBundleMayHold(word, lang)) return true;
  const head = [...word].slice(0, FOREIGN_PREFIX).join('');
  return foreign.some((listed) => listed.startsWith(head) || word.startsWith(listed));
}

/**
 * Whether every bundle of `lang` is asked a query word, whatever the reader types after it: a
 * word holding a letter of the language's own script, or starting with a digit, still does
 * once longer.
 */
export function everyBundleMayHold(word: string, lang: Lang): boolean {
  return OWN_SCRIPT[lang].test(word) || !/^\p{L}/u.test(word);
}

/** Whether a bundle may answer a query (its words, as asked of its language): a query without words lists every page. */
export function mayAnswer(words: readonly string[], lang: Lang, foreign: readonly string[] | undefined): boolean {
  return words.length === 0 || words.some((word) => mayHoldWord(word, lang, foreign));
}
