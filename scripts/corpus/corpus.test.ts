import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LAYOUTS } from './article.ts';
import { BROKEN_KINDS, generateCorpus, planCorpus, type GeneratedFile } from './corpus.ts';
import { createRng } from '../lib/rng.ts';

const corpus = (articles: number, seed: number): GeneratedFile[] => [...generateCorpus({ articles, seed })];
const files = corpus(600, 7);
const text = (file: GeneratedFile): string => file.bytes.toString('utf8');
const articles = files.filter((f) => f.plan.kind === 'article');

describe('createRng', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    const draws = Array.from({ length: 1000 }, () => a.int(3, 9));
    expect(Array.from({ length: 1000 }, () => b.int(3, 9))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([3, 4, 5, 6, 7, 8, 9]));
    expect(createRng(43).next()).not.toBe(createRng(42).next());
  });
});

describe('generateCorpus', () => {
  it('is deterministic: same seed, same names and bytes; another seed, other files', () => {
    const again = corpus(600, 7);
    expect(again.map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(again.every((f, i) => f.bytes.equals((files[i] as GeneratedFile).bytes))).toBe(true);
    const other = corpus(600, 8);
    expect(other.filter((f, i) => f.bytes.equals((files[i] as GeneratedFile).bytes)).length).toBeLessThan(5);
  });

  it('dates every story in the year asked for, and changes nothing else', () => {
    const later = [...generateCorpus({ articles: 200, seed: 7, year: 2027 })];
    const dates = later.flatMap((f) => [...f.bytes.toString('latin1').matchAll(/\b\d{2}\/\d{2}\/(\d{4})\b/g)].map((m) => m[1]));
    expect(dates.length).toBeGreaterThan(20);
    expect(new Set(dates)).toEqual(new Set(['2027']));
    const usual = corpus(200, 7);
    expect(later.map((f) => f.name)).toEqual(usual.map((f) => f.name));
    expect(later.map((f) => f.plan)).toEqual(usual.map((f) => f.plan));
  });

  it('writes exactly the requested number of uniquely named files', () => {
    expect(files).toHaveLength(600);
    expect(new Set(files.map((f) => f.name)).size).toBe(600);
    for (const f of files) expect(f.name).toMatch(/^\d{6}_[0-9a-f]{16}\.txt$/);
    expect(corpus(7, 1)).toHaveLength(7);
    expect(() => planCorpus({ articles: 0, seed: 1 })).toThrow(/positive integer/);
  });

  it('mixes the three languages, fr first, and every layout in each', () => {
    const byLang = { fr: 0, ru: 0, el: 0 };
    const combos = new Set<string>();
    for (const f of articles) {
      if (f.plan.kind !== 'article') continue;
      byLang[f.plan.lang]++;
      combos.add(`${f.plan.lang}/${f.plan.layout}`);
    }
    expect(byLang.fr).toBeGreaterThan(byLang.ru);
    expect(byLang.ru).toBeGreaterThan(byLang.el * 0.9);
    expect(byLang.el / articles.length).toBeGreaterThan(0.15);
    expect(combos.size).toBe(3 * LAYOUTS.length);
  });

  it('has translations sharing a source URL in different languages, and no other shared URL', () => {
    const bySource = new Map<string, Set<string>>();
    let withUrl = 0;
    for (const f of articles) {
      const url = /^(?:Source : |Источник: |Πηγή: )(\S+)$/m.exec(text(f))?.[1];
      if (!url || f.plan.kind !== 'article') continue;
      withUrl++;
      bySource.set(url, (bySource.get(url) ?? new Set()).add(f.plan.lang));
    }
    // Distinct stories never collide: a URL's files are all in different languages.
    expect([...bySource.values()].reduce((n, langs) => n + langs.size, 0)).toBe(withUrl);
    const shared = [...bySource.values()].filter((langs) => langs.size > 1);
    const filesInShared = shared.reduce((n, langs) => n + langs.size, 0);
    expect(filesInShared / articles.length).toBeGreaterThan(0.08);
    expect(filesInShared / articles.length).toBeLessThan(0.25);
  });

  it('has exact duplicates of earlier files', () => {
    const duplicates = files.filter((f) => f.plan.kind === 'duplicate');
    expect(duplicates.length).toBe(12);
    for (const dup of duplicates) {
      if (dup.plan.kind !== 'duplicate') continue;
      const original = files[dup.plan.of] as GeneratedFile;
      expect(files.indexOf(dup)).toBeGreaterThan(dup.plan.of);
      expect(original.plan.kind).toBe('article');
      expect(dup.bytes.equals(original.bytes)).toBe(true);
    }
  });

  it('has one broken file of every kind, each broken the way it says', () => {
    const broken = new Map(files.flatMap((f) => (f.plan.kind === 'broken' ? [[f.plan.broken, f.bytes] as const] : [])));
    expect([...broken.keys()].sort()).toEqual([...BROKEN_KINDS].sort());
    expect(broken.get('empty')?.length).toBe(0);
    const isUtf8 = (bytes: Buffer | undefined): boolean => new TextDecoder('utf-8', { fatal: false }).decode(bytes).includes('\uFFFD') === false;
    expect(isUtf8(broken.get('binary'))).toBe(false);
    expect(isUtf8(broken.get('windows-1251'))).toBe(false);
    expect(iconv.decode(broken.get('windows-1251') ?? Buffer.alloc(0), 'windows-1251')).toMatch(/Источник: https?:\/\//);
    expect(iconv.decode(broken.get('windows-1253') ?? Buffer.alloc(0), 'windows-1253')).toMatch(/Πηγή: https?:\/\//);
    expect(broken.get('crlf')?.toString()).toMatch(/\r\nSource : https?:\/\//);
    expect(broken.get('vietnamese-only')?.toString()).toMatch(/Đảng/);
  });

  it('keeps article sizes between 3 and 16 KB', () => {
    for (const f of articles) {
      expect(f.bytes.length).toBeGreaterThan(2800);
      expect(f.bytes.length).toBeLessThan(16_500);
    }
  });

  it('reproduces the blocks of the real files', () => {
    const all = articles.map(text).join('\n=====\n');
    const expected: [string, RegExp][] = [
      ['site header', /^Vietnam\.vn - Nền tảng quảng bá Việt Nam$/m],
      ['publisher line', /^(.+)\1\d{2}\/\d{2}\/20\d{2}$/m],
      ['repeated tag line', /^(Résolution n° \d+[^\n]+)\n\n\1$/m],
      ['untranslated alt text', /- Ảnh \d+\.$/m],
      ['photo credit', /(?:Photo ?: |Фото: |Φωτογραφία: )\S/],
      ['image file name', /^[a-z ]+(?: \d)?\.(?:jpg|jpeg|png|webp)$/m],
      ['ad placeholder', /^\[(?:publicité|реклама|διαφήμιση)_\d+\]$/m],
      ['dateline with publisher', /^\S[^\n]{1,30} - (?:Le |Το |Στις |Утром |Днём |\d)/m],
      ['date dateline', /^(?:Le \d+ (?:janvier|juillet|novembre)|Утром \d+ |Το πρωί της \d+ης )/m],
      ['source lines', /^Source : https?:\/\/[^\n]+\n[\s\S]*^Источник: https?:\/\/[^\n]+[\s\S]*^Πηγή: https?:\/\//m],
      ['chrome after the source', /^Même catégorie$[\s\S]*^No videos available$/m],
      ['comment counter', /^Σχόλιο \(0\)$/m],
      ['nld.com.vn id with time', /nld\.com\.vn\/[a-z0-9-]+-196\d{15}\.htm/],
      ['people in three scripts', /To Lam[\s\S]*То Лам|То Лам[\s\S]*To Lam/],
      ['Greek Politburo, declined', /του Πολιτικού Γραφείου/],
      ['Russian Hanoi, declined', /Ханоя|Ханое/],
      ['document references', /18-NQ\/TW[\s\S]*98\/2023\/QH15|98\/2023\/QH15[\s\S]*18-NQ\/TW/],
    ];
    for (const [what, pattern] of expected) expect(all, what).toMatch(pattern);
    const blankSeparated = articles.filter((f) => /\n\n/.test(text(f).split(/^(?:Source|Источник|Πηγή)/m)[0] ?? '')).length;
    expect(blankSeparated).toBeGreaterThan(articles.length * 0.3);
    expect(blankSeparated).toBeLessThan(articles.length * 0.9);
  });
});

describe('generate-corpus CLI', () => {
  it('writes the files it promises', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
    try {
      execFileSync(process.execPath, ['scripts/generate-corpus.ts', '--articles', '40', '--seed', '5', '--out', out, '--quiet']);
      const names = readdirSync(out).sort();
      const expected = corpus(40, 5);
      expect(names).toEqual(expected.map((f) => f.name).sort());
      const first = expected[0] as GeneratedFile;
      expect(readFileSync(path.join(out, first.name)).equals(first.bytes)).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
