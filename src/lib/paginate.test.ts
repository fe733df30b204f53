import { describe, expect, it } from 'vitest';
import { paginate, pagePath, pageWindow, paginatedPaths } from './paginate.ts';

describe('paginate', () => {
  it('splits into pages of the given size, numbered from 1', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => [p.number, p.total])).toEqual([[1, 3], [2, 3], [3, 3]]);
  });
  it('gives an empty listing one empty page', () => {
    expect(paginate([], 20)).toEqual([{ items: [], number: 1, total: 1 }]);
  });
  it('rejects a nonsensical page size', () => {
    expect(() => paginate([1], 0)).toThrow(/positive integer/);
  });
});

describe('pagePath and paginatedPaths', () => {
  it('keeps page 1 at the listing path', () => {
    expect(pagePath('topics/x/', 1)).toBe('topics/x/');
    expect(pagePath('topics/x/', 3)).toBe('topics/x/page/3/');
  });
  it('produces one route per page with the rest parameter', () => {
    const paths = paginatedPaths([1, 2, 3], { slug: 'x' }, {}, 2);
    expect(paths.map((p) => p.params)).toEqual([{ slug: 'x', page: undefined }, { slug: 'x', page: 'page/2' }]);
    expect(paths[1]?.props.page.items).toEqual([3]);
  });
});

describe('pageWindow', () => {
  it('lists every page of a short listing', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it('keeps first, last and the pages around the current one, marking gaps', () => {
    expect(pageWindow(50, 100)).toEqual([1, 'gap', 48, 49, 50, 51, 52, 'gap', 100]);
    expect(pageWindow(1, 100)).toEqual([1, 2, 3, 'gap', 100]);
    expect(pageWindow(99, 100)).toEqual([1, 'gap', 97, 98, 99, 100]);
  });
});
