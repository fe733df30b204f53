/**
 * A whole run: a folder of raw files to the archive folder. Keys every file, skips the run
 * when nothing changed, takes unchanged files from the cache and sends the rest to the worker
 * pool, marks duplicates, then writes entries, raw copies, the report and the manifest. The
 * per-file decisions are the pipeline's (`ingestFile`, in the workers); the pure parts of the
 * run's own decisions are in `plan.ts`.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { archivePaths } from '../../config/archive-paths.ts';
import { parseTaxonomy } from '../../schemas/topic.ts';
import { INGEST_VERSION } from '../constants.ts';
import { markDuplicates } from '../dedupe.ts';
import type { FileOutcome } from '../outcome.ts';
import { buildReport, reportText } from '../report.ts';
import { parseReport, type Summary } from '../../schemas/report.ts';
import { sha256Hex } from '../steps/entry.ts';
import { ingestCodeHash } from './code-hash.ts';
import { fileKey, inLanes, inside, planWrites, runFingerprint, type FileKey, type KeyContext } from './plan.ts';
import { IngestPool } from './pool.ts';
import {
  forgetLastRun,
  InputHasher,
  LastRunEntries,
  lastRunHolds,
  type LeftFile,
  listInputs,
  MANIFEST_NAME,
  readLastRun,
  readManifest,
  removeOrphanTemporaries,
  removeStale,
  ResultCache,
  stampOf,
  writeAtomic,
  writeLastRun,
  writeManifest,
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

/** A run that cannot go on (bad input folder, unwritable output, bad taxonomy): the message says why. */
export class IngestFailure extends Error {}

const unreadable = (error: unknown): string => `unreadable: ${errorReason(error)}`;

/** Checks the folders and reads the taxonomy, so a run that cannot go on stops before any work. */
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
  // Checked here so a bad taxonomy stops the run with one message, before any worker starts.
  try {
    if (taxonomyText) parseTaxonomy(taxonomyText, topicsPath);
  } catch (error) {
    throw new IngestFailure(errorMessage(error));
  }
  return taxonomyText;
}

export async function ingestFolder(options: IngestFolderOptions): Promise<IngestFolderResult> {
  const { inputDir, outDir, reportPath, topicsPath, maxBytes, jobs, useCache, progress } = options;
  const taxonomyText = prepare(options);
  // Any change to the pipeline's code or the schema invalidates cached results, so a stale
  // result never outlives the code that made it (INGEST_VERSION alone would rely on memory).
  const context: KeyContext = { version: INGEST_VERSION, codeHash: ingestCodeHash(), taxonomyHash: sha256Hex(taxonomyText), maxBytes };

  const inputs = listInputs(inputDir);
  const files = inputs.map((input) => input.path);
  const cache = new ResultCache(outDir, useCache);
  const hasher = new InputHasher(cache.dir, inputDir, useCache && !options.hashAll);
  let toldWrites = false;
  const writes = () => {
    if (!toldWrites) options.onWrites?.();
    toldWrites = true;
  };
  // A changed input is known before the others are checked: the build starts Astro then.
  hasher.onChanged = writes;
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
  // Read before this run forgets it: it also tells which entries are as that run left them.
  const lastRun = useCache ? readLastRun(cache.dir) : undefined;
  if (useCache && lastRunHolds(lastRun, fingerprint, outDir)) {
    // Nothing this run would write differs from what is there.
    progress?.start(files.length);
    progress?.tick(files.length);
    return { cacheHits: files.length, summary: () => parseReport(JSON.parse(readFileSync(reportPath, 'utf8')), reportPath).summary };
  }
  writes();

  progress?.start(files.length);
  const pool = new IngestPool({ taxonomyText, topicsPath, maxBytes }, jobs, options.fileTimeoutMs);
  const results: FileOutcome[] = new Array<FileOutcome>(files.length);
  /**
   * The cache record of each file with an entry. Only headers stay in memory: every entry is in
   * the result cache (written even with --no-cache), and is read back from there when the
   * archive is written and not as the last run left it, so a run's peak does not grow with the
   * archive's bodies.
   */
  const recordKeys = new Map<string, string>();
  /** Looks a file up in the cache, or sends it to a worker. */
  const settle = async (index: number): Promise<void> => {
    const file = files[index] as string;
    const known = keys[index] as FileKey;
    if ('unread' in known) {
      results[index] = { file, status: 'skipped', reason: known.unread, warnings: [], sha256: '' };
      return;
    }
    const cached = useCache ? cache.outcome(known.key) : undefined;
    if (cached) {
      results[index] = cached.outcome;
      if (cached.hasEntry) recordKeys.set(file, known.key);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(inputDir, file));
    } catch (error) {
      results[index] = { file, status: 'skipped', reason: unreadable(error), warnings: [], sha256: '' };
      return;
    }
    // The pipeline hashes what it reads, and the file may have changed since it was keyed:
    // the result is stored under the key of the bytes it was made from.
    const processed = await pool.run(file, bytes, known.sha256);
    const key = fileKey(context, file, processed.outcome.sha256);
    // A timeout depends on the machine's load, not on the file alone: try it again next run.
    if (!processed.outcome.reason?.startsWith('timeout:')) cache.set(key, processed);
    results[index] = processed.outcome;
    if (processed.entry !== undefined) recordKeys.set(file, key);
  };
  // Files the last run wrote no entry from go first: the likely misses start a worker while
  // the others are looked up in the cache.
  const lastEntries = new LastRunEntries(lastRun);
  const likelyNew = keys.map((known) => !('key' in known) || !lastEntries.wroteFrom(known.key));
  const order = [...keys.keys()].sort((a, b) => Number(likelyNew[b]) - Number(likelyNew[a]));
  try {
    // Two lanes per worker: one waits for its result while the other's file is being read.
    await inLanes(files.length, jobs * 2, async (position) => {
      await settle(order[position] as number);
      progress?.tick();
    });
  } catch (error) {
    throw new IngestFailure(`could not complete: ${errorMessage(error)}`);
  } finally {
    await pool.close();
  }

  const outcomes = markDuplicates(results);
  const report = buildReport(outcomes);
  const kept = outcomes.flatMap((outcome) => (outcome.status === 'kept' && outcome.article ? [{ file: outcome.file, id: outcome.article.id, sha256: outcome.sha256, bytes: outcome.article.raw.bytes }] : []));
  const { articles, planned } = planWrites(kept, outDir, reportPath);
  /** What the last-run record will say of the files written or found as they should be. */
  const left = new Map<string, LeftFile>();
  try {
    forgetLastRun(cache.dir);
    cache.forgetIndex();
    const previous = readManifest(outDir);
    const previousSet = new Set(previous);
    // The archive's folders are written only after the last-run record is forgotten: with the
    // record read, the last run that wrote them completed, and only the cache may hold a
    // temporary file of a run killed before it wrote anything else.
    removeOrphanTemporaries(outDir, lastRun ? [path.relative(outDir, cache.dir)] : [archivePaths.articles, archivePaths.raw, path.relative(outDir, cache.dir)]);
    // The manifest names what we are about to write before we write it, so files from a run
    // interrupted half-way are still ours to clean up next time.
    if (planned.some((file) => !previousSet.has(file))) writeManifest(outDir, [...previous, ...planned]);
    articles.forEach((article, index) => {
      const key = recordKeys.get(article.file) ?? '';
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
    });
    writeAtomic(reportPath, reportText(report));
    removeStale(outDir, previous, planned);
    if (planned.length !== previousSet.size || planned.some((file) => !previousSet.has(file))) writeManifest(outDir, planned);
    if (useCache) {
      cache.prune();
      // A timed-out file gets another chance next run, so such a run is not one to repeat.
      const timedOut = results.some((result) => result.reason?.startsWith('timeout:'));
      if (!timedOut) cache.saveIndex();
      if (!timedOut) writeLastRun(cache.dir, fingerprint, outDir, [...planned, MANIFEST_NAME, reportPath], left);
    }
  } catch (error) {
    const failedPath = (error as NodeJS.ErrnoException).path;
    throw new IngestFailure(`could not write the archive${failedPath ? ` at ${failedPath}` : ` in ${outDir}`}: ${errorMessage(error)}`);
  }
  return { cacheHits: cache.hits, summary: () => report.summary };
}
