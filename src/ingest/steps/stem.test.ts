import { describe, expect, it } from 'vitest';
import { tokenize } from './stem.ts';

const stemsOf = (text: string, lang: 'fr' | 'ru' | 'el'): string[] => tokenize(text, lang).map((token) => token.stem);

describe('tokenize', () => {
  it('gives every form of a Russian adjective in -ый one stem: й survives until after stemming', () => {
    const stems = stemsOf('партийной партийных партийного партийная партийный партийные', 'ru');
    expect(new Set(stems).size).toBe(1);
    // Folded after stemming, like every stem.
    expect(stems[0]).toBe('партиин');
  });

  it('reads ё as е and ignores stress marks in Russian', () => {
    expect(stemsOf('молодёжи молодежи', 'ru')).toEqual(['молодеж', 'молодеж']);
    expect(stemsOf('па\u0301ртийной', 'ru')).toEqual(stemsOf('партийной', 'ru'));
  });

  it('stems French and Greek words typed with or without accents alike', () => {
    expect(stemsOf('Assemblée ASSEMBLEE', 'fr')).toEqual(['assemble', 'assemble']);
    expect(new Set(stemsOf('συνέδριο ΣΥΝΕΔΡΙΟ', 'el')).size).toBe(1);
  });

  it('keeps the folded word for prefix patterns and drops French elisions', () => {
    expect(tokenize("l'Assemblée", 'fr').map((token) => token.folded)).toEqual(['assemblee']);
    expect(tokenize('Ханой', 'ru').map((token) => token.folded)).toEqual(['ханои']);
  });
});
