import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAGMENT_DIR, pageOfId, sortOrdersFile, type SortOrders } from '../bundles.ts';
import { UNSTEMMED } from '../terms.ts';
import { finishBundle } from './engine-files.ts';
import { compactPageList, pageOrder, roundedCount } from './page-list.ts';
import { readPageList, readPagefindFile } from './pagefind-files.ts';

describe('roundedCount', () => {
  it('keeps a count below 32 and rounds a larger one to five significant bits', () => {
    expect([0, 1, 31].map(roundedCount)).toEqual([0, 1, 31]);
    expect([32, 33, 63, 64, 65, 66, 1000].map(roundedCount)).toEqual([32, 34, 64, 64, 64, 68, 992]);
    for (let count = 1; count < 5000; count++) expect(Math.abs(roundedCount(count) - count) / count).toBeLessThanOrEqual(1 / 32);
  });
});

/** What a bundle answers, by page URL: each word's pages, each filter value's, each sort's order, each page's word count. */
interface Answers {
  words: Record<string, string[]>;
  filters: Record<string, string[]>;
  sorts: Record<string, string[]>;
  counts: Record<string, number>;
}

const read = (file: string): unknown => JSON.parse(readPagefindFile(file).toString('utf8'));

/** Reads a bundle's answers back from its files, whichever names its pages have. */
async function answers(dir: string): Promise<Answers> {
  const { meta } = readPageList(dir);
  const pages = meta[1] as [string, number][];
  const urls = pages.map(([name]) => (read(path.join(dir, FRAGMENT_DIR, `${name}.pf_fragment`)) as { url: string }).url);
  const words: Answers['words'] = {};
  for (const [, , name] of meta[2] as [string, string, string][]) {
    const [list] = decode(readPagefindFile(path.join(dir, 'index', `${name}.pf_index`))) as [[string, [number, ...unknown[]][]][]];
    for (const [word, entries] of list) {
      let page = 0;
      words[word] = entries.map(([delta]) => urls[(page += delta)]!).sort();
    }
  }
  const filters: Answers['filters'] = {};
  for (const [, name] of meta[3] as [string, string][]) {
    const [key, values] = decode(readPagefindFile(path.join(dir, 'filter', `${name}.pf_filter`))) as [string, [string, number[]][]];
    for (const [value, list] of values) filters[`${key}:${value}`] = list.map((page) => urls[page]!).sort();
  }
  const stored = meta[4] as [string, number[]][];
  const orders: SortOrders = stored.length ? Object.fromEntries(stored) : (read(path.join(dir, sortOrdersFile(pageOfId(pages[0]![0]).version))) as SortOrders);
  const sorts = Object.fromEntries(Object.entries(orders).map(([key, order]) => [key, order.map((page) => urls[page]!)]));
  return { words, filters, sorts, counts: Object.fromEntries(pages.map(([, count], page) => [urls[page]!, count])) };
}

/** Pagefind writes a bundle of these records into `dir`. */
async function indexed(dir: string, records: readonly { url: string; content: string; date?: string; topics?: string[] }[]): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: UNSTEMMED });
  if (!index) throw new Error('no index');
  for (const { url, content, date, topics } of records) {
    await index.addCustomRecord({ url, content, language: UNSTEMMED, ...(date ? { sort: { date } } : {}), ...(topics ? { filters: { topic: topics } } : {}) });
  }
  await index.writeFiles({ outputPath: dir });
  await index.deleteIndex();
}

const RECORDS = [
  { url: '/c/', content: `congrès du parti à Hanoï ${'délégués '.repeat(60)}`, date: '2024-03-01', topics: ['congres', 'parti'] },
  { url: '/a/', content: 'parti', date: '2024-01-15', topics: ['parti'] },
  { url: '/u/', content: `un article sans date ${'mot '.repeat(70)}`, topics: ['divers'] },
  { url: '/b/', content: 'le parti et le congrès', date: '2024-02-10', topics: ['congres'] },
  { url: '/d/', content: `le parti ${'réunion '.repeat(33)}`, date: '2023-12-31' },
];

describe('a bundle Pagefind wrote, its page list made small', () => {
  let root: string;
  const dirs = { raw: '', first: '', again: '', changed: '' };
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'page-list-'));
    for (const name of Object.keys(dirs) as (keyof typeof dirs)[]) {
      dirs[name] = path.join(root, name);
      await indexed(dirs[name], name === 'changed' ? RECORDS.map((record) => (record.url === '/a/' ? { ...record, content: 'parti socialiste' } : record)) : RECORDS);
      if (name !== 'raw') ids[name] = finishBundle(dirs[name], 'fr');
    }
  }, 60_000);

  afterAll(async () => {
    await pagefind.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers every word, filter value and sort with the same pages as Pagefind’s bundle, each count rounded', async () => {
    const before = await answers(dirs.raw);
    const after = await answers(dirs.first);
    expect(after.words).toEqual(before.words);
    expect(after.filters).toEqual(before.filters);
    expect(after.sorts).toEqual(before.sorts);
    expect(Object.keys(after.sorts)).toEqual(['date']);
    expect(after.sorts.date).toEqual(['/d/', '/a/', '/b/', '/c/']);
    expect(after.counts).toEqual(Object.fromEntries(Object.entries(before.counts).map(([url, count]) => [url, roundedCount(count)])));
    expect(Object.values(before.counts).some((count) => roundedCount(count) !== count)).toBe(true);
  });

  it('numbers the pages by word count, names each by its number below one version folder, and lists no sort', async () => {
    const { meta } = readPageList(dirs.first);
    const counts = (meta[1] as [string, number][]).map(([, count]) => count);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const raw = (readPageList(dirs.raw).meta[1] as [string, number][]).map(([, count]) => roundedCount(count));
    expect(raw, 'Pagefind’s order is another, so the pages were renumbered').not.toEqual(counts);
    const version = pageOfId(ids.first![0]!).version;
    expect(ids.first).toEqual(counts.map((_, page) => `${version}/${page}`));
    expect((meta[1] as [string][]).map(([name]) => name)).toEqual(ids.first);
    expect(meta[4]).toEqual([]);
    expect(await readdir(path.join(dirs.first, FRAGMENT_DIR))).toEqual([version]);
    expect((await readdir(path.join(dirs.first, FRAGMENT_DIR, version))).sort()).toEqual([...counts.map((_, page) => `${page}.pf_fragment`), 'sorts.pf_sort'].sort());
  });

  it('gives the same records the same files, and changed records another version', async () => {
    const files = async (dir: string) =>
      (await Promise.all((await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map(async (e) => [path.relative(dir, path.join(e.parentPath, e.name)), (await readFile(path.join(e.parentPath, e.name))).toString('base64')]))).sort();
    expect(await files(dirs.again)).toEqual(await files(dirs.first));
    expect(pageOfId(ids.changed![0]!).version).not.toBe(pageOfId(ids.first![0]!).version);
  });

  it('names the folder that holds a fragment the page list does not list', async () => {
    const dir = path.join(root, 'stray');
    await indexed(dir, [{ url: '/x/', content: 'mot' }]);
    await writeFile(path.join(dir, FRAGMENT_DIR, 'zxx_stray.pf_fragment'), 'x');
    const list = readPageList(dir);
    expect(() => compactPageList(dir, list, pageOrder(list))).toThrow(/fragment: 2 files for the 1 that .*pf_meta names, such as zxx_stray\.pf_fragment/);
  });
});
