import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asDuplicate } from './dedupe.ts';
import { ingestFile } from './pipeline.ts';
import { formatSummary, kindOf, mergeSummaries, recordLine, reportFrame, summarize, toRecord } from './report.ts';
import type { FileOutcome } from './outcome.ts';

/** The report file's text of outcomes in path order, as a run joins its shards' lines. */
const reportText = (outcomes: FileOutcome[], cut = 1): string => {
  const { head, separator, tail } = reportFrame(summarize(outcomes), outcomes.length === 0);
  const shards = [outcomes.slice(0, cut), outcomes.slice(cut)].filter((shard) => shard.length > 0);
  return `${head}${shards.map((shard) => shard.map(recordLine).join(separator)).join(separator)}${tail}`;
};

describe('the report', () => {
  const seed = readFileSync('content/raw/004_eccd677ccf18e2ae.txt');
  const outcomes = [
    ingestFile(seed, 'a.txt', []),
    asDuplicate(ingestFile(seed, 'b.txt', []), { twin: 'a.txt', sameBytes: true }),
    ingestFile(Buffer.alloc(0), 'c.txt', []),
    ingestFile(readFileSync('tests/fixtures/ingest/impossible-date.txt'), 'd.txt', []),
  ];
  const report = JSON.parse(reportText(outcomes, 2)) as { summary: ReturnType<typeof summarize>; files: ReturnType<typeof toRecord>[] };

  it('has one record per file, in path order, with the kept article fields', () => {
    expect(report.files.map((record) => [record.file, record.status])).toEqual([
      ['a.txt', 'kept'],
      ['b.txt', 'duplicate'],
      ['c.txt', 'skipped'],
      ['d.txt', 'kept'],
    ]);
    expect(report.files[0]).toMatchObject({
      lang: 'el',
      url: expect.stringMatching(/^\/articles\/el\/tiep-tuc-thuc-hien-hieu-qua-[a-z0-9-]+\/$/),
      titleSource: 'derived',
      date: '2024-11-30',
      dateSource: 'inferred',
      publisher: { name: 'Kinh tế & Đô thị', domain: 'kinhtedothi.vn' },
      translationKey: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(report.files[1]).toMatchObject({ duplicateOf: 'a.txt' });
    expect(report.files[2]).toEqual({ file: 'c.txt', status: 'skipped', reason: 'empty: the file has no bytes', warnings: [] });
  });

  it('counts statuses, languages, reasons and warnings by kind', () => {
    expect(report.summary).toEqual({
      files: 4,
      status: { kept: 2, skipped: 1, duplicate: 1 },
      languages: { el: 1, fr: 1 },
      reasons: { duplicate: 1, empty: 1 },
      warnings: { date: 2 },
    });
    expect(formatSummary(report.summary, { cacheHits: 3, seconds: 1.5, reportPath: 'r.json' })).toContain('warnings: date 2');
  });
});

describe('the report file', () => {
  it('is the report as JSON, a record a line, whatever the shards', () => {
    const outcomes = [ingestFile(readFileSync('content/raw/004_eccd677ccf18e2ae.txt'), 'a.txt', []), ingestFile(Buffer.alloc(0), 'c.txt', [])];
    const text = reportText(outcomes);
    expect(reportText(outcomes, 2)).toBe(text);
    expect(JSON.parse(text)).toEqual({ summary: summarize(outcomes), files: outcomes.map(toRecord) });
    expect(text.split('\n').slice(1, -2).map((line) => JSON.parse(line.replace(/,$/, '')).file)).toEqual(['a.txt', 'c.txt']);
    expect(JSON.parse(reportText([]))).toEqual({ summary: summarize([]), files: [] });
  });

  it('counts as the sum of its shards', () => {
    const seed = readFileSync('content/raw/004_eccd677ccf18e2ae.txt');
    const outcomes = [ingestFile(seed, 'a.txt', []), ingestFile(Buffer.alloc(0), 'c.txt', []), ingestFile(readFileSync('tests/fixtures/ingest/impossible-date.txt'), 'd.txt', [])];
    expect(mergeSummaries([summarize(outcomes.slice(0, 1)), summarize(outcomes.slice(1))])).toEqual(summarize(outcomes));
  });
});

describe('kindOf', () => {
  it('reads the kind prefix of a message', () => {
    expect(kindOf('date: impossible date 31/02/2025 in publisher line')).toBe('date');
    expect(kindOf('no prefix here')).toBe('other');
  });
});
