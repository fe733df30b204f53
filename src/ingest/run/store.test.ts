import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../steps/entry.ts';
import type { ShardRecord } from './shards.ts';
import { forgetLastRun, InputHasher, LastRunEntries, lastRunHolds, lastRunLine, listInputs, readLastRun, readManifest, removeOrphanTemporaries, removeStale, ResultCache, samePart, stampOf, writeAtomic, writeLastRun, writeManifest, writePending } from './store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-store-'));
});
// Deleting the 150,000 files of the listing test takes over 10 s on a busy machine.
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
}, 120_000);

describe('listInputs', () => {
  it('lists a subfolder of 150,000 files', async () => {
    await mkdir(path.join(dir, '2024'));
    for (let i = 0; i < 150_000; i++) writeFileSync(path.join(dir, '2024', `${i}.txt`), '');
    const inputs = listInputs(dir);
    expect(inputs).toHaveLength(150_000);
  }, 120_000);

  it('lists *.txt files and links recursively, with / separators, in code-point order', async () => {
    await mkdir(path.join(dir, 'b', 'c'), { recursive: true });
    for (const file of ['z.txt', 'a.TXT', 'b/c/d.txt', 'b/e.txt', 'notes.md', 'b/c/img.jpg']) await writeFile(path.join(dir, file), 'x');
    await symlink(path.join(dir, 'z.txt'), path.join(dir, 'b', 'link.txt'));
    expect(listInputs(dir)).toEqual([
      { path: 'a.TXT', link: false },
      { path: 'b/c/d.txt', link: false },
      { path: 'b/e.txt', link: false },
      { path: 'b/link.txt', link: true },
      { path: 'z.txt', link: false },
    ]);
  });
});

describe('writeAtomic', () => {
  it('writes through a temporary file, leaves none behind, and skips unchanged content', async () => {
    const file = path.join(dir, 'deep', 'a.json');
    expect(writeAtomic(file, 'one')).toBe(true);
    expect(writeAtomic(file, 'one')).toBe(false);
    expect(writeAtomic(file, 'two')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.dirname(file))).toEqual(['a.json']);
  });

  it('writes content given in pieces, and compares it piece by piece', async () => {
    const file = path.join(dir, 'report.json');
    const pieces = (...texts: string[]): Buffer[] => texts.map((text) => Buffer.from(text));
    expect(writeAtomic(file, pieces('{"a":', '', '[1,2]}'))).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('{"a":[1,2]}');
    expect(writeAtomic(file, pieces('{"a"', ':[1,', '2]}'))).toBe(false);
    expect(writeAtomic(file, pieces('{"a":', '[1,2]}', ' '))).toBe(true);
    expect(writeAtomic(file, pieces('{"a":', '[1,3]}'))).toBe(true);
    expect(writeAtomic(file, pieces('{"a":'))).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('{"a":');
    expect(await readdir(dir)).toEqual(['report.json']);
  });
});

describe('manifest and stale files', () => {
  it('removes only files the previous run wrote and this one did not', async () => {
    await mkdir(path.join(dir, 'articles', 'fr'), { recursive: true });
    for (const file of ['articles/fr/old.json', 'articles/fr/kept.json', 'articles/fr/someone-elses.json']) await writeFile(path.join(dir, file), '{}');
    writeManifest(dir, ['articles/fr/old.json', 'articles/fr/kept.json', '../outside.txt']);
    const previous = readManifest(dir).listed;
    expect(previous).toEqual(['../outside.txt', 'articles/fr/kept.json', 'articles/fr/old.json']);
    await writeFile(path.join(dir, '..', 'outside.txt'), 'not ours').catch(() => undefined);
    expect(removeStale(dir, previous, ['articles/fr/kept.json'])).toEqual(['articles/fr/old.json']);
    expect((await readdir(path.join(dir, 'articles', 'fr'))).sort()).toEqual(['kept.json', 'someone-elses.json']);
  });

  it('removes the temporary files a killed run left, and nothing else', async () => {
    await mkdir(path.join(dir, 'raw'), { recursive: true });
    await mkdir(path.join(dir, 'articles', 'ru'), { recursive: true });
    await mkdir(path.join(dir, 'elsewhere'), { recursive: true });
    const left = ['raw/.ab12.txt.4643.tmp', 'articles/ru/.x-1.json.77.tmp', '.ingest-report.json.9.tmp'];
    const others = ['raw/ab12.txt', 'raw/.notes.tmp', 'articles/ru/x-1.json', 'elsewhere/.y.json.5.tmp'];
    for (const file of [...left, ...others]) await writeFile(path.join(dir, file), 'x');
    expect(removeOrphanTemporaries(dir, ['articles', 'raw'])).toEqual([...left].sort());
    for (const file of others) await expect(readFile(path.join(dir, file), 'utf8')).resolves.toBe('x');
  });

  it('reads a missing or broken manifest as empty', async () => {
    expect(readManifest(dir)).toEqual({ listed: [], pending: [] });
    await writeFile(path.join(dir, '.ingest-manifest.json'), '{not json');
    expect(readManifest(dir)).toEqual({ listed: [], pending: [] });
  });

  it('lists the paths a run is about to write apart, until a complete run writes the manifest', async () => {
    writeManifest(dir, ['articles/fr/a.json']);
    writePending(dir, ['articles/fr/b.json', 'raw/b.txt']);
    expect(readManifest(dir)).toEqual({ listed: ['articles/fr/a.json'], pending: ['articles/fr/b.json', 'raw/b.txt'] });
    writeManifest(dir, ['articles/fr/a.json'], { changed: false });
    expect(readManifest(dir)).toEqual({ listed: ['articles/fr/a.json'], pending: [] });
  });
});

describe('ResultCache', () => {
  const article = '{\n  "id": "fr/x",\n  "title": "Une ligne\\nsur deux"\n}\n';
  const kept = { outcome: { file: 'a.txt', status: 'kept' as const, warnings: [], sha256: 'a' }, entry: article };
  const skipped = { outcome: { file: 'b.txt', status: 'skipped' as const, reason: 'empty: no bytes', warnings: [], sha256: 'b' } };

  it('returns what was stored, prunes what a run did not use and what older code left', async () => {
    const first = new ResultCache(dir);
    first.set('a'.repeat(64), kept);
    first.set('b'.repeat(64), skipped);
    await writeFile(path.join(first.dir, `${'c'.repeat(64)}.json`), '{}');
    await writeFile(path.join(first.dir, 'outcomes.txt'), `${'a'.repeat(64)}\t1\t{}\n`);
    const second = new ResultCache(dir);
    expect(second.outcome('a'.repeat(64))).toEqual(kept.outcome);
    expect(second.entry('a'.repeat(64))).toBe(article);
    expect(second.outcome('c'.repeat(64))).toBeUndefined();
    second.prune(new Set(['a'.repeat(64), 'c'.repeat(64)]));
    expect(await readdir(second.dir)).toEqual([`${'a'.repeat(64)}.txt`]);
  });

  it('reads an outcome whole however long its line', async () => {
    // Longer than a read-ahead chunk, with multi-byte characters across its boundaries.
    const long = { outcome: { ...kept.outcome, warnings: Array.from({ length: 900 }, (_, i) => `προειδοποίηση ${i}`) }, entry: article };
    const cache = new ResultCache(dir);
    cache.set('f'.repeat(64), long);
    cache.set('b'.repeat(64), skipped);
    expect(JSON.stringify(long.outcome).length).toBeGreaterThan(16_384);
    expect(cache.outcome('f'.repeat(64))).toEqual(long.outcome);
    expect(cache.outcome('b'.repeat(64))).toEqual(skipped.outcome);
  });

  it('keeps the entry text byte for byte and reads a damaged record as a miss', async () => {
    const cache = new ResultCache(dir);
    cache.set('d'.repeat(64), kept);
    expect(await readFile(path.join(cache.dir, `${'d'.repeat(64)}.txt`), 'utf8')).toBe(`${JSON.stringify(kept.outcome)}\n${article}`);
    await writeFile(path.join(cache.dir, `${'e'.repeat(64)}.txt`), '{"outcome": trunc');
    expect(cache.outcome('e'.repeat(64))).toBeUndefined();
  });
});

describe('the last run record', () => {
  const summary = { files: 2, status: { kept: 1, skipped: 1, duplicate: 0 }, languages: { fr: 1 }, reasons: { empty: 1 }, warnings: {} };
  /** A shard of the record whose kept input led to `written`. */
  const shard = (inputs: string, written: ShardRecord['written']): ShardRecord => ({ inputs, lines: `l-${inputs}`, kept: [[0, 'fr/x', 120]], summary, written });
  const parts = async (cacheDir: string): Promise<string[]> => (await readdir(path.join(cacheDir, 'last-run'))).sort();

  it('holds while the fingerprint and every file it names, in the index or a shard, are unchanged', async () => {
    await mkdir(path.join(dir, 'articles'), { recursive: true });
    await writeFile(path.join(dir, 'articles', 'a.json'), 'one');
    const elsewhere = path.join(dir, 'report.json');
    await writeFile(elsewhere, '{}');
    const cacheDir = path.join(dir, '.cache', 'ingest');
    const record = () => writeLastRun(cacheDir, { fingerprint: 'f1', context: 'c' }, dir, [elsewhere], new Map(), [shard('i', [lastRunLine(dir, 'articles/a.json', { key: 'k' })])]);
    record();
    expect(lastRunHolds(readLastRun(cacheDir), 'f1', dir)).toBe(true);
    expect(lastRunHolds(readLastRun(cacheDir), 'f2', dir)).toBe(false);

    await writeFile(path.join(dir, 'articles', 'a.json'), 'two');
    expect(lastRunHolds(readLastRun(cacheDir), 'f1', dir)).toBe(false);
    record();
    expect(lastRunHolds(readLastRun(cacheDir), 'f1', dir)).toBe(true);
    await rm(elsewhere);
    expect(lastRunHolds(readLastRun(cacheDir), 'f1', dir)).toBe(false);

    forgetLastRun(cacheDir);
    expect(readLastRun(cacheDir)).toBeUndefined();
    expect(lastRunHolds(undefined, 'f1', dir)).toBe(false);
  });

  it('tells an entry written from the same key and left as it was from any other', async () => {
    await mkdir(path.join(dir, 'articles'), { recursive: true });
    for (const name of ['a', 'b', 'c']) await writeFile(path.join(dir, 'articles', `${name}.json`), `{"id": "${name}"}`);
    const cacheDir = path.join(dir, '.cache', 'ingest');
    const aStamp = stampOf(path.join(dir, 'articles', 'a.json'));
    const written = [lastRunLine(dir, 'articles/a.json', { key: 'k-a', stamp: aStamp }), lastRunLine(dir, 'articles/b.json', { key: 'k-b' }), lastRunLine(dir, 'articles/c.json', undefined)];
    expect(written).toEqual([
      ['articles/a.json', aStamp.size, aStamp.mtimeMs, 'k-a'],
      ['articles/b.json', ...Object.values(stampOf(path.join(dir, 'articles', 'b.json'))), 'k-b'],
      ['articles/c.json', ...Object.values(stampOf(path.join(dir, 'articles', 'c.json')))],
    ]);
    writeLastRun(cacheDir, { fingerprint: 'f1', context: 'c' }, dir, [], new Map(), [shard('i', written.slice(0, 1)), shard('j', written.slice(1))]);
    // Edited to the same size, its modification time moved on.
    const later = new Date(aStamp.mtimeMs + 5000);
    await writeFile(path.join(dir, 'articles', 'b.json'), '{"id": "B"}');
    utimesSync(path.join(dir, 'articles', 'b.json'), later, later);

    const entries = new LastRunEntries(readLastRun(cacheDir));
    expect(entries.unchanged(dir, 'articles/a.json', 'k-a')).toEqual(aStamp);
    expect(entries.unchanged(dir, 'articles/a.json', 'k-other')).toBeUndefined();
    expect(entries.unchanged(dir, 'articles/b.json', 'k-b')).toBeUndefined();
    // Recorded without a key: not known to be written from any record.
    expect(entries.unchanged(dir, 'articles/c.json', '')).toBeUndefined();
    expect(entries.unchanged(dir, 'articles/new.json', 'k-a')).toBeUndefined();
    expect(new LastRunEntries(undefined).unchanged(dir, 'articles/a.json', 'k-a')).toBeUndefined();
    await rm(path.join(dir, 'articles', 'a.json'));
    expect(entries.unchanged(dir, 'articles/a.json', 'k-a')).toBeUndefined();
  });

  it('writes the part of a shard only when it is not the last run\'s, and deletes the parts no index names', async () => {
    const cacheDir = path.join(dir, '.cache', 'ingest');
    const shards = [shard('i', [['articles/a.json', 1, 2, 'k-a']]), shard('j', [['articles/b.json', 1, 2, 'k-b']])];
    writeLastRun(cacheDir, { fingerprint: 'f1', context: 'c' }, dir, [], new Map(), shards);
    const first = await parts(cacheDir);
    expect(first).toHaveLength(2);
    const last = readLastRun(cacheDir) as NonNullable<ReturnType<typeof readLastRun>>;
    expect(last.shards.map(({ part: _part, ...rest }) => rest)).toEqual(shards);
    // Shard i as the last run left it: its part is that run's, never written again.
    const [keptPart] = last.shards.map((record) => record.part as string);
    await writeFile(path.join(cacheDir, 'last-run', `${keptPart}.json`), JSON.stringify({ kept: [], written: [] }));
    expect(samePart(shards[0] as ShardRecord, last.shards[0] as ShardRecord)).toBe(true);
    expect(samePart(shards[0] as ShardRecord, shard('i', [['articles/a.json', 1, 3, 'k-a']]))).toBe(false);
    writeLastRun(cacheDir, { fingerprint: 'f2', context: 'c' }, dir, [], new Map(), [{ ...(shards[0] as ShardRecord), part: keptPart as string }, shard('j', [['articles/b.json', 1, 3, 'k-b']])]);
    const second = await parts(cacheDir);
    expect(second).toHaveLength(2);
    expect(second).toContain(`${keptPart}.json`);
    expect(await readFile(path.join(cacheDir, 'last-run', `${keptPart}.json`), 'utf8')).toBe(JSON.stringify({ kept: [], written: [] }));
    expect(second.filter((name) => !first.includes(name))).toHaveLength(1);
  });

  it('reads a damaged record, or one with a damaged or missing part, as none', async () => {
    const cacheDir = path.join(dir, 'cache');
    await mkdir(cacheDir);
    for (const files of [[['a', 1]], [['a', 1, 2, 3]], [{ file: 'a' }], 'a']) {
      await writeFile(path.join(cacheDir, 'last-run.json'), JSON.stringify({ fingerprint: 'f', context: 'c', files, shards: [] }));
      expect(readLastRun(cacheDir)).toBeUndefined();
    }
    writeLastRun(cacheDir, { fingerprint: 'f', context: 'c' }, dir, [], new Map(), [shard('i', [['a', 1, 2]])]);
    const index = JSON.parse(await readFile(path.join(cacheDir, 'last-run.json'), 'utf8')) as { shards: { part: string }[] };
    const part = path.join(cacheDir, 'last-run', `${index.shards[0]?.part}.json`);
    const good = await readFile(part, 'utf8');
    const indexed = index.shards[0] as object;
    for (const shards of [undefined, [{ ...indexed, part: 3 }], [{ ...indexed, summary: { ...summary, languages: { fr: '1' } } }], [{ ...indexed, lines: 3 }]]) {
      await writeFile(path.join(cacheDir, 'last-run.json'), JSON.stringify({ ...index, shards }));
      expect(readLastRun(cacheDir)).toBeUndefined();
    }
    // A record of code that kept no key context.
    await writeFile(path.join(cacheDir, 'last-run.json'), JSON.stringify({ ...index, context: undefined }));
    expect(readLastRun(cacheDir)).toBeUndefined();
    await writeFile(path.join(cacheDir, 'last-run.json'), JSON.stringify(index));
    expect(readLastRun(cacheDir)?.shards).toEqual([{ ...shard('i', [['a', 1, 2]]), part: index.shards[0]?.part }]);
    for (const damaged of [JSON.stringify({ kept: [[0, 'fr/x']], written: [] }), JSON.stringify({ kept: [], written: [['a', 1]] }), good.slice(0, 10)]) {
      await writeFile(part, damaged);
      expect(readLastRun(cacheDir)).toBeUndefined();
    }
    await rm(part);
    expect(readLastRun(cacheDir)).toBeUndefined();
  });
});

describe('InputHasher', () => {
  const cache = () => path.join(dir, 'cache');
  const input = () => path.join(dir, 'input');
  async function put(name: string, text: string): Promise<void> {
    await writeFile(path.join(input(), name), text);
  }
  /** A run over the input files a minute from now: their hashes, and how many it read. */
  function run(names: string[], trust = true, inputDir = input(), startedMs = Date.now() + 60_000): { hashes: string[]; hashed: number } {
    const hasher = new InputHasher(cache(), inputDir, trust, startedMs);
    const hashes = names.map((name) => hasher.sha256(name));
    hasher.save();
    return { hashes, hashed: hasher.hashed };
  }

  beforeEach(async () => {
    await mkdir(input(), { recursive: true });
    await put('a.txt', 'first');
    await put('b.txt', 'second');
  });

  it('reads a file again only when its size, times or inode changed', async () => {
    expect(run(['a.txt', 'b.txt'])).toEqual({ hashes: [sha256Hex('first'), sha256Hex('second')], hashed: 2 });
    expect(run(['a.txt', 'b.txt'])).toEqual({ hashes: [sha256Hex('first'), sha256Hex('second')], hashed: 0 });
    // Same size, the modification time set back by hand: the change time still tells.
    const { mtime } = statSync(path.join(input(), 'a.txt'));
    await writeFile(path.join(input(), 'a.txt'), 'FIRST');
    utimesSync(path.join(input(), 'a.txt'), mtime, mtime);
    expect(run(['a.txt', 'b.txt'])).toEqual({ hashes: [sha256Hex('FIRST'), sha256Hex('second')], hashed: 1 });
  });

  it('names the files whose recorded bytes are gone: changed or deleted', async () => {
    run(['a.txt', 'b.txt']);
    await writeFile(path.join(input(), 'a.txt'), 'changed');
    const hasher = new InputHasher(cache(), input(), true, Date.now() + 60_000);
    hasher.sha256('a.txt');
    expect(hasher.continues).toBe(true);
    expect(hasher.gone()).toEqual([
      ['a.txt', sha256Hex('first')],
      ['b.txt', sha256Hex('second')],
    ]);
    expect(new InputHasher(cache(), path.join(dir, 'other'), true).continues).toBe(false);
    expect(new InputHasher(cache(), input(), false).continues).toBe(false);
  });

  it('reads every file when told not to trust the stats, or for another input folder', async () => {
    run(['a.txt', 'b.txt']);
    expect(run(['a.txt', 'b.txt'], false).hashed).toBe(2);
    await mkdir(path.join(dir, 'other'));
    await writeFile(path.join(dir, 'other', 'a.txt'), 'other');
    expect(run(['a.txt'], true, path.join(dir, 'other'))).toEqual({ hashes: [sha256Hex('other')], hashed: 1 });
  });

  it('tells once, as soon as it meets it, of a file whose bytes differ from those recorded; not of a new file', async () => {
    run(['a.txt', 'b.txt']);
    const told: string[] = [];
    const checked: string[] = [];
    const hashOnce = (names: string[]) => {
      const hasher = new InputHasher(cache(), input(), true, Date.now() + 60_000);
      hasher.onChanged = () => told.push(checked.at(-1) ?? '');
      for (const name of names) {
        checked.push(name);
        hasher.sha256(name);
      }
      hasher.save();
    };
    // Touched, same bytes: read again, nothing to tell.
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(input(), 'a.txt'), later, later);
    await put('c.txt', 'new');
    hashOnce(['a.txt', 'b.txt', 'c.txt']);
    expect(told).toEqual([]);
    await put('a.txt', 'FIRST');
    await put('b.txt', 'SECOND');
    hashOnce(['a.txt', 'b.txt', 'c.txt']);
    expect(told).toEqual(['a.txt']);
  });

  it('keeps its record in parts, and writes only the parts of files recorded otherwise', async () => {
    const names = Array.from({ length: 1500 }, (_, i) => `f${String(i).padStart(4, '0')}.txt`);
    for (const name of names) writeFileSync(path.join(input(), name), name);
    const parts = async (): Promise<string[]> => (await readdir(path.join(cache(), 'input-stats'))).sort();
    expect(run(names).hashed).toBe(1500);
    const first = await parts();
    expect(first.length).toBeGreaterThan(3);
    // Nothing recorded otherwise: neither a part nor the index is written.
    const index = statSync(path.join(cache(), 'input-stats.json')).mtimeMs;
    expect(run(names).hashed).toBe(0);
    expect(statSync(path.join(cache(), 'input-stats.json')).mtimeMs).toBe(index);
    // One file changed: its part alone is new, the one it replaces deleted.
    await put('f0700.txt', 'changed');
    expect(run(names).hashed).toBe(1);
    const second = await parts();
    expect(second.filter((name) => !first.includes(name))).toHaveLength(1);
    expect(second).toHaveLength(first.length);
    // A damaged part: its files alone are hashed again, and its part written whole again.
    await writeFile(path.join(cache(), 'input-stats', second[0] as string), '[["f0000.txt"');
    const { hashed } = run(names);
    expect(hashed).toBeGreaterThan(0);
    expect(hashed).toBeLessThan(1500 / 2);
    expect(run(names).hashed).toBe(0);
    expect(await parts()).toHaveLength(first.length);
  });

  it('does not trust the stats of a file written just before the run: it could change again within the same tick', async () => {
    expect(run(['a.txt', 'b.txt'], true, input(), Date.now()).hashed).toBe(2);
    expect(run(['a.txt', 'b.txt'], true, input(), Date.now()).hashed).toBe(2);
    expect(run(['a.txt', 'b.txt']).hashed).toBe(2);
    expect(run(['a.txt', 'b.txt']).hashed).toBe(0);
    // Its bytes are still known: once it changes, the record tells what it held.
    run(['a.txt', 'b.txt'], true, input(), Date.now());
    await put('a.txt', 'changed');
    const hasher = new InputHasher(cache(), input(), true, Date.now() + 60_000);
    hasher.sha256('a.txt');
    hasher.sha256('b.txt');
    expect(hasher.gone()).toEqual([['a.txt', sha256Hex('first')]]);
  });
});
