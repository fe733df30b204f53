/**
 * A light Greek stemmer for folded words (lowercase, no tonos, final σ). No Snowball Greek
 * stemmer is installed, and topic matching only needs the inflected forms of one noun or
 * adjective to meet: Πολιτικό / Πολιτικού / Πολιτικής -> πολιτικ, Γραφείο / Γραφείου -> γραφει.
 * It strips the longest case ending that leaves a stem of at least three letters.
 */
const ENDINGS = [
  'ουσ', 'εων', 'ιων', 'ιου', 'ιασ', 'ιεσ', 'ησ', 'ου', 'οσ', 'οι', 'ων', 'ασ', 'εσ', 'ια', 'ιο', 'ον',
  'α', 'η', 'ο', 'ι', 'ε', 'υ',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 3;

export function stemGreek(folded: string): string {
  for (const ending of ENDINGS) {
    if (folded.endsWith(ending) && folded.length - ending.length >= MIN_STEM) {
      return folded.slice(0, -ending.length);
    }
  }
  return folded;
}
