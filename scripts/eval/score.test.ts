import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabels, type Label } from './labels.ts';
import { belowThreshold, formatScore, scoreLabelled } from './score.ts';

const sample = (fields: Partial<Label>): Label => ({
  file: 'content/raw/000_647adb3486ad43d7.txt',
  class: 'sample',
  status: 'kept',
  lang: 'fr',
  title: 'Mettre en œuvre de manière globale et efficace les tâches clés',
  date: '2025-01-26',
  publisher: 'Người Lao Động',
  chrome: [],
  body: [],
  ...fields,
});

describe('scoreLabelled', () => {
  it('scores a right label right', () => {
    const score = scoreLabelled('.', [sample({ chrome: ['Comment (0)'], body: ['Le camarade Nguyen Ho Hai'] })]);
    expect(score.misses).toEqual([]);
    expect(score.tallies.title).toEqual({ n: 1, correct: 1, given: 1, givenRight: 1, wanted: 1, wantedRight: 1 });
    expect(belowThreshold(score, 0.98)).toEqual([]);
  });

  it('lists each miss with the value found and wanted, and counts a wrong date as invented', () => {
    const score = scoreLabelled('.', [sample({ title: null, date: '2025-01-27', chrome: ['Le camarade Nguyen Ho Hai'] })]);
    expect(score.misses.map((miss) => [miss.field, miss.found, miss.wanted])).toEqual([
      ['title', 'Mettre en œuvre de manière globale et efficace les tâches clés', '(none)'],
      ['date', '2025-01-26 (publisher-line)', '2025-01-27'],
      ['no invented date', expect.stringMatching(/^2025-01-26 \(publisher-line\): printed after/), '2025-01-27'],
      ['chrome out of body', 'kept: Le camarade Nguyen Ho Hai', 'left out'],
    ]);
    // Precision counts the values given, recall the values the file holds.
    expect(score.tallies.title).toMatchObject({ given: 1, givenRight: 0 });
    expect(score.tallies.title.wanted).toBeUndefined();
    expect(belowThreshold(score, 0.98)).toEqual(['title', 'date', 'chrome out of body', 'no invented date']);
    expect(formatScore(score)).toMatch(/\| title +\| 0\/1 +\| 0\.0 % +\| 0\.0 % \(0\/1\) +\| — +\|/);
  });

  it('checks translation groups both ways: together when labelled so, apart otherwise', () => {
    const fr = sample({ group: 'a' });
    const other = sample({ file: 'content/raw/003_736dc36327812824.txt', title: null, date: null, publisher: null, group: 'a' });
    expect(scoreLabelled('.', [fr, other]).misses.filter((miss) => miss.field === 'groups')).toHaveLength(2);
  });

  it('names a labelled file it cannot read', () => {
    expect(() => scoreLabelled('.', [sample({ file: 'no/such/file.txt' })])).toThrow('no/such/file.txt: labelled but not readable (ENOENT)');
  });
});

describe('readLabels', () => {
  it('refuses a kept file without the fields every kept file is scored on, and a file labelled twice', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'labels-'));
    const file = path.join(dir, 'labels.yaml');
    writeFileSync(file, '- file: a.txt\n  class: x\n  status: kept\n  lang: fr\n');
    expect(() => readLabels(file)).toThrow(/a\.txt is kept but lacks lang, title or date/);
    writeFileSync(file, '- file: a.txt\n  class: x\n  status: skipped\n- file: a.txt\n  class: x\n  status: skipped\n');
    expect(() => readLabels(file)).toThrow(/a\.txt is labelled twice/);
    writeFileSync(file, '- file: a.txt\n  class: x\n  status: maybe\n');
    expect(() => readLabels(file)).toThrow(/not a list of labels: 0\.status/);
  });
});
