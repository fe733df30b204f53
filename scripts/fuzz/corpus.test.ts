import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, GENERATOR_KINDS, type Sample } from './corpus.ts';
import { createRng } from '../lib/rng.ts';

const rawDir = path.resolve('content/raw');
const samples: Sample[] = readdirSync(rawDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(rawDir, name))) }));

const small = { samples, longLineBytes: 4096 };

describe('createRng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 20 }, () => a.below(1000));
    expect(Array.from({ length: 20 }, () => b.below(1000))).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.below(1000))).not.toEqual(seqA);
  });

  it('keeps between() inside its bounds', () => {
    const rng = createRng(1);
    const values = Array.from({ length: 2000 }, () => rng.int(3, 5));
    expect(new Set(values)).toEqual(new Set([3, 4, 5]));
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRng(1).pick([])).toThrow(/no items/);
  });
});

describe('generateCorpus', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const digest = (seed: number): string[] =>
      generateCorpus({ seed, count: 120, ...small }).map((c) => `${c.path} ${c.kind} ${createHash('sha256').update(c.bytes).digest('hex')}`);
    const one = digest(42);
    expect(digest(42)).toEqual(one);
    expect(digest(43)).not.toEqual(one);
  });

  it('uses every generator within one round of the schedule', () => {
    const corpus = generateCorpus({ seed: 1, count: 200, ...small });
    expect(new Set(corpus.map((c) => c.kind))).toEqual(new Set(GENERATOR_KINDS));
  });

  it('gives unique, relative, creatable paths, some of them hostile', () => {
    const corpus = generateCorpus({ seed: 3, count: 1000, ...small });
    const paths = corpus.map((c) => c.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) {
      expect(path.isAbsolute(p), p).toBe(false);
      expect(p.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && Buffer.byteLength(part) <= 255), p).toBe(true);
    }
    expect(paths.some((p) => p.includes('/..'))).toBe(true);
    expect(paths.some((p) => p.includes('\\'))).toBe(true);
  });

  it('makes the damage the issue lists', () => {
    const corpus = generateCorpus({ seed: 5, count: 600, samples, longLineBytes: 5 * 2 ** 20 });
    const has = (predicate: (bytes: Buffer) => boolean): boolean => corpus.some((c) => predicate(Buffer.from(c.bytes)));
    expect(has((b) => b.includes(0))).toBe(true);
    expect(has((b) => b.indexOf(Buffer.from([0xef, 0xbb, 0xbf])) > 0)).toBe(true);
    expect(has((b) => b.toString('utf8').split('\n').some((line) => line.length >= 5 * 2 ** 20 / 4))).toBe(true);
    expect(has((b) => /(<[^<>]+>)\1{99}/.test(b.toString('latin1')))).toBe(true);
    expect(has((b) => /^---(js|javascript| js|coffee)\n/.test(b.toString('utf8')))).toBe(true);
    expect(has((b) => /(Source|Источник|Πηγή) ?: +javascript:/i.test(b.toString('utf8')))).toBe(true);
    expect(has((b) => b.includes('https://user:pass@'))).toBe(true);
    expect(has((b) => b.includes('data:text/html'))).toBe(true);
    expect(has((b) => b.includes('file:///'))).toBe(true);
    expect(has((b) => b.includes('<script>alert(1)</script>'))).toBe(true);
    expect(has((b) => b.length === 0)).toBe(true);
    // A truncated sample that ends inside a multi-byte character.
    expect(has((b) => b.length > 0 && ((b.at(-1) ?? 0) & 0xc0) === 0xc0)).toBe(true);
  });

  it('refuses to run without samples', () => {
    expect(() => generateCorpus({ seed: 1, count: 1, samples: [] })).toThrow(/no samples/);
  });
});
