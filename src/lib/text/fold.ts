/**
 * The one form in which the archive compares words, accents aside: lowercase, combining marks
 * (accents, tonos, the breve of й, the diaeresis of ё) dropped, đ -> d (it has no
 * decomposition), final ς -> σ. The ingest's topic matching and date words, document codes,
 * publisher names and the search page's topic hints all compare in it, so a word folds the
 * same way wherever it is read. (Pagefind applies a fold of its own inside its index: see
 * `pagefindFold` in src/search/terms.ts.)
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/ς/g, 'σ');
}

