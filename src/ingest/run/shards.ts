/**
 * The report in shards, so a run that changes a few files makes only their shards' report
 * lines again. A shard is a run of consecutive input files (in path order), cut where a path's
 * hash says (`chunk`, as the site's listings and the data dump's members are cut), so adding or
 * removing a file moves the cut only near it. The last complete run's record (`last-run.json`)
 * lists its shards, and each shard's report lines are a file of their own in the cache folder
 * (store.ts), named by a hash of everything they depend on; the report file is their
 * concatenation.
 */
import { chunk, type ChunkSizes } from '../../lib/paginate.ts';
import type { Summary } from '../../schemas/report.ts';

/** About 200 files a shard: at 100,000 files about 500 shards of about 130 KB of report lines. */
const SHARD_SIZES: ChunkSizes = { min: 50, max: 600, oneIn: 150 };

/** The shards of a run: each a list of positions in `files` (sorted by path). */
export const cutShards = (files: readonly string[]): number[][] => chunk([...files.keys()], (index) => files[index] as string, SHARD_SIZES);

/** What the last complete run knew of one of its shards. */
export interface ShardRecord {
  /**
   * A hash of its files and each one's result key (or why it could not be read): the same
   * means the same outcomes before the duplicate check.
   */
  inputs: string;
  /** A hash of `inputs` and its files' duplicate verdicts: the same means the same report lines, kept under this name. */
  lines: string;
  /** Its files kept before the duplicate check: position in the shard, article id, size of the raw file. */
  kept: [position: number, id: string, bytes: number][];
  /** The counts of its files' outcomes. */
  summary: Summary;
  /** The files its kept inputs led to, as the run left them: entries (with their keys), first raw copies. */
  written: [file: string, bytes: number, mtimeMs: number, key?: string][];
  /** The name of the part of the last-run record it was read from (store.ts). */
  part?: string;
}

const isCounts = (value: unknown): value is Record<string, number> => typeof value === 'object' && value !== null && Object.values(value).every((n) => typeof n === 'number');
const isSummary = (value: unknown): value is Summary => {
  const summary = value as Partial<Summary> | null;
  return (
    typeof summary === 'object' &&
    summary !== null &&
    typeof summary.files === 'number' &&
    isCounts(summary.status) &&
    isCounts(summary.languages) &&
    isCounts(summary.reasons) &&
    isCounts(summary.warnings)
  );
};
const isKept = (kept: unknown): kept is ShardRecord['kept'][number] =>
  Array.isArray(kept) && kept.length === 3 && typeof kept[0] === 'number' && typeof kept[1] === 'string' && typeof kept[2] === 'number';

/** Checked by hand, not with a schema: the record is read on every run. */
export const isShardRecord = (shard: unknown): shard is ShardRecord => {
  const record = shard as Partial<ShardRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.inputs === 'string' &&
    typeof record.lines === 'string' &&
    Array.isArray(record.kept) &&
    record.kept.every(isKept) &&
    Array.isArray(record.written) &&
    isSummary(record.summary)
  );
};
