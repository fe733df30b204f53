/**
 * `npm run ingest`: a folder of raw article files to the archive folder the site is built
 * from. This file only does I/O and reporting; every decision is in src/ingest/.
 */
import { access, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { constants, existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { archiveDir, sampleInputDir } from '../src/config/archive.ts';
import { parseTaxonomy } from '../src/schemas/topic.ts';
import { markDuplicates } from '../src/ingest/dedupe.ts';
import { sha256Hex } from '../src/ingest/steps/entry.ts';
import { DEFAULT_MAX_BYTES, INGEST_VERSION } from '../src/ingest/constants.ts';
import type { HeaderResult } from '../src/ingest/dedupe.ts';
import { IngestPool } from '../src/ingest/run/pool.ts';
import { unpackHeader } from '../src/ingest/run/processed.ts';
import { buildReport, formatSummary, type Report } from '../src/ingest/report.ts';
import {
  forgetLastRun,
  lastRunHolds,
  listInputs,
  MANIFEST_NAME,
  readLastRun,
  readManifest,
  removeOrphanTemporaries,
  removeStale,
  ResultCache,
  writeAtomic,
  writeLastRun,
  writeManifest,
} from '../src/ingest/run/store.ts';

const MAX_JOBS = 4;
const DEFAULT_FILE_TIMEOUT_S = 60;

const HELP = `Usage: npm run ingest -- [options]

Reads every *.txt file below the input folder (recursively), turns each into a validated
article entry, and writes the archive folder the site is built from.

Options:
  --input DIR       folder of raw article files; default: content/raw
  --out DIR         archive folder: articles/<lang>/<slug>.json, raw/<sha256>.txt (the raw
                    bytes, untouched) and the report; default: $ARCHIVE_DIR or content/archive
  --report FILE     where to write the JSON report (one record per input file);
                    default: <out>/ingest-report.json
  --topics FILE     topic taxonomy (YAML); default: content/topics.yaml (no topics when absent)
  --max-bytes N     skip files larger than N bytes; default: ${DEFAULT_MAX_BYTES}
  --jobs N          files processed in parallel (worker threads); default: the number of
                    cores, at most ${MAX_JOBS}
  --file-timeout S  stop a file that takes longer than S seconds and report it as skipped
                    (timeouts are not cached); default: ${DEFAULT_FILE_TIMEOUT_S}
  --no-cache        re-read every file instead of reusing results for unchanged ones
                    (cache: <out>/.cache/ingest/)
  --quiet           print nothing but errors
  -h, --help        show this help

Exit status: 0 when the run completed, even if files were skipped (see the report);
1 when it could not run (missing input folder, unwritable output).`;

function fail(message: string): never {
  console.error(`ingest: ${message}`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      topics: { type: 'string' },
      'max-bytes': { type: 'string' },
      jobs: { type: 'string' },
      'file-timeout': { type: 'string' },
      'no-cache': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n\n${HELP}`);
}

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const started = performance.now();
const inputDir = path.resolve(values.input ?? sampleInputDir);
const outDir = values.out ? path.resolve(values.out) : archiveDir;
const reportPath = path.resolve(values.report ?? path.join(outDir, 'ingest-report.json'));
const topicsPath = path.resolve(values.topics ?? 'content/topics.yaml');
const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']);
if (!Number.isInteger(maxBytes) || maxBytes <= 0) fail(`--max-bytes must be a positive whole number, not "${values['max-bytes']}"`);
const quiet = values.quiet ?? false;
const jobs = values.jobs === undefined ? Math.min(MAX_JOBS, os.availableParallelism()) : Number(values.jobs);
if (!Number.isInteger(jobs) || jobs <= 0) fail(`--jobs must be a positive whole number, not "${values.jobs}"`);
const fileTimeoutS = values['file-timeout'] === undefined ? DEFAULT_FILE_TIMEOUT_S : Number(values['file-timeout']);
if (!(fileTimeoutS > 0)) fail(`--file-timeout must be a positive number of seconds, not "${values['file-timeout']}"`);
const fileTimeoutMs = fileTimeoutS * 1000;

try {
  if (!(await stat(inputDir)).isDirectory()) fail(`input is not a folder: ${inputDir}`);
} catch {
  fail(`input folder not found: ${inputDir}`);
}
const inside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent + path.sep);
if (inside(outDir, inputDir) || inside(reportPath, inputDir)) {
  fail(`output ${inside(outDir, inputDir) ? outDir : reportPath} is inside the input folder ${inputDir}; the input is never written to`);
}

try {
  await mkdir(outDir, { recursive: true });
  await access(outDir, constants.W_OK);
} catch (error) {
  fail(`cannot write to the archive folder ${outDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

let taxonomyText = '';
if (values.topics !== undefined || existsSync(topicsPath)) {
  try {
    taxonomyText = await readFile(topicsPath, 'utf8');
  } catch {
    fail(`topics file not readable: ${topicsPath}`);
  }
}
// Checked here so a bad taxonomy stops the run with one message, before any worker starts.
try {
  if (taxonomyText) parseTaxonomy(taxonomyText, topicsPath);
} catch (error) {
  fail((error as Error).message);
}
const taxonomyHash = sha256Hex(taxonomyText);
// Any change to the pipeline's code or the schema invalidates cached results, so a stale
// result never outlives the code that made it (INGEST_VERSION alone would rely on memory).
async function sourceHash(dirs: readonly string[], files: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
    for (const name of names) parts.push(name, await readFile(path.join(dir, name), 'utf8'));
  }
  for (const file of files) parts.push(file, await readFile(file, 'utf8'));
  return sha256Hex(parts.join('\0'));
}
const here = path.dirname(fileURLToPath(import.meta.url));
const codeHash = await sourceHash([path.resolve(here, '../src/ingest'), path.resolve(here, '../src/schemas')], ['../src/lib/slug.ts', '../src/lib/publishers.ts'].map((file) => path.resolve(here, file)));

const inputs = listInputs(inputDir);
const files = inputs.map((input) => input.path);
const cache = new ResultCache(outDir);
const useCache = !values['no-cache'];
const keyOf = (file: string, sha256: string): string => sha256Hex(`${INGEST_VERSION}\0${codeHash}\0${taxonomyHash}\0${maxBytes}\0${file}\0${sha256}`);

const unreadable = (error: unknown): string => `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;

/** Each file's cache key, or why it could not be read. */
const keys: ({ key: string } | { unread: string })[] = inputs.map(({ path: file, link }) => {
  // Following a link could publish a file from anywhere on the machine.
  if (link) return { unread: 'link: a symbolic link, not followed' };
  try {
    return { key: keyOf(file, sha256Hex(readFileSync(path.join(inputDir, file)))) };
  } catch (error) {
    // A file gone or unreadable mid-run is that file's problem, not the run's.
    return { unread: unreadable(error) };
  }
});
const fingerprint = sha256Hex([reportPath, ...keys.map((k, i) => `${files[i]}\0${'key' in k ? k.key : k.unread}`)].join('\0'));
if (useCache && lastRunHolds(readLastRun(cache.dir), fingerprint, outDir)) {
  // Nothing this run would write differs from what is there: say so, from the last report.
  if (!quiet) {
    const { summary } = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    console.log(formatSummary(summary, { cacheHits: files.length, seconds: (performance.now() - started) / 1000, reportPath }));
  }
  process.exit(0);
}

const bar =
  !quiet && process.stderr.isTTY && files.length >= 50
    ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} files', stream: process.stderr }, cliProgress.Presets.shades_classic)
    : undefined;
bar?.start(files.length, 0);

const pool = new IngestPool({ taxonomyText, topicsPath, maxBytes }, jobs, fileTimeoutMs);
const results: HeaderResult[] = new Array<HeaderResult>(files.length);
/**
 * The cache record of each file with an entry. Only headers stay in memory: every entry is in
 * the result cache (written even with --no-cache), and is read back from there when the
 * archive is written, so a run's peak does not grow with the archive's bodies.
 */
const recordKeys = new Map<string, string>();
let next = 0;
/** Looks files up in the cache and sends the rest to the workers; the lanes keep every worker busy. */
async function lane(): Promise<void> {
  while (next < files.length) {
    const index = next++;
    const file = files[index] as string;
    const known = keys[index] as (typeof keys)[number];
    if ('unread' in known) {
      results[index] = { file, status: 'skipped', reason: known.unread, warnings: [], sha256: '' };
      bar?.increment();
      continue;
    }
    let processed = useCache ? cache.get(known.key) : undefined;
    let key = known.key;
    if (!processed) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(inputDir, file));
      } catch (error) {
        results[index] = { file, status: 'skipped', reason: unreadable(error), warnings: [], sha256: '' };
        bar?.increment();
        continue;
      }
      // Hashed again: the file may have changed since it was first read.
      const sha256 = sha256Hex(bytes);
      processed = await pool.run(file, bytes, sha256);
      key = keyOf(file, sha256);
      // A timeout depends on the machine's load, not on the file alone: try it again next run.
      if (!processed.result.reason?.startsWith('timeout:')) cache.set(key, processed);
    }
    results[index] = unpackHeader(processed);
    if (processed.entry !== undefined) recordKeys.set(file, key);
    bar?.increment();
  }
}
try {
  // Two lanes per worker: one waits for its result while the other's file is being read.
  await Promise.all(Array.from({ length: jobs * 2 }, lane));
} catch (error) {
  bar?.stop();
  await pool.close();
  fail(`could not complete: ${(error as Error).message}`);
}
await pool.close();
bar?.stop();

const outcomes = markDuplicates(results);
const report = buildReport(outcomes);
const kept = outcomes.filter((outcome) => outcome.status === 'kept' && outcome.article !== undefined);
const entryPath = (outcome: (typeof kept)[number]): string => `articles/${outcome.article?.id}.json`;
const rawPath = (outcome: (typeof kept)[number]): string => `raw/${outcome.sha256}.txt`;
const planned = [...new Set(kept.flatMap((outcome) => [entryPath(outcome), rawPath(outcome)]))];
if (inside(reportPath, outDir)) planned.push(path.relative(outDir, reportPath).split(path.sep).join('/'));
try {
  forgetLastRun(cache.dir);
  const previous = readManifest(outDir);
  removeOrphanTemporaries(outDir, ['articles', 'raw', path.relative(outDir, cache.dir)]);
  // The manifest names what we are about to write before we write it, so files from a run
  // interrupted half-way are still ours to clean up next time.
  writeManifest(outDir, [...previous, ...planned]);
  const rawCopies = new Set<string>();
  for (const outcome of kept) {
    if (!outcome.article) continue;
    const entry = cache.entry(recordKeys.get(outcome.file) ?? '');
    if (entry === undefined) throw new Error(`the cached entry of ${outcome.file} is gone (${cache.dir})`);
    writeAtomic(path.join(outDir, entryPath(outcome)), entry);
    if (!rawCopies.has(rawPath(outcome))) {
      rawCopies.add(rawPath(outcome));
      // A raw copy is named by the SHA-256 of its bytes and only ever written whole, so one of
      // the right size is already the right copy: an unchanged re-run need not read it back.
      const copy = path.join(outDir, rawPath(outcome));
      if (statSync(copy, { throwIfNoEntry: false })?.size === outcome.article.raw.bytes) continue;
      writeAtomic(copy, readFileSync(path.join(inputDir, outcome.file)));
    }
  }
  writeAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  removeStale(outDir, previous, planned);
  writeManifest(outDir, planned);
  if (useCache) {
    cache.prune();
    // A timed-out file gets another chance next run, so such a run is not one to repeat.
    const timedOut = results.some((result) => result.reason?.startsWith('timeout:'));
    if (!timedOut) writeLastRun(cache.dir, fingerprint, outDir, [...planned, MANIFEST_NAME, reportPath]);
  }
} catch (error) {
  const failedPath = (error as NodeJS.ErrnoException).path;
  fail(`could not write the archive${failedPath ? ` at ${failedPath}` : ` in ${outDir}`}: ${(error as Error).message}`);
}

if (!quiet) {
  console.log(formatSummary(report.summary, { cacheHits: cache.hits, seconds: (performance.now() - started) / 1000, reportPath }));
}
