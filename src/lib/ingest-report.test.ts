import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Report, type ReportRecord } from '../schemas/report.ts';
import { reportPagePaths, reportView, type ReportView } from './ingest-report.ts';
import { byString } from './sort.ts';

const kept = (file: string): ReportRecord => ({ file, status: 'kept', warnings: [], id: `fr/${file.replace(/\W/g, '-')}`, title: `Titre ${file}`, lang: 'fr' });
const skipped = (file: string): ReportRecord => ({ file, status: 'skipped', reason: 'empty: the file has no bytes', warnings: [] });
const duplicate = (file: string, of: string): ReportRecord => ({ file, status: 'duplicate', reason: `duplicate: the same bytes as ${of}`, duplicateOf: of, warnings: [] });

function report(files: ReportRecord[]): Report {
  const sorted = [...files].sort(byString((record) => record.file));
  const status = { kept: 0, skipped: 0, duplicate: 0 };
  for (const file of sorted) status[file.status]++;
  return { summary: { files: sorted.length, status, languages: {}, reasons: {}, warnings: {} }, files: sorted };
}

/** n files: mostly kept, every tenth skipped, every 25th a duplicate of the file before it. */
function corpus(n: number, prefix = 'f'): ReportRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const file = `${prefix}/${String(i).padStart(6, '0')}.txt`;
    if (i % 25 === 24) return duplicate(file, `${prefix}/${String(i - 1).padStart(6, '0')}.txt`);
    return i % 10 === 9 ? skipped(file) : kept(file);
  });
}

const filesOf = (view: ReportView) => OUTCOMES.flatMap((outcome) => view.pages[outcome].flatMap((page) => page.rows.map((row) => `${outcome} ${row.file}`)));

describe('reportView', () => {
  const records = corpus(12000);
  const view = reportView(report(records));

  it('puts every file on exactly one page of its outcome, in path order', () => {
    const expected = OUTCOMES.flatMap((outcome) => records.filter((r) => r.status === outcome).map((r) => `${outcome} ${r.file}`));
    expect(filesOf(view)).toEqual(expected);
    for (const outcome of OUTCOMES) {
      for (const page of view.pages[outcome]) {
        expect(page.rows.length).toBe(page.count);
        expect(page.first).toBe(page.rows[0]?.file);
        expect(page.last).toBe(page.rows.at(-1)?.file);
      }
    }
    expect(view.pages.kept.length).toBeGreaterThan(3);
  });

  it('links kept files to their article and duplicates to their kept twin', () => {
    const keptRow = view.pages.kept[0]?.rows[0];
    expect(keptRow).toMatchObject({ file: 'f/000000.txt', article: { id: 'fr/f-000000-txt', title: 'Titre f/000000.txt', lang: 'fr' } });
    const dup = view.pages.duplicate[0]?.rows[0];
    expect(dup).toMatchObject({ file: 'f/000024.txt', reason: 'duplicate: the same bytes as f/000023.txt', twin: { file: 'f/000023.txt', id: 'fr/f-000023-txt' } });
    expect(view.pages.skipped[0]?.rows[0]).toEqual({ file: 'f/000009.txt', reason: 'empty: the file has no bytes', warnings: [] });
  });

  it('chains pages of an outcome through previous and next', () => {
    const pages = view.pages.kept;
    expect(pages[0]?.previous).toBeUndefined();
    expect(pages.at(-1)?.next).toBeUndefined();
    for (let i = 1; i < pages.length; i++) expect(pages[i]?.previous?.id).toBe(pages[i - 1]?.id);
  });

  it('changes only the pages near an added or removed file (cache keys)', () => {
    const keys = (v: ReportView) => new Set(reportPagePaths(v).map((entry) => entry.cacheKey));
    const before = keys(view);
    const grown = keys(reportView(report([...records.filter((r) => r.file !== 'f/006000.txt'), kept('f/000700a.txt')])));
    const changed = [...grown].filter((key) => !before.has(key));
    expect(before.size).toBeGreaterThan(20);
    // The page of each of the two changes, and at most one neighbour each when a boundary moves.
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(4);
  });

  it('names pages by a hash of their first file: the same input gives the same paths and keys', () => {
    const again = reportPagePaths(reportView(report(corpus(12000))));
    expect(again).toEqual(reportPagePaths(view));
    for (const entry of again) expect(entry.params.page).toMatch(/^[0-9a-f]{12}$/);
  });

  it('has no pages for an outcome with no files', () => {
    const only = reportView(report([kept('a.txt')]));
    expect(only.pages.skipped).toEqual([]);
    expect(only.pages.kept).toHaveLength(1);
  });
});
