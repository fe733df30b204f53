import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { defaultReportPath } from '../config/archive.ts';
import { OUTCOMES, parseReport, type OutcomeStatus, type Report, type ReportRecord } from '../schemas/report.ts';
import { cacheKey } from './cache-key.ts';
import { errorReason } from './errors.ts';
import { chunk, type ChunkSizes } from './paginate.ts';

/**
 * The ingest report as the site shows it (/report/): a summary page, and the files of each
 * outcome in path order on pages cut at content-defined boundaries, like the listings, so a
 * file added or removed changes its own page and at most a neighbour's, never every page after.
 */

/** A report row is one short line: pages hold a few hundred, so 100,000 files make ~400 pages. */
const REPORT_PAGE_SIZES: ChunkSizes = { min: 100, max: 500, oneIn: 150 };

interface ReportRow {
  /** Relative to the input folder, as the ingest names it. */
  file: string;
  reason?: string;
  warnings: string[];
  /** Kept files: the article they became. */
  article?: { id: string; title: string; lang: string };
  /** Duplicates: the kept file they repeat, and its article. */
  twin?: { file: string; id?: string };
}

/** A page of one outcome as the summary and its neighbours link it. */
interface ReportPageLink {
  outcome: OutcomeStatus;
  /** The URL segment: a hash of the page's first file, stable while that file is there. */
  id: string;
  first: string;
  last: string;
  count: number;
}

/** What a page shows of its neighbours: only what a link to them reads, so their counts can change alone. */
export type NeighbourLink = Pick<ReportPageLink, 'outcome' | 'id' | 'first'>;

export interface ReportPage extends ReportPageLink {
  rows: ReportRow[];
  previous?: NeighbourLink;
  next?: NeighbourLink;
}

export interface ReportView {
  summary: Report['summary'];
  pages: Record<OutcomeStatus, ReportPage[]>;
}

const pageId = (file: string): string => createHash('sha256').update(file).digest('hex').slice(0, 12);

function toRow(record: ReportRecord, keptIds: ReadonlyMap<string, string>): ReportRow {
  const row: ReportRow = { file: record.file, warnings: record.warnings };
  if (record.reason !== undefined) row.reason = record.reason;
  if (record.status === 'kept' && record.id !== undefined) row.article = { id: record.id, title: record.title ?? record.id, lang: record.lang ?? 'und' };
  if (record.duplicateOf !== undefined) {
    const id = keptIds.get(record.duplicateOf);
    row.twin = id === undefined ? { file: record.duplicateOf } : { file: record.duplicateOf, id };
  }
  return row;
}

/** Shapes a report for its pages; rows keep the report's path order. */
export function reportView(report: Report): ReportView {
  const keptIds = new Map<string, string>();
  for (const record of report.files) if (record.status === 'kept' && record.id !== undefined) keptIds.set(record.file, record.id);
  const pages = {} as Record<OutcomeStatus, ReportPage[]>;
  for (const outcome of OUTCOMES) {
    const rows = report.files.filter((record) => record.status === outcome).map((record) => toRow(record, keptIds));
    const links: ReportPageLink[] = chunk(rows, (row) => row.file, REPORT_PAGE_SIZES).map((slice) => ({
      outcome,
      id: pageId((slice[0] as ReportRow).file),
      first: (slice[0] as ReportRow).file,
      last: (slice.at(-1) as ReportRow).file,
      count: slice.length,
    }));
    let start = 0;
    pages[outcome] = links.map((link, i) => {
      const page: ReportPage = { ...link, rows: rows.slice(start, start + link.count) };
      start += link.count;
      const previous = links[i - 1];
      const next = links[i + 1];
      if (previous) page.previous = { outcome, id: previous.id, first: previous.first };
      if (next) page.next = { outcome, id: next.id, first: next.first };
      return page;
    });
  }
  return { summary: report.summary, pages };
}

/** getStaticPaths entries for the outcome pages; a page's key covers all it shows. */
export function reportPagePaths(view: ReportView) {
  return OUTCOMES.flatMap((outcome) =>
    view.pages[outcome].map((page) => {
      const params = { outcome, page: page.id };
      return { params, props: { page }, cacheKey: cacheKey(params, page) };
    }),
  );
}

let loaded: Promise<ReportView> | undefined;

/** The last ingest's report (the one the build writes into the archive folder), read once per build. */
export function loadReportView(file: string = defaultReportPath): Promise<ReportView> {
  loaded ??= readFile(file, 'utf8').then(
    (text) => reportView(parseReport(JSON.parse(text), file)),
    (error: unknown) => {
      throw new Error(`${file}: the ingest report could not be read (${errorReason(error)}); run the ingest first`);
    },
  );
  return loaded;
}
