import { describe, expect, it } from 'vitest';
import { splitBlocks } from './blocks.ts';

describe('splitBlocks', () => {
  it('reads blank-line and single-newline paragraphs alike, remembering the blank lines', () => {
    expect(splitBlocks('Titre\n\nUn.\nDeux.\n\n\nTrois.')).toEqual([
      { text: 'Titre', line: 1, blankBefore: false, blankAfter: true },
      { text: 'Un.', line: 3, blankBefore: true, blankAfter: false },
      { text: 'Deux.', line: 4, blankBefore: false, blankAfter: true },
      { text: 'Trois.', line: 7, blankBefore: true, blankAfter: false },
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(splitBlocks('\n\n')).toEqual([]);
  });
});
