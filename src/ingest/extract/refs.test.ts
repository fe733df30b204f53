import { describe, expect, it } from 'vitest';
import { extractRefs } from './refs.ts';

describe('extractRefs', () => {
  it('finds both reference shapes, normalised, unique, in order of first appearance', () => {
    expect(
      extractRefs([
        'la résolution n° 98/2023/QH15 et la résolution n° 18- NQ/TW',
        'Постановление 18-NQ/TW, заключение 09-KL/BCĐ, директива 35 - CT / TW, указ 15/2023/NĐ-CP и 127-KL/TW',
      ]),
    ).toEqual(['98/2023/QH15', '18-NQ/TW', '09-KL/BCĐ', '35-CT/TW', '15/2023/NĐ-CP', '127-KL/TW']);
  });

  it('does not mistake dates, scores or lower-case words for references', () => {
    expect(extractRefs(['le 25/10/2017, période 2025-2030, score 3-2/x, 12-nq/tw'])).toEqual([]);
  });
});
