import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { changeOneFile, changeText, evenly, linkCorpus, updateCorpus } from './update.ts';

describe('evenly', () => {
  it('spreads distinct indexes over the range', () => {
    expect(evenly(1000, 4, 0)).toEqual([0, 250, 500, 750]);
    expect(evenly(1000, 4, 0.5)).toEqual([125, 375, 625, 875]);
    expect(evenly(3, 5, 0)).toHaveLength(3);
    expect(evenly(0, 5, 0)).toEqual([]);
  });
});

describe('changeText', () => {
  it('lengthens the first paragraph of UTF-8 text and leaves other encodings alone', () => {
    expect(changeText(Buffer.from('Title\nFirst. Second.\nThird'))?.toString()).toBe('Title\nFirst. Second. First.\nThird');
    expect(changeText(iconv.encode('Заголовок\nПервое. Второе.', 'windows-1251'))).toBeUndefined();
  });
});

describe('updateCorpus', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-update-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds 1 %, changes and removes 0.1 % of a linked copy in place, and never touches the corpus', () => {
    const corpus = path.join(dir, 'corpus');
    mkdirSync(corpus);
    const names = Array.from({ length: 2000 }, (_, i) => `${String(i).padStart(6, '0')}.txt`);
    for (const name of names) writeFileSync(path.join(corpus, name), `Title ${name}\nOne. Two.\n`);
    linkCorpus(corpus, path.join(dir, 'updated'));
    expect(statSync(path.join(dir, 'updated', names[0] as string)).ino).toBe(statSync(path.join(corpus, names[0] as string)).ino);
    const plan = updateCorpus(path.join(dir, 'updated'), 1);
    expect(plan).toEqual({ added: 20, changed: 2, removed: 2 });
    const updated = readdirSync(path.join(dir, 'updated')).sort();
    expect(updated.filter((name) => name.startsWith('update-'))).toHaveLength(20);
    expect(updated.filter((name) => !name.startsWith('update-'))).toHaveLength(1998);
    const changed = names.filter((name) => updated.includes(name) && readFileSync(path.join(dir, 'updated', name), 'utf8') !== `Title ${name}\nOne. Two.\n`);
    expect(changed).toHaveLength(2);
    for (const name of names) expect(readFileSync(path.join(corpus, name), 'utf8')).toBe(`Title ${name}\nOne. Two.\n`);
  });
});

describe('changeOneFile', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-one-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('changes the body of the middle file alone, skipping files it cannot change, through a hard link too', () => {
    const corpus = path.join(dir, 'corpus');
    const copy = path.join(dir, 'copy');
    mkdirSync(corpus);
    mkdirSync(copy);
    writeFileSync(path.join(corpus, 'a.txt'), 'A\nOne. Two.\n');
    writeFileSync(path.join(corpus, 'b.txt'), iconv.encode('Заголовок\nПервое. Второе.', 'windows-1251'));
    writeFileSync(path.join(corpus, 'c.txt'), 'C\nThree. Four.\n');
    for (const name of readdirSync(corpus)) linkSync(path.join(corpus, name), path.join(copy, name));
    expect(changeOneFile(copy)).toBe('c.txt');
    expect(readFileSync(path.join(copy, 'c.txt'), 'utf8')).toBe('C\nThree. Four. Three.\n');
    expect(readFileSync(path.join(copy, 'a.txt'), 'utf8')).toBe('A\nOne. Two.\n');
    expect(readFileSync(path.join(corpus, 'c.txt'), 'utf8')).toBe('C\nThree. Four.\n');
  });
});
