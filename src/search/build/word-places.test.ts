import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSTEMMED } from '../terms.ts';
import { readPageList } from './pagefind-files.ts';
import { PLACES_KEPT, trimBundlePlaces, trimChunk, trimPlaces } from './word-places.ts';

const SIGNATURE = Buffer.from('pagefind_dcd', 'latin1');
const pack = (value: unknown) => gzipSync(Buffer.concat([SIGNATURE, encode(value)]));
const unpack = (bytes: Buffer): unknown => {
  const raw = gunzipSync(bytes);
  expect(raw.subarray(0, SIGNATURE.length)).toEqual(SIGNATURE);
  return decode(raw.subarray(SIGNATURE.length));
};

describe('trimPlaces', () => {
  it('keeps a word with few places as Pagefind wrote it', () => {
    expect(trimPlaces([-25, 5, 3], 2)).toEqual([-25, 5, 3]);
  });

  it('keeps the first places of one weight, still as distances', () => {
    // Body places 5, 8, 18, 20.
    expect(trimPlaces([-25, 5, 3, 10, 2], 2)).toEqual([-25, 5, 3]);
  });

  it('keeps a heavier place (a title’s or heading’s) before lighter ones, in page order', () => {
    // Body places 5, 8 and 18 (weight 24), then a heading place 40 (weight 168).
    expect(trimPlaces([-25, 5, 3, 10, -169, 40], 2)).toEqual([-25, 5, -169, 40]);
    expect(trimPlaces([-169, 0, 4, -25, 9, 1, 1], 2)).toEqual([-169, 0, 4]);
    // A weight that comes back starts its places from zero again.
    expect(trimPlaces([-25, 3, -169, 10, -25, 20, 5], 3)).toEqual([-25, 3, -169, 10, -25, 20]);
  });
});

// Every page keeps its number.
const SAME = Array.from({ length: 301 }, (_, page) => page);

describe('trimChunk', () => {
  it('trims every page of every word and variant, and leaves everything else as it was', () => {
    const chunk = [
      [
        ['mot', [[0, [-25, 1, 1, 1, 1], [-1, 3]], [2, [-25, 4]]], [['môt', [[1, [-25, 7, 7, 7]]]]]],
        ['mots', [[300, [-25, 70000, 1, 1]]]],
      ],
      'what comes after the words',
    ];
    const trimmed = unpack(trimChunk(pack(chunk), 'chunk.pf_index', SAME));
    expect(trimmed).toEqual([
      [
        ['mot', [[0, [-25, 1, 1], [-1, 3]], [2, [-25, 4]]], [['môt', [[1, [-25, 7, 7]]]]]],
        ['mots', [[300, [-25, 70000, 1]]]],
      ],
      'what comes after the words',
    ]);
  });

  it('renumbers the pages, listing each word’s again in their new order, as distances', () => {
    // Pages 0, 2 and 5 of a word become 4, 1 and 0; a variant's page 5 becomes 0.
    const renumber = [4, 3, 1, 2, 5, 0];
    const chunk = [[['mot', [[0, [-25, 1]], [2, [-25, 2], [-1, 3]], [3, [-25, 3]]], [['môt', [[5, [-25, 9]]]]]]]];
    expect(unpack(trimChunk(pack(chunk), 'chunk.pf_index', renumber))).toEqual([
      [['mot', [[0, [-25, 3]], [1, [-25, 2], [-1, 3]], [3, [-25, 1]]], [['môt', [[0, [-25, 9]]]]]]],
    ]);
  });

  it('names the file of bytes that are not an index chunk, or of a page the page list lacks', () => {
    expect(() => trimChunk(gzipSync(Buffer.from('not pagefind')), 'bad.pf_index', SAME)).toThrow(/bad\.pf_index: not a Pagefind file/);
    expect(() => trimChunk(pack({ words: [] }), 'map.pf_index', SAME)).toThrow(/map\.pf_index: not a Pagefind index chunk \(an index chunk expected/);
    expect(() => trimChunk(pack([[['mot', [[7, [-25, 1]]]]]]), 'far.pf_index', [0, 1])).toThrow(/far\.pf_index: not a Pagefind index chunk \(page 7, which the page list does not hold,/);
  });
});

describe('trimBundlePlaces on a bundle Pagefind wrote', () => {
  let root: string;
  let before: Map<string, number[][]>;
  let returned: string[];

  /** Each word of the bundle's chunks and, per page, its places as Pagefind encodes them. */
  async function words(bundle: string): Promise<Map<string, number[][]>> {
    const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const meta = unpack(await readFile(path.join(bundle, `pagefind.${entry.languages[UNSTEMMED]!.hash}.pf_meta`))) as unknown[];
    const chunks = meta[2] as [string, string, string][];
    expect((await readdir(path.join(bundle, 'index'))).sort()).toEqual(chunks.map(([, , name]) => `${name}.pf_index`).sort());
    const out = new Map<string, number[][]>();
    for (const [, , name] of chunks) {
      const [list] = unpack(await readFile(path.join(bundle, 'index', `${name}.pf_index`))) as [[string, [number, number[]][]][]];
      for (const [word, pages] of list) out.set(word, pages.map(([page, places]) => [page, ...places]));
    }
    return out;
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'word-places-'));
    const { index } = await pagefind.createIndex({ forceLanguage: UNSTEMMED });
    if (!index) throw new Error('no index');
    await index.addCustomRecord({ url: '/a/', language: UNSTEMMED, content: 'parti parti congrès parti parti parti fin' });
    await index.addCustomRecord({ url: '/b/', language: UNSTEMMED, content: 'congrès parti' });
    await index.writeFiles({ outputPath: root });
    await index.deleteIndex();
    before = await words(root);
    const list = readPageList(root);
    returned = trimBundlePlaces(root, list, SAME);
    list.write();
  }, 60_000);

  afterAll(async () => {
    await pagefind.close();
    await rm(root, { recursive: true, force: true });
  });

  it('keeps every word and every page of it, each page with at most PLACES_KEPT places', async () => {
    const after = await words(root);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(before.get('parti')!.some((page) => page.filter((value) => value >= 0).length > PLACES_KEPT + 1)).toBe(true);
    for (const [word, pages] of after) {
      expect(pages.map(([page]) => page)).toEqual(before.get(word)!.map(([page]) => page));
      for (const [, ...places] of pages) expect(places.filter((value) => value >= 0).length).toBeLessThanOrEqual(PLACES_KEPT);
    }
  });

  it('returns every word of the chunks, as Pagefind indexed them, for the bundle’s foreign words', () => {
    expect(returned).toEqual([...before.keys()]);
    expect(returned).toContain('congres');
  });

  it('gives the trimmed files names of their own, and the entry names the new page list', async () => {
    const files = await readdir(root);
    expect(files.filter((file) => file.endsWith('.pf_meta'))).toHaveLength(1);
    const entry = JSON.parse(await readFile(path.join(root, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    expect(files).toContain(`pagefind.${entry.languages[UNSTEMMED]!.hash}.pf_meta`);
  });
});
