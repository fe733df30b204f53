/**
 * Judges an ingest run over a fuzz corpus: every input file must end in the report with a
 * status and a reason, and nothing may appear outside the output folder. Pure: the CLI and
 * the tests read the report and the file trees and pass them in.
 */
import path from 'node:path';
import { errorMessage } from '../../src/lib/errors.ts';

const STATUSES = ['kept', 'skipped', 'duplicate'] as const;
type Status = (typeof STATUSES)[number];

export interface ReportRecord {
  file: string;
  status: string;
  reason?: string | undefined;
  id?: string | undefined;
}

export interface Tally {
  tried: number;
  kept: number;
  skipped: number;
  duplicate: number;
}

/** Reads `{ files: [...] }` defensively: a malformed report is itself a finding. */
export function parseReport(json: string, where: string): ReportRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${where}: report is not JSON (${errorMessage(error)})`);
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) throw new Error(`${where}: report has no "files" array`);
  return files.map((record: unknown, index) => {
    const r = record as Partial<Record<keyof ReportRecord, unknown>> | null;
    if (typeof r?.file !== 'string' || typeof r.status !== 'string') {
      throw new Error(`${where}: record ${index} lacks a string "file" or "status"`);
    }
    return {
      file: r.file,
      status: r.status,
      reason: typeof r.reason === 'string' ? r.reason : undefined,
      id: typeof r.id === 'string' ? r.id : undefined,
    };
  });
}

/** Problems with the report, one sentence each, naming the file. Empty means the run is accounted for. */
export function checkReport(inputPaths: readonly string[], records: readonly ReportRecord[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const record of records) seen.set(record.file, (seen.get(record.file) ?? 0) + 1);
  const expected = new Set(inputPaths);
  for (const file of inputPaths) {
    const times = seen.get(file) ?? 0;
    if (times === 0) problems.push(`${JSON.stringify(file)}: missing from the report (silently dropped)`);
    if (times > 1) problems.push(`${JSON.stringify(file)}: reported ${times} times`);
  }
  for (const record of records) {
    const name = JSON.stringify(record.file);
    if (!expected.has(record.file)) problems.push(`${name}: reported but not an input file`);
    if (!(STATUSES as readonly string[]).includes(record.status)) problems.push(`${name}: unknown status ${JSON.stringify(record.status)}`);
    if (record.status !== 'kept' && !record.reason?.trim()) problems.push(`${name}: ${record.status} without a reason`);
    if (record.status === 'kept' && !record.id) problems.push(`${name}: kept without an id`);
  }
  return problems;
}

export function tally(records: readonly ReportRecord[]): Tally {
  const count = (status: Status): number => records.filter((record) => record.status === status).length;
  return { tried: records.length, kept: count('kept'), skipped: count('skipped'), duplicate: count('duplicate') };
}

/**
 * Paths that appeared or changed during the run outside the output folder. `before` and
 * `after` map absolute paths to a content fingerprint.
 */
export function writesOutside(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  outDir: string,
): string[] {
  const inside = (file: string): boolean => {
    const relative = path.relative(outDir, file);
    return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  };
  return [...after]
    .filter(([file, fingerprint]) => !inside(file) && before.get(file) !== fingerprint)
    .map(([file]) => file)
    .concat([...before.keys()].filter((file) => !after.has(file) && !inside(file)).map((file) => `${file} (deleted)`))
    .sort();
}
