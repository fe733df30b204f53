import { describe, expect, it } from 'vitest';
import { checkReport, parseReport, tally, writesOutside } from './verdict.ts';

describe('checkReport', () => {
  const inputs = ['a.txt', 'b.txt', 'c.txt'];

  it('accepts a report that accounts for every file', () => {
    const records = [
      { file: 'a.txt', status: 'kept', id: 'fr/a' },
      { file: 'b.txt', status: 'skipped', reason: 'no body' },
      { file: 'c.txt', status: 'duplicate', reason: 'same bytes as a.txt' },
    ];
    expect(checkReport(inputs, records)).toEqual([]);
    expect(tally(records)).toEqual({ tried: 3, kept: 1, skipped: 1, duplicate: 1 });
  });

  it('names dropped, doubled, unknown, unexplained and stray records', () => {
    const problems = checkReport(inputs, [
      { file: 'a.txt', status: 'kept' },
      { file: 'b.txt', status: 'skipped', reason: ' ' },
      { file: 'b.txt', status: 'crashed', reason: 'x' },
      { file: 'z.txt', status: 'kept', id: 'fr/z' },
    ]);
    expect(problems).toEqual([
      '"b.txt": reported 2 times',
      '"c.txt": missing from the report (silently dropped)',
      '"a.txt": kept without an id',
      '"b.txt": skipped without a reason',
      '"b.txt": unknown status "crashed"',
      '"z.txt": reported but not an input file',
    ]);
  });
});

describe('parseReport', () => {
  it('reads the files array', () => {
    expect(parseReport('{"files":[{"file":"a","status":"kept","id":"fr/a","extra":1}]}', 'r.json')).toEqual([
      { file: 'a', status: 'kept', reason: undefined, id: 'fr/a' },
    ]);
  });

  it('names the report when it is broken', () => {
    expect(() => parseReport('{', 'out/r.json')).toThrow(/out\/r.json: report is not JSON/);
    expect(() => parseReport('{"files":{}}', 'out/r.json')).toThrow(/no "files" array/);
    expect(() => parseReport('{"files":[{"file":1}]}', 'out/r.json')).toThrow(/record 0/);
  });
});

describe('writesOutside', () => {
  const before = new Map([
    ['/box/input/a.txt', 'h1'],
    ['/box/out/old.json', 'h2'],
  ]);

  it('ignores anything under the output folder, even names starting with dots', () => {
    const after = new Map([...before, ['/box/out', 'dir'], ['/box/out/..txt', 'h3'], ['/box/out/articles/fr/x.json', 'h4']]);
    after.delete('/box/out/old.json');
    expect(writesOutside(before, after, '/box/out')).toEqual([]);
  });

  it('reports new, changed and deleted files elsewhere', () => {
    const after = new Map([
      ['/box/input/a.txt', 'changed'],
      ['/box/escape.txt', 'h5'],
      ['/box/out/old.json', 'h2'],
      ['/box/outside/x', 'h6'],
    ]);
    expect(writesOutside(new Map([...before, ['/box/gone', 'h7']]), after, '/box/out')).toEqual([
      '/box/escape.txt',
      '/box/gone (deleted)',
      '/box/input/a.txt',
      '/box/outside/x',
    ]);
  });
});
