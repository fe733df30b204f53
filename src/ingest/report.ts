import { routes } from '../lib/urls.ts';
import { OUTCOMES, type ReportRecord, type Summary } from '../schemas/report.ts';
import type { FileOutcome } from './outcome.ts';
import { compareStrings } from '../lib/sort.ts';

/** `date: impossible date …` -> `date`. */
export function kindOf(message: string): string {
  const colon = message.indexOf(':');
  return colon > 0 && colon <= 20 ? message.slice(0, colon) : 'other';
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}

export function toRecord(outcome: FileOutcome): ReportRecord {
  const record: ReportRecord = {
    file: outcome.file,
    status: outcome.status,
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
    ...(outcome.duplicateOf !== undefined ? { duplicateOf: outcome.duplicateOf } : {}),
    warnings: outcome.warnings,
  };
  const article = outcome.status === 'kept' ? outcome.article : undefined;
  if (!article) return record;
  record.id = article.id;
  // The site path; the site adds its base path in front.
  record.url = `/${routes.article(article.id)}`;
  record.lang = article.lang;
  record.title = article.title;
  record.titleSource = article.titleSource;
  if (article.date !== undefined) record.date = article.date;
  if (article.dateSource !== undefined) record.dateSource = article.dateSource;
  if (article.publisher !== undefined) record.publisher = article.publisher;
  if (article.sourceUrl !== undefined) record.sourceUrl = article.sourceUrl;
  record.translationKey = article.translationKey;
  return record;
}

/** The counts of some report records (a kept article's has its language). */
export function summarizeRecords(records: readonly Pick<ReportRecord, 'status' | 'reason' | 'warnings' | 'lang'>[]): Summary {
  const summary: Summary = { files: records.length, status: { kept: 0, skipped: 0, duplicate: 0 }, languages: {}, reasons: {}, warnings: {} };
  for (const record of records) {
    summary.status[record.status]++;
    if (record.lang !== undefined) count(summary.languages, record.lang);
    if (record.reason) count(summary.reasons, kindOf(record.reason));
    for (const warning of record.warnings) count(summary.warnings, kindOf(warning));
  }
  return mergeSummaries([summary]);
}

/** The counts of some outcomes; a run's summary merges those of its shards (`mergeSummaries`). */
export const summarize = (outcomes: readonly FileOutcome[]): Summary => summarizeRecords(outcomes.map(toRecord));

/** The counts of all the parts together, each kind's keys sorted. */
export function mergeSummaries(parts: readonly Summary[]): Summary {
  const total: Summary = { files: 0, status: { kept: 0, skipped: 0, duplicate: 0 }, languages: {}, reasons: {}, warnings: {} };
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
  };
  for (const part of parts) {
    total.files += part.files;
    for (const status of OUTCOMES) total.status[status] += part.status[status];
    add(total.languages, part.languages);
    add(total.reasons, part.reasons);
    add(total.warnings, part.warnings);
  }
  total.languages = sortedRecord(total.languages);
  total.reasons = sortedRecord(total.reasons);
  total.warnings = sortedRecord(total.warnings);
  return total;
}

/** Between two records' lines in the report file: a record's JSON holds no raw newline. */
export const RECORD_SEPARATOR = ',\n';

/** An outcome's line in the report file. */
export const recordLine = (outcome: FileOutcome): string => JSON.stringify(toRecord(outcome));

/**
 * The report file's text around its records' lines (`recordLine`, joined by `RECORD_SEPARATOR`): the
 * summary, then one record a line. Not indented: at 100,000 files indenting made 76 MB instead
 * of 45 and took 1.6 s of a run that changed one file, and a record a line still reads and diffs
 * line by line.
 */
export function reportFrame(summary: Summary, empty: boolean): { head: string; separator: string; tail: string } {
  return { head: `{"summary":${JSON.stringify(summary)},"files":[${empty ? '' : '\n'}`, separator: RECORD_SEPARATOR, tail: `${empty ? '' : '\n'}]}\n` };
}

const line = (label: string, record: Record<string, number>): string =>
  `${label}: ${Object.entries(record).map(([key, n]) => `${key} ${n}`).join(', ') || 'none'}`;

/** What the terminal shows at the end of a run. */
export function formatSummary(summary: Summary, run: { cacheHits: number; seconds: number; reportPath: string }): string {
  return [
    `ingest: ${summary.files} files in ${run.seconds.toFixed(2)} s (${run.cacheHits} unchanged, from cache)`,
    `  kept ${summary.status.kept}, skipped ${summary.status.skipped}, duplicate ${summary.status.duplicate}`,
    `  ${line('languages', summary.languages)}`,
    `  ${line('skip reasons', summary.reasons)}`,
    `  ${line('warnings', summary.warnings)}`,
    `  report: ${run.reportPath}`,
  ].join('\n');
}
