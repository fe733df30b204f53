import { describe, expect, it } from 'vitest';
import { chunk, PAGE_MAX, PAGE_MIN, pagePath, paginate, paginatedPaths } from './paginate.ts';

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `k${from + i}`);
const self = (key: string) => key;

describe('chunk', () => {
  it('cuts pages of PAGE_MIN to PAGE_MAX rows, about 50 on average', () => {
    const chunks = chunk(ids(5000), self);
    expect(chunks.flat()).toEqual(ids(5000));
    for (const rows of chunks) {
      expect(rows.length).toBeGreaterThanOrEqual(PAGE_MIN);
      expect(rows.length).toBeLessThanOrEqual(PAGE_MAX);
    }
    expect(5000 / chunks.length).toBeGreaterThan(35);
    expect(5000 / chunks.length).toBeLessThan(65);
  });

  it('keeps every page before an inserted row as it was, and almost every page after it', () => {
    const before = chunk(ids(2000), self);
    const rows = ids(2000);
    rows.splice(1000, 0, 'inserted');
    const after = chunk(rows, self);
    const same = (pages: string[][]) => new Set(pages.map((p) => p.join()));
    const kept = [...same(before)].filter((p) => same(after).has(p));
    expect(before.length - kept.length).toBeLessThanOrEqual(3);
  });

  it('keeps every older page when rows are added at the newest end', () => {
    const before = chunk(ids(1000), self);
    const after = chunk(ids(1100), self);
    expect(after.slice(0, before.length - 2)).toEqual(before.slice(0, before.length - 2));
  });

  it('joins a short newest chunk to the one before', () => {
    expect(chunk(ids(PAGE_MIN - 1), self)).toEqual([ids(PAGE_MIN - 1)]);
    for (const n of [PAGE_MIN + 1, 300, 1001]) expect(chunk(ids(n), self).at(-1)?.length).toBeGreaterThanOrEqual(PAGE_MIN);
  });
});

describe('paginate', () => {
  it('numbers pages from the oldest and shows each newest first', () => {
    const newestFirst = ids(300).reverse();
    const pages = paginate(newestFirst, self);
    expect(pages.flatMap((p) => p.items).sort()).toEqual([...newestFirst].sort());
    expect(pages[0]?.items.at(-1)).toBe('k0');
    expect(pages.at(-1)?.items[0]).toBe('k299');
    expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
    expect(pages.map((p) => p.newest)).toEqual(pages.map((_, i) => i === pages.length - 1));
  });

  it('gives an empty listing one empty newest page', () => {
    expect(paginate([], self)).toEqual([{ items: [], number: 1, newest: true, window: [1] }]);
  });

  it('links two pages either side, and names the newest only near it', () => {
    const pages = paginate(ids(2000).reverse(), self);
    const total = pages.length;
    expect(pages[0]?.window).toEqual([1, 2, 3]);
    expect(pages[5]?.window).toEqual([4, 5, 6, 7, 8]);
    expect(pages[5]?.newestNumber).toBeUndefined();
    expect(pages.at(-1)?.window).toEqual([total - 2, total - 1, total]);
    expect(pages.at(-3)?.newestNumber).toBe(total);
  });
});

describe('pagePath and paginatedPaths', () => {
  it('puts the newest page at the listing path and older ones under page/<n>/', () => {
    const [oldest, , newest] = paginate(ids(3 * PAGE_MAX).reverse(), () => 'never a boundary');
    expect(newest && pagePath('topics/x/', newest)).toBe('topics/x/');
    expect(oldest && pagePath('topics/x/', oldest)).toBe('topics/x/page/1/');
    expect(oldest && pagePath('topics/x/', oldest, 3)).toBe('topics/x/');
  });

  it('keys each page by what it shows; newest-only props reach the newest page alone', () => {
    const paths = paginatedPaths(ids(300).reverse(), self, { slug: 'x' }, { label: 'X' }, { count: 300 });
    expect(paths.at(-1)?.params).toEqual({ slug: 'x', page: undefined });
    expect(paths[0]?.params).toEqual({ slug: 'x', page: 'page/1' });
    expect(paths.at(-1)?.props.count).toBe(300);
    expect(paths[0]?.props).not.toHaveProperty('count');
    const grown = paginatedPaths(ids(301).reverse(), self, { slug: 'x' }, { label: 'X' }, { count: 301 });
    expect(grown[0]?.cacheKey).toBe(paths[0]?.cacheKey);
    expect(grown.at(-1)?.cacheKey).not.toBe(paths.at(-1)?.cacheKey);
    const relabelled = paginatedPaths(ids(300).reverse(), self, { slug: 'x' }, { label: 'Y' }, { count: 300 });
    expect(relabelled[0]?.cacheKey).not.toBe(paths[0]?.cacheKey);
  });
});
