import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKey } from './cache-key.ts';
import { ListingPages } from './listing-pages.ts';
import { paginatedPaths } from './paginate.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const rows = (count: number, title = 'Title') => Array.from({ length: count }, (_, i) => ({ key: `k${i}`, title: `${title} ${i}`, date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` }));

/** A listing's pages as a route makes them, counting how often they are cut. */
function listing(items: ReturnType<typeof rows>) {
  const made = { count: 0 };
  const pages = () => {
    made.count++;
    return paginatedPaths(items, (row) => row.key, (row) => row.date, { slug: 'party' }, { topic: 'Party' });
  };
  return { made, pages, inputs: cacheKey({ topic: 'Party' }, items) };
}

describe('ListingPages', () => {
  it('takes the pages of an unchanged listing from the record, and cuts them only when a page\'s props are asked for', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'listing-pages-'));
    folders.push(dir);
    const first = listing(rows(300));
    const written = new ListingPages(dir, 'topics', true).paths('party', first.inputs, first.pages);
    const record = new ListingPages(dir, 'topics', true);
    record.paths('party', first.inputs, first.pages);
    record.save();

    const again = listing(rows(300));
    const reused = new ListingPages(dir, 'topics', true).paths('party', again.inputs, again.pages);
    expect(again.made.count).toBe(0);
    expect(reused.map(({ params, cacheKey: key }) => [params, key])).toEqual(written.map(({ params, cacheKey: key }) => [JSON.parse(JSON.stringify(params)), key]));
    expect(reused.at(-1)?.props).toEqual(written.at(-1)?.props);
    expect(again.made.count).toBe(1);
  });

  it('cuts a listing again when its inputs changed, or when the code may have (no reuse)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'listing-pages-'));
    folders.push(dir);
    const first = listing(rows(300));
    const record = new ListingPages(dir, 'topics', true);
    record.paths('party', first.inputs, first.pages);
    record.save();

    const changed = listing(rows(300, 'Changed'));
    const paths = new ListingPages(dir, 'topics', true).paths('party', changed.inputs, changed.pages);
    expect(changed.made.count).toBe(1);
    expect(paths.map((p) => p.cacheKey)).not.toEqual(first.pages().map((p) => p.cacheKey));

    const unchanged = listing(rows(300));
    new ListingPages(dir, 'topics', false).paths('party', unchanged.inputs, unchanged.pages);
    expect(unchanged.made.count).toBe(1);
  });

  it('refuses a record whose pages are not what the listing\'s inputs make', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'listing-pages-'));
    folders.push(dir);
    const first = listing(rows(300));
    writeFileSync(path.join(dir, 'topics.json'), JSON.stringify({ party: { inputs: first.inputs, pages: [[{ slug: 'party' }, 'not-a-key']] } }));
    const [page] = new ListingPages(dir, 'topics', true).paths('party', first.inputs, first.pages);
    expect(() => page?.props).toThrow(/topics\.json: the recorded pages of party are not what its inputs make/);
  });

  it('cuts every listing again when the record cannot be parsed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'listing-pages-'));
    folders.push(dir);
    writeFileSync(path.join(dir, 'topics.json'), '{"party":');
    const first = listing(rows(300));
    new ListingPages(dir, 'topics', true).paths('party', first.inputs, first.pages);
    expect(first.made.count).toBe(1);
  });
});
