/**
 * A whole run: a folder of raw files to the archive folder. Keys every file, skips the run
 * when nothing changed, takes the shards of files unchanged since the last run from its record
 * (shards.ts), looks the other files up in the cache or sends them to the worker pool, marks
 * duplicates, then writes entries, raw copies, the report and the manifest. The
 * per-file decisions are the pipeline's (`ingestFile`, in the workers); the pure parts of the
 * run's own decisions are in `plan.ts`.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { archivePaths } from '../../config/archive-paths.ts';
import { parseTaxonomy, type Topic } from '../../schemas/topic.ts';
import { INGEST_VERSION } from '../constants.ts';
import { asDuplicate, dedupeRow, duplicateVerdicts, type DedupeRow } from '../dedupe.ts';
import type { FileOutcome } from '../outcome.ts';
import { mergeSummaries, RECORD_SEPARATOR, recordLine, reportFrame, summarizeRecords, toRecord } from '../report.ts';
import type { ReportRecord, Summary } from '../../schemas/report.ts';
import { sha256Hex } from '../steps/entry.ts';
import { ingestCodeHash } from './code-hash.ts';
import { contextHash, fileKey, inLanes, inside, planWrites, runFingerprint, type FileKey, type KeyContext } from './plan.ts';
import { IngestPool } from './pool.ts';
import { cutShards, type ShardRecord } from './shards.ts';
import {
  forgetLastRun,
  InputHasher,
  LastRunEntries,
  lastRunHolds,
  lastRunLine,
  type LeftFile,
  listInputs,
  MANIFEST_NAME,
  readLastRun,
  readManifest,
  removeOrphanTemporaries,
  removeStale,
  pruneShardLines,
  readShardLines,
  readShardRows,
  ResultCache,
  samePart,
  stampOf,
  writeAtomic,
  writeLastRun,
  writeManifest,
  writePending,
  writeShardLines,
  writtenAs,
  writtenHold,
  lastRunFileHolds,
  sortedOnce,
  type LastRun,
  type ExpectedFile,
  type ShardRows,
} from './store.ts';
import { errorMessage, errorReason } from '../../lib/errors.ts';

export interface IngestFolderOptions {
  inputDir: string;
  outDir: string;
  reportPath: string;
  topicsPath: string;
  /** The taxonomy was asked for by name: a missing file is then an error, not "no topics". */
  topicsRequired: boolean;
  maxBytes: number;
  jobs: number;
  fileTimeoutMs: number;
  useCache: boolean;
  /**
   * Read and hash every input file, even those whose size, times and inode say they are as the
   * last run hashed them.
   */
  hashAll?: boolean;
  /** Told once the run knows it will write the archive: some input or output is not as the last run left it. */
  onWrites?: () => void;
  /** Told the number of files, then of each one done (of all at once when nothing needs doing). */
  progress?: { start(total: number): void; tick(files?: number): void };
}

interface IngestFolderResult {
  /** Files taken from the cache. */
  cacheHits: number;
  /** The report's counts; read back from the last report when nothing changed. */
  summary(): Summary;
}

/** A file's row in a shard of the last run whose report lines this run does not reuse whole: its key, verdict, report line and kept article. */
interface LastRow {
  used: string;
  verdict: string;
  line: string;
  kept: { id: string; bytes: number } | undefined;
}

/** A shard as this run will record it; `reused`: its report lines, as the last run made them. */
interface ShardPlan {
  shard: number[];
  inputs: string;
  lines: string;
  reused?: Buffer | undefined;
}

/** A run that cannot go on (bad input folder, unwritable output, bad taxonomy): the message says why. */
export class IngestFailure extends Error {}

const unreadable = (error: unknown): string => `unreadable: ${errorReason(error)}`;

/** Checks the folders and reads the taxonomy's text, so a run that cannot go on stops before any work. */
function prepare(options: IngestFolderOptions): string {
  const { inputDir, outDir, reportPath, topicsPath } = options;
  let isFolder = false;
  try {
    isFolder = statSync(inputDir).isDirectory();
  } catch {
    throw new IngestFailure(`input folder not found: ${inputDir}`);
  }
  if (!isFolder) throw new IngestFailure(`input is not a folder: ${inputDir}`);
  if (inside(outDir, inputDir) || inside(reportPath, inputDir)) {
    throw new IngestFailure(`output ${inside(outDir, inputDir) ? outDir : reportPath} is inside the input folder ${inputDir}; the input is never written to`);
  }
  try {
    mkdirSync(outDir, { recursive: true });
    accessSync(outDir, constants.W_OK);
  } catch (error) {
    throw new IngestFailure(`cannot write to the archive folder ${outDir}: ${errorReason(error)}`);
  }
  let taxonomyText = '';
  if (options.topicsRequired || existsSync(topicsPath)) {
    try {
      taxonomyText = readFileSync(topicsPath, 'utf8');
    } catch {
      throw new IngestFailure(`topics file not readable: ${topicsPath}`);
    }
  }
  return taxonomyText;
}

/** The taxonomy as parsed for a run's context (its text, the code), beside the cache records. */
const TAXONOMY_FILE = 'taxonomy.json';

/**
 * The taxonomy's topics, parsed from the YAML only when no run with this context has: a new
 * worker spent 0.4 s parsing the YAML (so did the main thread, a fifth of a nothing-changed run
 * at 10,000 files), the JSON of the parsed topics takes a millisecond. Parsed here, before any
 * worker starts, so a bad taxonomy stops the run with one message.
 */
function readTaxonomy(text: string, topicsPath: string, cacheDir: string, context: string, useCache: boolean): Topic[] {
  if (!text) return [];
  const file = path.join(cacheDir, TAXONOMY_FILE);
  if (useCache) {
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as { context?: unknown; topics?: Topic[] };
      if (cached.context === context && Array.isArray(cached.topics)) return cached.topics;
    } catch {
      // None yet, or damaged: parsed again below.
    }
  }
  let topics: Topic[];
  try {
    topics = parseTaxonomy(text, topicsPath);
  } catch (error) {
    throw new IngestFailure(errorMessage(error));
  }
  mkdirSync(cacheDir, { recursive: true });
  writeAtomic(file, JSON.stringify({ context, topics }), { compare: false });
  return topics;
}

/**
 * The manifest's paths after this run, in order, with the paths it adds and drops, taken from
 * the manifest `listed` when that is as the last complete run (`last`) wrote it: that run listed
 * the files its shards wrote and the report, so only the shards whose files differ from their
 * last run's (`sameFiles` false) change it. Comparing and sorting the whole archive's paths
 * took about a second at 100,000 files. None when the last manifest cannot be taken so.
 */
function manifestChange(
  last: LastRun,
  outDir: string,
  reportPath: string,
  listed: readonly string[],
  plannedCount: number,
  known: readonly (ShardRecord | undefined)[],
  sameFiles: readonly boolean[],
  expectedOf: readonly ExpectedFile[][],
): { files: string[]; added: string[]; removed: string[] } | undefined {
  if (!last.files.some(([file]) => file === reportPath) || !lastRunFileHolds(last, outDir, MANIFEST_NAME) || !sortedOnce(listed)) return undefined;
  const unchanged = new Set(known.filter((_, index) => sameFiles[index]));
  const gone = new Set(last.shards.flatMap((shard) => (unchanged.has(shard) ? [] : shard.written.map(([file]) => file))));
  const come = new Set(expectedOf.flatMap((expected, index) => (sameFiles[index] ? [] : expected.map(([file]) => file))));
  // A file may move from one shard to another: a path in both lists, or in a shard whose files
  // are unchanged, stays.
  for (const file of gone) if (come.delete(file)) gone.delete(file);
  if (gone.size + come.size > 0) {
    for (const shard of unchanged) {
      for (const [file] of shard?.written ?? []) {
        gone.delete(file);
        come.delete(file);
      }
    }
  }
  const added = [...come].sort();
  const files: string[] = [];
  let next = 0;
  for (const file of listed) {
    if (gone.has(file)) continue;
    while (next < added.length && (added[next] as string) < file) files.push(added[next++] as string);
    files.push(file);
  }
  files.push(...added.slice(next));
  // The same paths as the plan, by construction; a count that differs means the last manifest
  // was not what its stamp says, and the paths are compared whole.
  return files.length === plannedCount ? { files, added, removed: [...gone] } : undefined;
}

export async function ingestFolder(options: IngestFolderOptions): Promise<IngestFolderResult> {
  const { inputDir, outDir, reportPath, topicsPath, maxBytes, jobs, useCache, progress } = options;
  const cache = new ResultCache(outDir);
  // Read before this run forgets it: it also tells which entries are as that run left them.
  // (Before the folders are checked: reading it writes nothing.)
  const lastRun = useCache ? readLastRun(cache.dir) : undefined;
  const codeHash = ingestCodeHash();
  const taxonomyText = prepare(options);
  // Any change to the pipeline's code or the schema invalidates cached results, so a stale
  // result never outlives the code that made it (INGEST_VERSION alone would rely on memory).
  const context: KeyContext = { version: INGEST_VERSION, codeHash, taxonomyHash: sha256Hex(taxonomyText), maxBytes };
  const topics = readTaxonomy(taxonomyText, topicsPath, cache.dir, contextHash(context), useCache);

  const inputs = listInputs(inputDir);
  const files = inputs.map((input) => input.path);
  const hasher = new InputHasher(cache.dir, inputDir, useCache && !options.hashAll);
  let toldWrites = false;
  const writes = () => {
    if (!toldWrites) options.onWrites?.();
    toldWrites = true;
  };
  // A changed input is known before the others are checked: the build starts Astro then.
  hasher.onChanged = writes;
  const pool = new IngestPool({ topics, maxBytes }, jobs, options.fileTimeoutMs);
  // A worker takes about half a second to load the pipeline: the first file that is new or
  // changed starts one while the rest of the folder is checked.
  hasher.onUnknown = () => pool.warm();
  const keys: FileKey[] = inputs.map(({ path: file, link }) => {
    // Following a link could publish a file from anywhere on the machine.
    if (link) return { unread: 'link: a symbolic link, not followed' };
    try {
      const sha256 = hasher.sha256(file);
      return { key: fileKey(context, file, sha256), sha256 };
    } catch (error) {
      // A file gone or unreadable mid-run is that file's problem, not the run's.
      return { unread: unreadable(error) };
    }
  });
  const fingerprint = runFingerprint(reportPath, files, keys);
  hasher.save();
  if (useCache && lastRunHolds(lastRun, fingerprint, outDir)) {
    await pool.close();
    // Nothing this run would write differs from what is there.
    progress?.start(files.length);
    progress?.tick(files.length);
    const counts = lastRun?.shards.map((shard) => shard.summary) ?? [];
    return { cacheHits: files.length, summary: () => mergeSummaries(counts) };
  }
  writes();

  progress?.start(files.length);
  /** The outcome of each file this run had to look at; the others are known from their shard's record. */
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(files.length);
  /** The key each file's outcome was made under, or why there is none: what a shard's record is checked against. */
  const used: string[] = keys.map((known) => ('key' in known ? known.key : known.unread));
  let misses = 0;
  /** Looks a file up in the cache, or sends it to a worker. */
  const settle = async (index: number): Promise<void> => {
    if (outcomes[index] !== undefined) return;
    const file = files[index] as string;
    const known = keys[index] as FileKey;
    const skipped = (reason: string): void => {
      outcomes[index] = { file, status: 'skipped', reason, warnings: [], sha256: '' };
      used[index] = reason;
    };
    if ('unread' in known) return skipped(known.unread);
    const cached = useCache ? cache.outcome(known.key) : undefined;
    if (cached) {
      outcomes[index] = cached;
      return;
    }
    misses++;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(inputDir, file));
    } catch (error) {
      return skipped(unreadable(error));
    }
    // The pipeline hashes what it reads, and the file may have changed since it was keyed:
    // the result is stored under the key of the bytes it was made from.
    const processed = await pool.run(file, bytes, known.sha256);
    const key = fileKey(context, file, processed.outcome.sha256);
    // A timeout depends on the machine's load, not on the file alone: try it again next run.
    if (!processed.outcome.reason?.startsWith('timeout:')) cache.set(key, processed);
    outcomes[index] = processed.outcome;
    used[index] = key;
  };
  const settleAll = async (indexes: readonly number[], tick?: () => void): Promise<void> => {
    try {
      // Two lanes per worker: one waits for its result while the other's file is being read.
      await inLanes(indexes.length, jobs * 2, async (position) => {
        await settle(indexes[position] as number);
        tick?.();
      });
    } catch (error) {
      throw new IngestFailure(`could not complete: ${errorMessage(error)}`);
    }
  };

  // A shard whose files and keys are those of a shard of the last run has the same outcomes
  // before the duplicate check: its kept files are known from that run's record, and its other
  // files need not be looked at. The files of every other shard are looked up or processed.
  const shards = cutShards(files);
  const inputsOf = (shard: readonly number[]): string => sha256Hex(shard.map((index) => `${files[index]}\0${used[index]}`).join('\0'));
  const lastShards = new Map((lastRun?.shards ?? []).map((shard) => [shard.inputs, shard]));
  const known = shards.map((shard) => lastShards.get(inputsOf(shard)));
  // A file of any other shard whose key is the one the last run made its report line under
  // has the same outcome before the duplicate check: its line is that run's while its verdict
  // is too, and its kept article is known from that run's shard.
  const lastRows = new Map<string, LastRow>();
  const addLastRows = (record: ShardRecord): void => {
    const found = readShardRows(cache.dir, record.lines);
    if (!found) return;
    const kept = new Map(record.kept.map(([position, id, bytes]) => [position, { id, bytes }]));
    found.rows.forEach(([file, key, verdict], position) => lastRows.set(file, { used: key, verdict, line: found.lines[position] as string, kept: kept.get(position) }));
  };
  const matched = new Set(known.map((record) => record?.inputs));
  for (const record of lastRun?.shards ?? []) if (!matched.has(record.inputs)) addLastRows(record);
  /** Shards of the last run whose files' rows were read because their verdicts changed. */
  const rowsRead = new Set<ShardRecord>();
  const lastRowOf = (index: number): LastRow | undefined => {
    const row = lastRows.get(files[index] as string);
    return row?.used === used[index] ? row : undefined;
  };
  const pending = shards.flatMap((shard, index) => (known[index] ? [] : shard.filter((file) => lastRowOf(file) === undefined)));
  // Files the last run wrote no entry from go first: the likely misses start a worker while
  // the others are looked up in the cache.
  const lastEntries = new LastRunEntries(lastRun);
  const likelyNew = pending.map((index) => !lastEntries.wroteFrom(used[index] as string));
  const order = [...pending.keys()].sort((a, b) => Number(likelyNew[b]) - Number(likelyNew[a])).map((position) => pending[position] as number);
  progress?.tick(files.length - pending.length);

  // A shard whose files, keys and duplicate verdicts are those of a shard of the last run has
  // its report lines; the others are made again from their files' outcomes, looked up now. A
  // file processed again then (its record gone) may have changed since it was keyed: the
  // verdicts are found again until every file they were found from is settled.
  /** The raw file's size of each file kept before the duplicate check. */
  const rawBytes: number[] = new Array<number>(files.length);
  const rows: DedupeRow[] = files.map((file) => ({ file, sha256: '' }));
  const reusedLines = new Map<string, Buffer | undefined>();
  let verdicts: ReturnType<typeof duplicateVerdicts>;
  let verdictOf: (index: number) => string;
  let plan: ShardPlan[];
  try {
    await settleAll(order, () => progress?.tick());
    for (;;) {
      shards.forEach((shard, index) => {
        const record = known[index];
        for (const file of shard) {
          const outcome = outcomes[file];
          if (outcome === undefined) {
            const kept = record ? undefined : lastRowOf(file)?.kept;
            if (kept === undefined) continue;
            rows[file] = { file: files[file] as string, sha256: (keys[file] as { sha256: string }).sha256, id: kept.id };
            rawBytes[file] = kept.bytes;
            continue;
          }
          rows[file] = dedupeRow(outcome);
          if (outcome.status === 'kept' && outcome.article) rawBytes[file] = outcome.article.raw.bytes;
        }
        if (!record) return;
        for (const [position, id, bytes] of record.kept) {
          const file = shard[position] as number;
          if (outcomes[file] !== undefined) continue;
          rows[file] = { file: files[file] as string, sha256: (keys[file] as { sha256: string }).sha256, id };
          rawBytes[file] = bytes;
        }
      });
      const found = duplicateVerdicts(rows);
      verdicts = found;
      const verdictText = (index: number): string => {
        const verdict = found[index];
        return verdict ? `${verdict.sameBytes ? 'b' : 'o'}${verdict.twin}` : '';
      };
      plan = shards.map((shard, index): ShardPlan => {
        const inputs = inputsOf(shard);
        const lines = sha256Hex(`${inputs}\0${shard.map(verdictText).join('\0')}`);
        const last = known[index];
        if (last?.lines !== lines) {
          // The shard's files and keys are as in the last run, its verdicts are not: each file's
          // line is that run's while its own verdict is.
          if (last && !rowsRead.has(last)) {
            rowsRead.add(last);
            addLastRows(last);
          }
          return { shard, inputs, lines };
        }
        if (!reusedLines.has(lines)) reusedLines.set(lines, readShardLines(cache.dir, lines));
        return { shard, inputs, lines, reused: reusedLines.get(lines) };
      });
      const unsettled = plan.flatMap(({ shard, reused }) => (reused ? [] : shard.filter((file) => outcomes[file] === undefined && lastRowOf(file)?.verdict !== verdictText(file))));
      verdictOf = verdictText;
      if (unsettled.length === 0) break;
      await settleAll(unsettled);
    }
  } finally {
    await pool.close();
  }
  const records: ShardRecord[] = [];
  const shardLines: Buffer[] = [];
  const shardRows: ShardRows[] = [];
  plan.forEach(({ shard, inputs, lines, reused }, index) => {
    const kept = shard.flatMap((file, position): ShardRecord['kept'] => {
      const id = rows[file]?.id;
      return id === undefined ? [] : [[position, id, rawBytes[file] as number]];
    });
    const last = known[index];
    if (reused && last) {
      records.push({ inputs, lines, kept, summary: last.summary, written: [] });
      shardLines.push(reused);
      shardRows.push([]);
      return;
    }
    const texts: string[] = [];
    const reports = shard.map((file): ReportRecord => {
      const last = lastRowOf(file);
      if (last?.verdict === verdictOf(file)) {
        texts.push(last.line);
        return JSON.parse(last.line) as ReportRecord;
      }
      const verdict = verdicts[file];
      const outcome = outcomes[file] as FileOutcome;
      const final = verdict ? asDuplicate(outcome, verdict) : outcome;
      texts.push(recordLine(final));
      return toRecord(final);
    });
    records.push({ inputs, lines, kept, summary: summarizeRecords(reports), written: [] });
    shardLines.push(Buffer.from(texts.join(RECORD_SEPARATOR)));
    shardRows.push(shard.map((file) => [files[file] as string, used[file] as string, verdictOf(file)]));
  });
  const summary = mergeSummaries(records.map((record) => record.summary));
  const frame = reportFrame(summary, files.length === 0);
  const separator = Buffer.from(frame.separator);
  const reportPieces = [Buffer.from(frame.head), ...shardLines.flatMap((lines, index) => (index === 0 ? [lines] : [separator, lines])), Buffer.from(frame.tail)];

  const kept = rows.flatMap((row, file) => (row.id !== undefined && !verdicts[file] ? [{ index: file, file: row.file, id: row.id, sha256: row.sha256, bytes: rawBytes[file] as number, key: used[file] as string }] : []));
  const { articles, planned } = planWrites(kept, outDir, reportPath);
  const shardOf = new Int32Array(files.length);
  shards.forEach((shard, index) => shard.forEach((file) => (shardOf[file] = index)));
  /** The articles of each shard, in order. */
  const articlesOf: number[][] = shards.map(() => []);
  kept.forEach(({ index }, article) => articlesOf[shardOf[index] as number]?.push(article));
  /** What the last-run record will say of the files written or found as they should be. */
  const left = new Map<string, LeftFile>();
  try {
    forgetLastRun(cache.dir);
    const { listed, pending } = readManifest(outDir);
    /** Each shard's files as this run plans them. */
    const expectedOf = articlesOf.map((indexes) =>
      indexes.flatMap((article): ExpectedFile[] => {
        const { entryPath, rawPath, firstCopy } = articles[article] as (typeof articles)[number];
        const entry: ExpectedFile = [entryPath, kept[article]?.key, undefined];
        return firstCopy ? [entry, [rawPath, undefined, kept[article]?.bytes]] : [entry];
      }),
    );
    /**
     * Whether each shard's kept files, and the files they lead to, are those of its shard of the
     * last run. The record's `written` is still empty: `samePart` compares the kept files only.
     */
    const sameFiles = known.map((last, index) => last?.part !== undefined && samePart(records[index] as ShardRecord, { kept: last.kept, written: [] }) && writtenAs(last.written, expectedOf[index] ?? []));
    const change = lastRun && pending.length === 0 ? manifestChange(lastRun, outDir, reportPath, listed, planned.length, known, sameFiles, expectedOf) : undefined;
    const previous = [...listed, ...pending];
    const previousSet = change ? undefined : new Set(previous);
    // The archive's folders are written only after the last-run record is forgotten: with the
    // record read, the last run that wrote them completed, and only the cache may hold a
    // temporary file of a run killed before it wrote anything else.
    removeOrphanTemporaries(outDir, lastRun ? [path.relative(outDir, cache.dir)] : [archivePaths.articles, archivePaths.raw, path.relative(outDir, cache.dir)]);
    // The manifest names what we are about to write before we write it, so files from a run
    // interrupted half-way are still ours to clean up next time.
    const added = change?.added ?? planned.filter((file) => !previousSet?.has(file));
    if (added.length > 0) writePending(outDir, [...pending, ...added]);
    /** Writes an article's entry and raw copy unless they are as they should be, and notes what they are left as. */
    const writeArticle = (index: number): void => {
      const article = articles[index] as (typeof articles)[number];
      const key = kept[index]?.key ?? '';
      const entryFile = path.join(outDir, article.entryPath);
      let stamp = lastEntries.unchanged(outDir, article.entryPath, key);
      if (stamp === undefined) {
        const entry = cache.entry(key);
        if (entry === undefined) throw new Error(`the cached entry of ${article.file} is gone (${cache.dir})`);
        writeAtomic(entryFile, entry);
        // Taken now, not when the record is written: an edit in between must not pass as ours.
        stamp = stampOf(entryFile);
      }
      left.set(article.entryPath, { key, stamp });
      if (!article.firstCopy) return;
      // A raw copy is named by the SHA-256 of its bytes and only ever written whole, so one of
      // the right size is already the right copy: an unchanged re-run need not read it back.
      const copy = path.join(outDir, article.rawPath);
      const found = statSync(copy, { throwIfNoEntry: false });
      const whole = found !== undefined && found.size === kept[index]?.bytes;
      if (!whole) writeAtomic(copy, readFileSync(path.join(inputDir, article.file)));
      left.set(article.rawPath, { stamp: whole ? { size: found.size, mtimeMs: found.mtimeMs } : stampOf(copy) });
    };
    // A shard of the last run that led to this shard's files, all as that run left them, has
    // nothing to write, and its part records them as this run would: its files are checked
    // against that part alone, without a look-up per file.
    articlesOf.forEach((indexes, index) => {
      const last = known[index];
      const record = records[index] as ShardRecord;
      if (last?.part !== undefined && sameFiles[index] && writtenHold(outDir, last.written)) {
        record.written = last.written;
        record.part = last.part;
      } else indexes.forEach(writeArticle);
    });
    if (useCache) plan.forEach(({ lines, reused }, index) => reused || writeShardLines(cache.dir, lines, shardLines[index] as Buffer, shardRows[index] as ShardRows));
    writeAtomic(reportPath, reportPieces);
    if (change) {
      removeStale(outDir, change.removed, []);
      writeManifest(outDir, change.files, { changed: change.added.length + change.removed.length > 0 });
    } else {
      removeStale(outDir, previous, planned);
      const listedSet = new Set(listed);
      writeManifest(outDir, planned, { changed: planned.length !== listedSet.size || planned.some((file) => !listedSet.has(file)) });
    }
    if (useCache) {
      const live = new Set(used);
      // When some shard is as the last complete run left it, the key context is the same and
      // the records that run used are those of the input record: only the records of inputs
      // changed or gone since are dropped, without listing the cache folder. Otherwise (the
      // code changed, a run was killed, another input folder, --hash-all) every record this
      // run did not use is.
      if (lastRun && hasher.continues && known.some((record) => record !== undefined)) cache.forget(hasher.gone().map(([file, sha256]) => fileKey(context, file, sha256)).filter((key) => !live.has(key)));
      else cache.prune(live);
      pruneShardLines(cache.dir, new Set(records.map((record) => record.lines)));
      // A timed-out file gets another chance next run, so such a run is not one to repeat.
      const timedOut = outcomes.some((outcome) => outcome?.reason?.startsWith('timeout:'));
      if (!timedOut) {
        // Each shard keeps the files its kept inputs led to; an unchanged shard's part is the last run's.
        articlesOf.forEach((indexes, index) => {
          const record = records[index] as ShardRecord;
          if (record.part !== undefined) return;
          for (const article of indexes) {
            const { entryPath, rawPath, firstCopy } = articles[article] as (typeof articles)[number];
            record.written.push(lastRunLine(outDir, entryPath, left.get(entryPath)));
            if (firstCopy) record.written.push(lastRunLine(outDir, rawPath, left.get(rawPath)));
          }
          const last = known[index];
          if (last?.part !== undefined && samePart(record, last)) record.part = last.part;
        });
        // Every path planned but the report's is a shard's.
        writeLastRun(cache.dir, { fingerprint, context: contextHash(context) }, outDir, [MANIFEST_NAME, reportPath], left, records);
      }
    }
  } catch (error) {
    const failedPath = (error as NodeJS.ErrnoException).path;
    throw new IngestFailure(`could not write the archive${failedPath ? ` at ${failedPath}` : ` in ${outDir}`}: ${errorMessage(error)}`);
  }
  return { cacheHits: files.length - misses - keys.filter((known) => 'unread' in known).length, summary: () => summary };
}
