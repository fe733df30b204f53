import { describe, expect, it } from 'vitest';
import { sortNewestFirst, splitDated } from './sort.ts';

const items = [
  { id: 'fr/b' },
  { id: 'fr/old', date: '2024-11-30' },
  { id: 'ru/same', date: '2025-01-26' },
  { id: 'fr/a' },
  { id: 'fr/same', date: '2025-01-26' },
];

describe('sortNewestFirst', () => {
  it('puts newest first, undated last, ties broken by id', () => {
    expect(sortNewestFirst(items).map((a) => a.id)).toEqual(['fr/same', 'ru/same', 'fr/old', 'fr/a', 'fr/b']);
  });
  it('does not mutate its input', () => {
    const copy = [...items];
    sortNewestFirst(items);
    expect(items).toEqual(copy);
  });
});

describe('splitDated', () => {
  it('separates undated articles instead of hiding them', () => {
    const { dated, undated } = splitDated(items);
    expect(dated.map((a) => a.id)).toEqual(['fr/same', 'ru/same', 'fr/old']);
    expect(undated.map((a) => a.id)).toEqual(['fr/a', 'fr/b']);
  });
});
