import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listInputs, readManifest, removeOrphanTemporaries, removeStale, ResultCache, writeAtomic, writeManifest } from './store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listInputs', () => {
  it('lists *.txt files recursively, with / separators, in code-point order', async () => {
    await mkdir(path.join(dir, 'b', 'c'), { recursive: true });
    for (const file of ['z.txt', 'a.TXT', 'b/c/d.txt', 'b/e.txt', 'notes.md', 'b/c/img.jpg']) await writeFile(path.join(dir, file), 'x');
    expect(await listInputs(dir)).toEqual(['a.TXT', 'b/c/d.txt', 'b/e.txt', 'z.txt']);
  });
});

describe('writeAtomic', () => {
  it('writes through a temporary file, leaves none behind, and skips unchanged content', async () => {
    const file = path.join(dir, 'deep', 'a.json');
    expect(await writeAtomic(file, 'one')).toBe(true);
    expect(await writeAtomic(file, 'one')).toBe(false);
    expect(await writeAtomic(file, 'two')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.dirname(file))).toEqual(['a.json']);
  });
});

describe('manifest and stale files', () => {
  it('removes only files the previous run wrote and this one did not', async () => {
    await mkdir(path.join(dir, 'articles', 'fr'), { recursive: true });
    for (const file of ['articles/fr/old.json', 'articles/fr/kept.json', 'articles/fr/someone-elses.json']) await writeFile(path.join(dir, file), '{}');
    await writeManifest(dir, ['articles/fr/old.json', 'articles/fr/kept.json', '../outside.txt']);
    const previous = await readManifest(dir);
    expect(previous).toEqual(['../outside.txt', 'articles/fr/kept.json', 'articles/fr/old.json']);
    await writeFile(path.join(dir, '..', 'outside.txt'), 'not ours').catch(() => undefined);
    expect(await removeStale(dir, previous, ['articles/fr/kept.json'])).toEqual(['articles/fr/old.json']);
    expect((await readdir(path.join(dir, 'articles', 'fr'))).sort()).toEqual(['kept.json', 'someone-elses.json']);
  });

  it('removes the temporary files a killed run left, and nothing else', async () => {
    await mkdir(path.join(dir, 'raw'), { recursive: true });
    await mkdir(path.join(dir, 'articles', 'ru'), { recursive: true });
    await mkdir(path.join(dir, 'elsewhere'), { recursive: true });
    const left = ['raw/.ab12.txt.4643.tmp', 'articles/ru/.x-1.json.77.tmp', '.ingest-report.json.9.tmp'];
    const others = ['raw/ab12.txt', 'raw/.notes.tmp', 'articles/ru/x-1.json', 'elsewhere/.y.json.5.tmp'];
    for (const file of [...left, ...others]) await writeFile(path.join(dir, file), 'x');
    expect(await removeOrphanTemporaries(dir, ['articles', 'raw'])).toEqual([...left].sort());
    for (const file of others) await expect(readFile(path.join(dir, file), 'utf8')).resolves.toBe('x');
  });

  it('reads a missing or broken manifest as empty', async () => {
    expect(await readManifest(dir)).toEqual([]);
    await writeFile(path.join(dir, '.ingest-manifest.json'), '{not json');
    expect(await readManifest(dir)).toEqual([]);
  });
});

describe('ResultCache', () => {
  it('returns what was stored, counts hits, prunes what a run did not use', async () => {
    const first = new ResultCache(dir);
    await first.set('a'.repeat(64), { status: 'kept' });
    await first.set('b'.repeat(64), { status: 'skipped' });
    const second = new ResultCache(dir);
    expect(await second.get('a'.repeat(64))).toEqual({ status: 'kept' });
    expect(await second.get('c'.repeat(64))).toBeUndefined();
    expect(second.hits).toBe(1);
    await second.prune();
    expect(await readdir(second.dir)).toEqual([`${'a'.repeat(64)}.json`]);
  });
});
