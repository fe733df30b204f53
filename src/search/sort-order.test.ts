import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageId, pageOfId } from './bundles.ts';
import { inSortOrder, pagefindPayload, sortOf } from './sort-order.ts';

const hit = (page: number, score: number) => ({ id: pageId('v1', page), score });

describe('pageOfId', () => {
  it('reads back the version and number pageId wrote', () => {
    expect(pageOfId(pageId('0a1b2c3d', 12345))).toEqual({ version: '0a1b2c3d', page: 12345 });
  });

  it('names an id that is not a page’s', () => {
    for (const id of ['zxx_0a1b2c3', 'v1/', '/3', 'v1/x', 'v1/-1']) expect(() => pageOfId(id), id).toThrow(`not a search page id: "${id}"`);
  });
});

describe('sortOf', () => {
  it('gives the key, the direction and the options without the sort', () => {
    const filters = { lang: 'fr' };
    expect(sortOf({ filters })).toBeUndefined();
    expect(sortOf({ filters, sort: { date: 'desc' } })).toEqual({ key: 'date', direction: 'desc', unsorted: { filters } });
  });

  it('refuses two keys, as Pagefind sorts by one', () => {
    expect(() => sortOf({ filters: {}, sort: { date: 'desc', title: 'asc' } })).toThrow('a search is sorted by one key, not date and title');
  });
});

describe('inSortOrder', () => {
  // Pages 0..4; the order lists them oldest first, page 2 has no date.
  const order = [3, 0, 4, 1];
  const response = { results: [hit(0, 9), hit(1, 7), hit(2, 5), hit(3, 3), hit(4, 1)], filters: { year: { '2024': 5 } }, unfilteredResultCount: 5 };

  it('orders the hits from the end of the order by desc, from its start by asc, leaving out pages it lacks', () => {
    expect(inSortOrder(response, order, 'desc').results.map(({ id }) => pageOfId(id).page)).toEqual([1, 4, 0, 3]);
    expect(inSortOrder(response, order, 'asc').results.map(({ id }) => pageOfId(id).page)).toEqual([3, 0, 4, 1]);
  });

  it('keeps the counts, taken before sorting, and the hits as they were', () => {
    const sorted = inSortOrder(response, order, 'desc');
    expect(sorted.filters).toBe(response.filters);
    expect(sorted.unfilteredResultCount).toBe(5);
    expect(sorted.results[0]).toBe(response.results[1]);
  });

  it('leaves an answer as it is where the bundle has no such order', () => {
    expect(inSortOrder(response, undefined, 'desc')).toBe(response);
  });
});

describe('pagefindPayload', () => {
  const signed = Buffer.from('pagefind_dcd{"date":[2,0,1]}', 'latin1');
  const body = (bytes: Buffer) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

  it('gunzips a file as the build wrote it, and takes one a host already gunzipped as it is', async () => {
    for (const bytes of [gzipSync(signed), signed]) expect(Buffer.from(await pagefindPayload(body(bytes), 'sorts.pf_sort')).toString('latin1')).toBe('{"date":[2,0,1]}');
  });

  it('names a file that is not Pagefind’s, gzipped or not', async () => {
    for (const bytes of [Buffer.from('<html>not found</html>'), gzipSync('{"date":[]}')]) await expect(pagefindPayload(body(bytes), 'v1/sorts.pf_sort')).rejects.toThrow('v1/sorts.pf_sort: not a Pagefind file');
  });
});
