import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, plausibility } from './decode.ts';

const seed = (name: string): string => readFileSync(`content/raw/${name}`, 'utf8');
const french = seed('000_647adb3486ad43d7.txt').split('\n').slice(4, 9).join('\n');
const russian = seed('002_71d977bec0ddab80.txt').slice(0, 1500);
const greek = seed('004_eccd677ccf18e2ae.txt').slice(0, 1500);

describe('decode', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = Buffer.from(french, 'utf8');
    expect(decode(bytes)).toEqual({ text: french, encoding: 'utf-8', warnings: [] });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])).text).toBe(french);
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(russian, 'utf16le')]);
    expect(decode(le)).toMatchObject({ text: russian, encoding: 'utf-16le' });
    const be = Buffer.from(russian, 'utf16le').swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text: russian, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM, with a warning', () => {
    const be = Buffer.from(greek, 'utf16le').swap16();
    const result = decode(be);
    expect(result).toMatchObject({ text: greek, encoding: 'utf-16be' });
    expect(result.warnings[0]).toMatch(/^encoding: .*without a byte order mark/);
  });

  it.each([
    ['windows-1252', french],
    ['windows-1251', russian],
    ['koi8-r', russian],
    ['windows-1253', greek],
  ])('reads %s text as itself', (encoding, text) => {
    const expected = iconv.decode(iconv.encode(text, encoding), encoding);
    const result = decode(iconv.encode(text, encoding));
    expect(result.encoding).toBe(encoding);
    expect(result.text).toBe(expected);
    expect(result.warnings).toEqual([`encoding: not UTF-8, read as ${encoding}`]);
  });

  it('does not read lower-case Cyrillic or Greek code pages as accented Latin', () => {
    const lower = 'постоянный комитет городского комитета партии требует синхронного внедрения во всех коммунах и районах';
    expect(decode(iconv.encode(lower, 'windows-1251'))).toMatchObject({ text: lower, encoding: 'windows-1251' });
    const greekLower = 'το συνέδριο χορήγησε υποστήριξη για την κατασκευή οίκων ευγνωμοσύνης και έργων πολιτικού μηχανικού';
    expect(decode(iconv.encode(greekLower, 'windows-1253'))).toMatchObject({ text: greekLower, encoding: 'windows-1253' });
  });

  it('reads Windows-1252 punctuation as Windows-1252, never as Latin-1 controls', () => {
    const text = 'L’œuvre « réalisée » – c’est l’essentiel… Mise en œuvre globale des tâches clés du Parti.';
    const result = decode(iconv.encode(text, 'windows-1252'));
    expect(result.text).toBe(text);
    expect(result.text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('tells ISO-8859-7 from Windows-1253 by the letters they place differently (Ά)', () => {
    const text = 'Άνοιξη στο Ανόι. Άρθρο για την Άνοδο της οικονομίας και την Άμυνα της χώρας, Άγιος.';
    expect(decode(iconv.encode(text, 'iso-8859-7'))).toMatchObject({ text, encoding: 'iso-8859-7' });
    expect(decode(iconv.encode(text, 'windows-1253'))).toMatchObject({ text, encoding: 'windows-1253' });
  });
});

describe('plausibility', () => {
  it('prefers the right reading of Cyrillic bytes over a wrong one', () => {
    const bytes = iconv.encode(russian, 'koi8-r');
    expect(plausibility(iconv.decode(bytes, 'koi8-r'))).toBeGreaterThan(plausibility(iconv.decode(bytes, 'windows-1251')));
    expect(plausibility(iconv.decode(bytes, 'koi8-r'))).toBeGreaterThan(plausibility(iconv.decode(bytes, 'windows-1252')));
  });

  it('scores random bytes low', () => {
    const noise = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(plausibility(iconv.decode(noise, 'windows-1252'))).toBeLessThan(0.6);
  });
});
