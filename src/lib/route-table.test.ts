import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKey } from './cache-key.ts';
import { routePaths, routeTablesTally, type RouteSource } from './route-table.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/**
 * A route over articles `a`, `b`, `c`: a page per article that reads its entry (its digest in
 * the key), and a listing of all three that reads none. `titles` stands for the records.
 * Counts which groups were listed and made.
 */
function route(titles: Record<string, string>) {
  const made: string[] = [];
  let listed = 0;
  const source: RouteSource<{ id: string; page?: undefined }, { title: string }> = {
    groups: () => {
      listed++;
      return [...Object.keys(titles), 'listing'];
    },
    paths: (group, digestOf) => {
      made.push(group);
      if (group === 'listing') return Object.entries(titles).map(([id, title]) => ({ params: { id: `list/${id}`, page: undefined }, props: { title }, cacheKey: cacheKey(id, title) }));
      const title = titles[group] ?? '';
      return [{ params: { id: group }, props: { title }, cacheKey: cacheKey(digestOf(group), title) }];
    },
  };
  return { source, made, listed: () => listed };
}

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'route-table-'));
  folders.push(dir);
  return dir;
}

const titles = { a: 'A', b: 'B', c: 'C' };
const digests = new Map([
  ['a', '1'],
  ['b', '1'],
  ['c', '1'],
]);
const keysOf = (paths: { params: { id: string }; cacheKey: string }[]) => paths.map((p) => [p.params.id, p.cacheKey]);

describe('routePaths', () => {
  it('makes every path when there is no table, then keeps them all while nothing changed', () => {
    const dir = folder();
    const first = route(titles);
    const made = routePaths('r', { dir, inputs: 'records-1', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, first.source);
    expect(first.made).toEqual(['a', 'b', 'c', 'listing']);
    const again = route(titles);
    const kept = routePaths('r', { dir, inputs: 'records-1', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, again.source);
    expect(keysOf(kept)).toEqual(keysOf(made));
    // A param given as undefined (a listing's newest page) is kept as such: Astro refuses empty params.
    expect(kept.map((p) => p.params)).toEqual(made.map((p) => p.params));
    expect(Object.keys(kept.at(-1)?.params ?? {})).toEqual(['id', 'page']);
    expect(again.listed()).toBe(0);
    expect(again.made).toEqual([]);
  });

  it('makes again the pages of an entry whose digest changed, and only those', () => {
    const dir = folder();
    const before = routePaths('r', { dir, inputs: 'records-1', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, route(titles).source);
    const changed = new Map([...digests, ['b', '2']]);
    const again = route(titles);
    const paths = routePaths('r', { dir, inputs: 'records-1', digests: changed, reuse: true, changedOnly: false, pattern: '/r/[id]' }, again.source);
    expect(again.made).toEqual(['b']);
    const keyOf = (list: typeof paths, id: string) => list.find((p) => p.params.id === id)?.cacheKey;
    expect(keyOf(paths, 'b')).not.toBe(keyOf(before, 'b'));
    // What a build without the table makes.
    const clean = routePaths('r', { dir: folder(), inputs: 'records-1', digests: changed, reuse: true, changedOnly: false, pattern: '/r/[id]' }, route(titles).source);
    expect(keysOf(paths)).toEqual(keysOf(clean));
    // The table now holds the new digest: a third build keeps everything.
    const third = route(titles);
    routePaths('r', { dir, inputs: 'records-1', digests: changed, reuse: true, changedOnly: false, pattern: '/r/[id]' }, third.source);
    expect(third.made).toEqual([]);
  });

  it('makes every path again when the records changed, or the code (no reuse), or the table is damaged', () => {
    const dir = folder();
    routePaths('r', { dir, inputs: 'records-1', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, route(titles).source);
    const retitled = { ...titles, c: 'C2' };
    const changed = route(retitled);
    const paths = routePaths('r', { dir, inputs: 'records-2', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, changed.source);
    expect(changed.made).toEqual(['a', 'b', 'c', 'listing']);
    expect(paths.find((p) => p.params.id === 'list/c')?.props.title).toBe('C2');

    const code = route(retitled);
    routePaths('r', { dir, inputs: 'records-2', digests, reuse: false, changedOnly: false, pattern: '/r/[id]' }, code.source);
    expect(code.made).toEqual(['a', 'b', 'c', 'listing']);

    writeFileSync(path.join(dir, 'r.json'), '{"inputs":');
    const damaged = route(retitled);
    routePaths('r', { dir, inputs: 'records-2', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, damaged.source);
    expect(damaged.made).toEqual(['a', 'b', 'c', 'listing']);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'))).toMatchObject({ inputs: 'records-2' });
  });

  it('makes a kept page\'s props only when asked, and refuses a table its inputs do not make', () => {
    const dir = folder();
    routePaths('r', { dir, inputs: 'records-1', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, route(titles).source);
    const again = route(titles);
    const kept = routePaths('r', { dir, inputs: 'records-1', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, again.source);
    expect(again.made).toEqual([]);
    expect(kept.find((p) => p.params.id === 'list/b')?.props).toEqual({ title: 'B' });
    expect(again.made).toEqual(['listing']);

    // Inputs that do not cover what the pages show: the recorded key is not what is made now.
    const lying = routePaths('r', { dir, inputs: 'records-1', digests, reuse: true, changedOnly: false, pattern: '/r/[id]' }, route({ ...titles, a: 'A2' }).source);
    expect(() => lying.find((p) => p.params.id === 'a')?.props).toThrow(/r\.json: the recorded paths of a are not what its inputs make/);
  });

  it('gives only the groups made again with changedOnly, and counts the pages it left out', () => {
    const dir = folder();
    const options = { dir, inputs: 'records-1', digests, reuse: true, changedOnly: true, pattern: '/r/[id]' };
    // No table yet: every path is given.
    const first = route(titles);
    const all = routePaths('r', options, first.source);
    expect(keysOf(all)).toHaveLength(6);
    expect(routeTablesTally().left.get('/r/[id]')).toBeUndefined();

    const changed = new Map([...digests, ['b', '2']]);
    const again = route(titles);
    const given = routePaths('r', { ...options, digests: changed }, again.source);
    expect(again.made).toEqual(['b']);
    expect(given.map((p) => p.params.id)).toEqual(['b']);
    // The pages of a, c and the listing's three, none of them made or listed.
    expect(routeTablesTally().left.get('/r/[id]')).toBe(5);
    // The key given is the one every path would have: what a build without the table makes.
    const clean = routePaths('r', { ...options, dir: folder(), digests: changed, changedOnly: false }, route(titles).source);
    expect(clean.find((p) => p.params.id === 'b')?.cacheKey).toBe(given[0]?.cacheKey);

    // Records changed: the table's groups no longer hold, and every path is given.
    const retitled = route({ ...titles, c: 'C2' });
    expect(routePaths('r', { ...options, inputs: 'records-2', digests: changed }, retitled.source)).toHaveLength(6);
    expect(routeTablesTally().left.get('/r/[id]')).toBeUndefined();
  });
});
