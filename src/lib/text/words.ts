import type { Lang } from '../../schemas/article.ts';

/** Letters, marks and digits, joined across apostrophes (split apart afterwards). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
// French elided articles and pronouns: "l'Assemblée" is "Assemblée", "jusqu'à" is "à".
const FRENCH_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)$/;

/**
 * The words of a text as every matcher reads them: letters and digits, apart at spaces,
 * punctuation, hyphens and apostrophes; with `frenchElisions`, without the elided articles and
 * pronouns (`l'`, `qu'`) that French glues to the next word.
 */
export function splitWords(text: string, frenchElisions: boolean): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const parts = match[0].split(/['’]/);
    parts.forEach((part, index) => {
      if (frenchElisions && index < parts.length - 1 && FRENCH_ELISION.test(part.toLowerCase())) return;
      words.push(part);
    });
  }
  return words;
}

interface PatternWord {
  /** As written in the taxonomy, for messages. */
  written: string;
  /** The words it is read as (`splitWords`). */
  parts: string[];
  /** Whether the last part is a prefix (`word*`) rather than a word. */
  prefix: boolean;
}

/**
 * The taxonomy's pattern syntax, read the one way for the ingest (which files articles by it)
 * and the search page (which recognises topics named in a query by it): words apart at spaces;
 * a word ending in `*` matches every word it begins; a written word that is several words
 * (`социально-экономическ*`, `d'organisation`) is read as those, and only the last of them is
 * a prefix. A pattern read for French text drops elisions, as French text does.
 */
export function readPattern(source: string, lang: Lang): PatternWord[] {
  return source
    .split(/\s+/)
    .filter(Boolean)
    .map((written) => {
      const prefix = written.endsWith('*');
      return { written, parts: splitWords(prefix ? written.slice(0, -1) : written, lang === 'fr'), prefix };
    });
}
