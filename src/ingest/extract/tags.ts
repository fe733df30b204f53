import type { Lang } from '../../schemas/article.ts';
import { findRefs } from './refs.ts';

/** Words after which a capital continues a name rather than starting a new tag. */
const GLUE: Record<Lang, Set<string>> = {
  fr: new Set(['de', 'du', 'des', 'la', 'le', 'les', 'à', 'au', 'aux', 'et', 'en', 'sur', 'pour', 'par', 'n°', 'no', 'avec', 'd', 'l']),
  ru: new Set(['и', 'в', 'во', 'на', 'по', 'с', 'со', 'о', 'об', 'для', 'при', 'к', 'от', 'из', '№']),
  el: new Set(['της', 'του', 'των', 'το', 'τη', 'την', 'τον', 'η', 'ο', 'οι', 'και', 'σε', 'στο', 'στη', 'στην', 'στον', 'με', 'για', 'αρ.']),
};

const startsUpper = (word: string): boolean => /^\p{Lu}/u.test(word);
const startsDigit = (word: string): boolean => /^\p{N}/u.test(word);
const isLowerWord = (word: string): boolean => /^\p{Ll}/u.test(word);

/**
 * Splits a tag line whose tags were run together without separators. Only cuts it can
 * justify: after a document reference, and where a capitalised word or a number follows a
 * lower-case word that is not a linking word ("… deux niveaux Secrétaire général To Lam" ->
 * "… deux niveaux" | "Secrétaire général" | "To Lam").
 */
export function splitTags(line: string, lang: Lang): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const ref of findRefs(line)) {
    const end = ref.index + ref.length;
    pieces.push(line.slice(last, end));
    last = end;
  }
  pieces.push(line.slice(last));

  const tags: string[] = [];
  for (const piece of pieces) {
    let current: string[] = [];
    for (const word of piece.trim().split(/\s+/).filter(Boolean)) {
      const previous = current.at(-1);
      const previousBare = previous?.toLowerCase().replace(/['’]$/, '');
      const cut =
        previous !== undefined &&
        isLowerWord(previous) &&
        !GLUE[lang].has(previousBare ?? '') &&
        (startsUpper(word) || startsDigit(word));
      if (cut) {
        tags.push(current.join(' '));
        current = [];
      }
      current.push(word);
    }
    if (current.length > 0) tags.push(current.join(' '));
  }
  return [...new Set(tags.filter((tag) => /\p{L}/u.test(tag)))];
}
