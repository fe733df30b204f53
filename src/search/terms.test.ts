import { describe, expect, it } from 'vitest';
import { searchTerms } from './terms.ts';

describe('searchTerms', () => {
  it('gives every Russian form of a word ending in й the prefix of the other forms', () => {
    const prefixes = ['партийной', 'партийных', 'партийного', 'партийный', 'ПАРТИЙНОМ'].map((word) => searchTerms(word, 'ru'));
    expect(new Set(prefixes)).toEqual(new Set(['партиин']));
  });

  it('folds accents, ё and case the way Pagefind folds the text it indexes', () => {
    expect(searchTerms('подвёл', 'ru')).toBe(searchTerms('подвел', 'ru'));
    expect(searchTerms('réforme', 'fr')).toBe('reform');
    expect(searchTerms('REFORMES', 'fr')).toBe('reform');
    expect(searchTerms('ΣΥΝΕΔΡΙΟ', 'el')).toBe(searchTerms('συνέδριο', 'el'));
    expect('συνεδριου'.startsWith(searchTerms('συνέδριο', 'el'))).toBe(true);
  });

  it('keeps a word whose ending the stemmer rewrites findable as typed', () => {
    expect('generaux'.startsWith(searchTerms('généraux', 'fr'))).toBe(true);
    expect(searchTerms('organisées', 'fr')).toBe(searchTerms('organiser', 'fr'));
  });

  it('splits references and elisions into the parts Pagefind indexes', () => {
    expect(searchTerms('18-NQ/TW', 'fr')).toBe('18 nq tw');
    expect(searchTerms('NQ/TW', 'el')).toBe('nq tw');
    expect(searchTerms("l'Assemblée", 'fr')).toBe(searchTerms('assemblée', 'fr'));
    expect(searchTerms('  98/2023/QH15 ', 'ru')).toBe('98 2023 qh15');
  });
});
