import { describe, expect, it } from 'vitest';
import { FOREIGN_PREFIX, foreignPrefix, mayAnswer, mayHoldWord } from './word-scripts.ts';
import { searchTerms } from './terms.ts';

describe('foreignPrefix', () => {
  it('keeps the part of a word before the bundle’s own script, cut short', () => {
    expect(foreignPrefix('nq', 'ru')).toBe('nq');
    expect(foreignPrefix('vietnamplus', 'ru')).toBe('vietn');
    expect(FOREIGN_PREFIX).toBe(5);
    // Pagefind joins `COVID-ом` into one word: its Latin start is what a query can meet.
    expect(foreignPrefix('covidом', 'ru')).toBe('covid');
    expect(foreignPrefix('ханой', 'fr')).toBe('ханой');
    expect(foreignPrefix('συνεδριο', 'ru')).toBe('συνεδ');
  });

  it('lists nothing for a word of the bundle’s script, a number or a word starting with neither letter nor digit', () => {
    expect(foreignPrefix('ханой', 'ru')).toBeUndefined();
    expect(foreignPrefix('parti', 'fr')).toBeUndefined();
    expect(foreignPrefix('2024г', 'ru')).toBeUndefined();
    expect(foreignPrefix('18nqtw', 'el')).toBeUndefined();
    expect(foreignPrefix('«10', 'ru')).toBeUndefined();
    expect(foreignPrefix('', 'ru')).toBeUndefined();
  });
});

describe('mayHoldWord', () => {
  const ru = ['chinh', 'nq', 'tw', 'vietn', 'x'];
  it('takes a word of the bundle’s own script, or a number, to be held', () => {
    expect(mayHoldWord('ханои', 'ru', [])).toBe(true);
    expect(mayHoldWord('2024', 'ru', [])).toBe(true);
    expect(mayHoldWord('nqтв', 'ru', [])).toBe(true);
  });

  it('finds a word of another script as Pagefind would: a listed word starting with it, or one it starts with', () => {
    expect(mayHoldWord('nq', 'ru', ru)).toBe(true);
    expect(mayHoldWord('n', 'ru', ru)).toBe(true);
    expect(mayHoldWord('vietnam', 'ru', ru)).toBe(true);
    // Pagefind falls back to the longest index word the query word starts with.
    expect(mayHoldWord('xviii', 'ru', ru)).toBe(true);
    expect(mayHoldWord('parti', 'ru', ru)).toBe(false);
    expect(mayHoldWord('chin', 'ru', ru)).toBe(true);
    expect(mayHoldWord('ch', 'ru', ru)).toBe(true);
    expect(mayHoldWord('ханои', 'fr', [])).toBe(false);
    expect(mayHoldWord('συνεδρ', 'fr', [])).toBe(false);
  });

  it('takes a bundle with no list to hold every word', () => {
    expect(mayHoldWord('parti', 'ru', undefined)).toBe(true);
  });
});

describe('mayAnswer', () => {
  const words = (query: string, lang: 'fr' | 'ru' | 'el') => searchTerms(query, lang).split(' ').filter(Boolean);
  it('asks a bundle when one of the query’s words may be in it, and every bundle a query without words', () => {
    expect(mayAnswer(words('parti', 'ru'), 'ru', ['nq', 'tw'])).toBe(false);
    expect(mayAnswer(words('18-NQ/TW', 'ru'), 'ru', ['nq', 'tw'])).toBe(true);
    expect(mayAnswer(words('NQ/TW', 'el'), 'el', ['nq', 'tw'])).toBe(true);
    expect(mayAnswer(words('NQ/TW', 'el'), 'el', [])).toBe(false);
    expect(mayAnswer(words('Ханой', 'fr'), 'fr', [])).toBe(false);
    expect(mayAnswer(words('parti Ханой', 'fr'), 'fr', [])).toBe(true);
    expect(mayAnswer([], 'el', [])).toBe(true);
  });
});
