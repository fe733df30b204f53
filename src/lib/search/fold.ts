/**
 * The form every text comparison on the search page uses: lowercase, no accents or tonos,
 * ё -> е, đ -> d, final ς -> σ. Pagefind folds diacritics itself; this is for the parts of
 * search that are ours (topic hints).
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/ς/g, 'σ');
}

/** Folded words: letters and digits, split at everything else (so `18-NQ/TW` is 18, nq, tw). */
export function foldedWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
