import { describe, expect, it } from 'vitest';
import { readPattern, splitWords } from './words.ts';

describe('splitWords', () => {
  it('splits at spaces, punctuation, hyphens and both apostrophes', () => {
    expect(splitWords('Résolution 18-NQ/TW, l’Assemblée', false)).toEqual(['Résolution', '18', 'NQ', 'TW', 'l', 'Assemblée']);
  });

  it('drops French elisions only when asked, and only before an apostrophe', () => {
    expect(splitWords("jusqu'à l'Assemblée, qu'il", true)).toEqual(['à', 'Assemblée', 'il']);
    expect(splitWords('le l d', true)).toEqual(['le', 'l', 'd']);
  });

  it('returns nothing for punctuation only', () => {
    expect(splitWords(' -/ ', true)).toEqual([]);
  });
});

describe('readPattern', () => {
  it('marks a word ending in * as a prefix, its last part only', () => {
    expect(readPattern('социально-экономическ* развити*', 'ru')).toEqual([
      { written: 'социально-экономическ*', parts: ['социально', 'экономическ'], prefix: true },
      { written: 'развити*', parts: ['развити'], prefix: true },
    ]);
  });

  it('drops elisions in a French pattern, not in others', () => {
    expect(readPattern("travail d'organisation", 'fr').flatMap((word) => word.parts)).toEqual(['travail', 'organisation']);
    expect(readPattern("travail d'organisation", 'el').flatMap((word) => word.parts)).toEqual(['travail', 'd', 'organisation']);
  });

  it('reads a word with no letters as one with no parts', () => {
    expect(readPattern('— x', 'fr')[0]).toEqual({ written: '—', parts: [], prefix: false });
  });
});
