import { describe, expect, it } from 'vitest';
import { deriveTitle, firstSentence, shorten, stripDatelinePrefix } from './title.ts';

describe('deriveTitle', () => {
  it('takes the first sentence of the lead without its final stop', () => {
    expect(deriveTitle('Le Premier ministre a inspecté le chantier. Il a demandé plus de rigueur.')).toBe('Le Premier ministre a inspecté le chantier');
  });

  it('strips a "Publisher - " dateline prefix', () => {
    expect(deriveTitle('Κιντεντόθι - Το πρωί της 30ής Νοεμβρίου, η Επιτροπή συνεδρίασε.')).toBe('Το πρωί της 30ής Νοεμβρίου, η Επιτροπή συνεδρίασε');
    expect(stripDatelinePrefix('(Chinhphu.vn) - Le Premier ministre')).toBe('Le Premier ministre');
    expect(stripDatelinePrefix('Ho Chi Minh-Ville a choisi - dit-on - la rigueur')).toBe('Ho Chi Minh-Ville a choisi - dit-on - la rigueur');
  });

  it('shortens long sentences at a word boundary with an ellipsis, at most 110 characters', () => {
    const long = 'Étaient présents à la conférence dans la province de Ninh Thuan le camarade Pham Van Hau, secrétaire adjoint permanent du Comité provincial du Parti.';
    const title = deriveTitle(long);
    expect(title.length).toBeLessThanOrEqual(111);
    expect(title).toBe('Étaient présents à la conférence dans la province de Ninh Thuan le camarade Pham Van Hau, secrétaire adjoint…');
  });
});

describe('firstSentence', () => {
  it('does not end a sentence at an abbreviation or an initial', () => {
    expect(firstSentence('Selon le rapport de la Ομάδα Αρ. 1 et de M. Binh. Suite.')).toBe('Selon le rapport de la Ομάδα Αρ. 1 et de M. Binh.');
    expect(firstSentence('Photo de P. Binh et du Comité. Deux.')).toBe('Photo de P. Binh et du Comité.');
  });
});

describe('shorten', () => {
  it('leaves short text alone', () => {
    expect(shorten('Court')).toBe('Court');
  });

  it('never cuts a word: a first word longer than the limit is kept whole', () => {
    const word = 'Anticonstitutionnellement'.repeat(6);
    expect(shorten(`${word} et la suite`, 110)).toBe(`${word}…`);
    expect(shorten(`Le ${word} et la suite`, 110)).toBe('Le…');
  });

  it('cuts scripts without spaces at a word, and symbols between characters', () => {
    const thai = 'การประชุมคณะกรรมการกลางพรรค'.repeat(3);
    const cut = shorten(thai, 30);
    expect(cut.endsWith('…')).toBe(true);
    expect(thai.startsWith(cut.slice(0, -1))).toBe(true);
    expect(shorten('🇻🇳'.repeat(40), 10)).toBe(`${'🇻🇳'.repeat(2)}…`);
  });
});
