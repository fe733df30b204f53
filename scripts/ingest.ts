/**
 * `npm run ingest`: a folder of raw article files to the archive folder the site is built
 * from. This file reads the options and prints; the run is `ingestFolder` (src/ingest/run/).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { archiveDir, sampleInputDir } from '../src/config/archive.ts';
import { DEFAULT_MAX_BYTES } from '../src/ingest/constants.ts';
import { formatSummary } from '../src/ingest/report.ts';
import { IngestFailure, ingestFolder, type IngestFolderOptions } from '../src/ingest/run/ingest-folder.ts';
import { errorMessage } from '../src/lib/errors.ts';
import { archivePaths } from '../src/config/archive-paths.ts';
import { stageReporter } from './lib/stage-progress.ts';
import { INGEST_WRITES } from '../src/build/astro-gate.ts';

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
  --hash-all        read and hash every file; without it, a file whose size, modification
                    and change times and inode are as when it was last hashed is not read
  --quiet           print nothing but errors
  -h, --help        show this help

Exit status: 0 when the run completed, even if files were skipped (see the report);
1 when it could not run (missing input folder, unwritable output).`;

function fail(message: string): never {
  console.error(`ingest: ${message}`);
  process.exit(1);
}

/** The run's options from the command line; `--help` prints and exits, a bad value fails. */
function parseOptions(args: string[]): Omit<IngestFolderOptions, 'progress'> & { quiet: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        topics: { type: 'string' },
        'max-bytes': { type: 'string' },
        jobs: { type: 'string' },
        'file-timeout': { type: 'string' },
        'no-cache': { type: 'boolean' },
        'hash-all': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${errorMessage(error)}\n\n${HELP}`);
  }
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const outDir = values.out ? path.resolve(values.out) : archiveDir;
  const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) fail(`--max-bytes must be a positive whole number, not "${values['max-bytes']}"`);
  const jobs = values.jobs === undefined ? Math.min(MAX_JOBS, os.availableParallelism()) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs <= 0) fail(`--jobs must be a positive whole number, not "${values.jobs}"`);
  const fileTimeoutS = values['file-timeout'] === undefined ? DEFAULT_FILE_TIMEOUT_S : Number(values['file-timeout']);
  if (!(fileTimeoutS > 0)) fail(`--file-timeout must be a positive number of seconds, not "${values['file-timeout']}"`);
  return {
    inputDir: path.resolve(values.input ?? sampleInputDir),
    outDir,
    reportPath: path.resolve(values.report ?? path.join(outDir, archivePaths.report)),
    topicsPath: path.resolve(values.topics ?? 'content/topics.yaml'),
    topicsRequired: values.topics !== undefined,
    maxBytes,
    jobs,
    fileTimeoutMs: fileTimeoutS * 1000,
    useCache: !values['no-cache'],
    hashAll: values['hash-all'] ?? false,
    quiet: values.quiet ?? false,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { quiet, ...options } = parseOptions(process.argv.slice(2));
  let bar: cliProgress.SingleBar | undefined;
  // Started by `npm run build` (scripts/build.ts), which draws one progress line per stage: the
  // counts go to it (scripts/lib/stage-progress.ts).
  const report = stageReporter();
  const building = process.send !== undefined;
  let done = 0;
  let total = 0;
  try {
    const run = await ingestFolder({
      ...options,
      // `npm run build` starts Astro then, beside the rest of this run (src/build/astro-gate.ts).
      onWrites: () => process.send?.(INGEST_WRITES),
      progress: {
        start(files) {
          total = files;
          report({ done, total, unit: 'files' });
          if (building || quiet || !process.stderr.isTTY || files < 50) return;
          bar = new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} files', stream: process.stderr }, cliProgress.Presets.shades_classic);
          bar.start(files, 0);
        },
        tick: (files = 1) => {
          done += files;
          report({ done, total, unit: 'files' });
          bar?.increment(files);
        },
      },
    });
    bar?.stop();
    if (quiet) return;
    const seconds = (performance.now() - started) / 1000;
    console.log(formatSummary(run.summary(), { cacheHits: run.cacheHits, seconds, reportPath: options.reportPath }));
  } catch (error) {
    bar?.stop();
    if (error instanceof IngestFailure) fail(error.message);
    throw error;
  }
}

await main();
