import { describe, expect, it } from 'vitest';
import { compareFileNames, sortNewestFirst, splitDated } from './sort.ts';

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
  it('lists undated articles by their raw files, the last file first, ties by id', () => {
    const undated = [
      { id: 'fr/x', file: '0009_b.txt' },
      { id: 'fr/y', file: '0010_a.txt' },
      { id: 'fr/a', file: '0002_z.txt' },
      { id: 'ru/c', file: '0010_a.txt' },
      { id: 'fr/old', date: '2020-01-01', file: '9999.txt' },
    ];
    expect(sortNewestFirst(undated).map((a) => a.id)).toEqual(['fr/old', 'fr/y', 'ru/c', 'fr/x', 'fr/a']);
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

describe('compareFileNames', () => {
  it('compares runs of digits as numbers, so unpadded numbering keeps its order', () => {
    const names = ['1000_a.txt', '999_b.txt', '2/10.txt', '2/9.txt', 'b.txt', 'a.txt', '010_c.txt', '10_c.txt'];
    expect([...names].sort(compareFileNames)).toEqual(['2/9.txt', '2/10.txt', '010_c.txt', '10_c.txt', '999_b.txt', '1000_a.txt', 'a.txt', 'b.txt']);
  });
  it('is a total order: equal only for equal names', () => {
    expect(compareFileNames('01.txt', '1.txt')).not.toBe(0);
    expect(Math.sign(compareFileNames('01.txt', '1.txt'))).toBe(-Math.sign(compareFileNames('1.txt', '01.txt')));
    expect(compareFileNames('a1.txt', 'a1.txt')).toBe(0);
  });
});
