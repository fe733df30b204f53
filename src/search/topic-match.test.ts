import { describe, expect, it } from 'vitest';
import { slugs } from '../../tests/unit/support/topic-hints.ts';

describe('matchTopicHints', () => {
  it('recognises a place named in any of the three languages, with or without accents', () => {
    for (const query of ['Hanoï', 'hanoi', 'Ханой', 'ханоя', 'Ανόι', 'ΑΝΟΙ', 'réforme à Hanoï']) {
      expect(slugs(query), query).toEqual(['hanoi']);
    }
  });

  it('recognises multi-word names and document references as typed', () => {
    expect(slugs('To Lam')).toEqual(['to-lam']);
    expect(slugs('то лам')).toEqual(['to-lam']);
    expect(slugs('18-NQ/TW')).toEqual(['doc-18-nq-tw']);
    expect(slugs('bureau politique')).toEqual(['politburo']);
  });

  it('puts the longest match first', () => {
    expect(slugs('Bureau politique Hanoï')).toEqual(['politburo', 'hanoi']);
  });

  it('does not offer a topic for a word that only begins like it', () => {
    expect(slugs('to')).toEqual([]);
    expect(slugs('han')).toEqual([]);
    expect(slugs('hanoiennesques')).toEqual([]);
    expect(slugs('de la')).toEqual([]);
  });
});
