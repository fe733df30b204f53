import { describe, expect, it } from 'vitest';
import { alignedRows, translationGroups } from './side-by-side.ts';

const p = (text: string) => ({ kind: 'paragraph' as const, text });

describe('translationGroups', () => {
  it('keeps only originals with two or more versions, versions in the archive language order', () => {
    const groups = translationGroups([
      { id: 'ru/a', lang: 'ru' as const, translationKey: 'k1' },
      { id: 'fr/b', lang: 'fr' as const, translationKey: 'k2' },
      { id: 'el/a', lang: 'el' as const, translationKey: 'k1' },
      { id: 'fr/a', lang: 'fr' as const, translationKey: 'k1' },
      { id: 'ru/c', lang: 'ru' as const, translationKey: 'k0' },
      { id: 'el/c', lang: 'el' as const, translationKey: 'k0' },
    ]);
    expect(groups.map(([key, versions]) => [key, versions.map((v) => v.id)])).toEqual([
      ['k0', ['ru/c', 'el/c']],
      ['k1', ['fr/a', 'ru/a', 'el/a']],
    ]);
  });
});

describe('alignedRows', () => {
  it('sets block n of each version beside the others when all have as many blocks', () => {
    expect(alignedRows([[p('a1'), p('a2')], [p('b1'), p('b2')]])).toEqual([[p('a1'), p('b1')], [p('a2'), p('b2')]]);
  });

  it('does not guess when the versions have different numbers of blocks', () => {
    expect(alignedRows([[p('a1'), p('a2')], [p('b1')]])).toBeUndefined();
    expect(alignedRows([[p('a1')]])).toBeUndefined();
  });
});
