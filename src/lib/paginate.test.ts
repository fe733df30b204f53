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

const label = (key: string) => `2025-01-${String((Number(key.slice(1)) % 28) + 1).padStart(2, '0')}`;

describe('paginate', () => {
  it('names pages by their oldest row and shows each newest first', () => {
    const newestFirst = ids(300).reverse();
    const pages = paginate(newestFirst, self, label);
    expect(pages.flatMap((p) => p.items).sort()).toEqual([...newestFirst].sort());
    expect(pages[0]?.items.at(-1)).toBe('k0');
    expect(pages[0]?.label).toBe('2025-01-01');
    expect(pages[0]?.id).toMatch(/^2025-01-01-[0-9a-z]+$/);
    expect(pages.at(-1)?.items[0]).toBe('k299');
    expect(new Set(pages.map((p) => p.id)).size).toBe(pages.length);
    expect(pages.map((p) => p.newest)).toEqual(pages.map((_, i) => i === pages.length - 1));
  });

  it('keeps the names and links of pages away from a change', () => {
    const before = paginate(ids(2000).reverse(), self, label);
    const rows = ids(2000);
    rows.splice(30, 1);
    rows.splice(5, 0, 'k5000');
    const after = new Set(paginate(rows.reverse(), self, label).map((p) => JSON.stringify(p)));
    expect(before.filter((p) => !after.has(JSON.stringify(p))).length).toBeLessThanOrEqual(6);
  });

  it('gives an empty listing one empty newest page', () => {
    expect(paginate([], self, label)).toEqual([{ id: 'empty', label: '', newest: true, items: [], window: [] }]);
  });

  it('links two pages either side and never the oldest', () => {
    const pages = paginate(ids(2000).reverse(), self, label);
    expect(pages[0]?.window.map((l) => l.id)).toEqual(pages.slice(0, 3).map((p) => p.id));
    expect(pages[5]?.window.map((l) => l.id)).toEqual(pages.slice(3, 8).map((p) => p.id));
    expect(pages.at(-1)?.window.map((l) => l.id)).toEqual(pages.slice(-3).map((p) => p.id));
  });
});

describe('pagePath and paginatedPaths', () => {
  it('puts the newest page at the listing path and older ones under page/<id>/', () => {
    const pages = paginate(ids(3 * PAGE_MAX).reverse(), () => 'never a boundary', label);
    const [oldest, newest] = [pages[0], pages.at(-1)];
    expect(newest && pagePath('topics/x/', newest)).toBe('topics/x/');
    expect(oldest && pagePath('topics/x/', oldest)).toBe(`topics/x/page/${oldest?.id}/`);
  });

  it('keys each page by what it shows; newest-only props reach the newest page alone', () => {
    const paths = paginatedPaths(ids(300).reverse(), self, label, { slug: 'x' }, { label: 'X' }, { count: 300 });
    expect(paths.at(-1)?.params).toEqual({ slug: 'x', page: undefined });
    expect(paths[0]?.params.page).toMatch(/^page\/2025-01-01-/);
    expect(paths.at(-1)?.props.count).toBe(300);
    expect(paths[0]?.props).not.toHaveProperty('count');
    const grown = paginatedPaths(ids(301).reverse(), self, label, { slug: 'x' }, { label: 'X' }, { count: 301 });
    expect(grown[0]?.cacheKey).toBe(paths[0]?.cacheKey);
    expect(grown.at(-1)?.cacheKey).not.toBe(paths.at(-1)?.cacheKey);
    const relabelled = paginatedPaths(ids(300).reverse(), self, label, { slug: 'x' }, { label: 'Y' }, { count: 300 });
    expect(relabelled[0]?.cacheKey).not.toBe(paths[0]?.cacheKey);
  });
});
