/**
 * The file-system side of fuzzing, shared by `scripts/fuzz-ingest.ts` and the tests: writes a
 * corpus, fingerprints folders, and runs the real ingest CLI under a time bound.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { articleSchema } from '../../src/schemas/article.ts';
import type { FuzzCase } from './corpus.ts';
import { EVALUATED_EXIT_CODE } from './payloads.ts';
import { checkReport, parseReport, writesOutside, type ReportRecord } from './verdict.ts';
import { errorMessage } from '../../src/lib/errors.ts';
import { archivePaths } from '../../src/config/archive-paths.ts';
import { entryFile, entryIds } from '../../src/lib/archive-entries.ts';

const INGEST_CLI = path.resolve(import.meta.dirname, '..', 'ingest.ts');

async function writeCorpus(inputDir: string, cases: readonly FuzzCase[]): Promise<void> {
  for (const fuzzCase of cases) {
    const target = path.join(inputDir, ...fuzzCase.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, fuzzCase.bytes, { flag: 'wx' });
  }
}

/** Every entry under `root` (absolute path -> content hash, or the link target for symlinks). */
export async function fingerprintTree(root: string): Promise<Map<string, string>> {
  const prints = new Map<string, string>();
  const names = await readdir(root, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const name of names.sort()) {
    const full = path.join(root, name);
    const info = await lstat(full);
    if (info.isSymbolicLink()) prints.set(full, `symlink:${await readlink(full)}`);
    else if (info.isDirectory()) prints.set(full, 'dir');
    else prints.set(full, createHash('sha256').update(await readFile(full)).digest('hex'));
  }
  return prints;
}

/** What the site is built from in an archive folder: entries, raw copies and the report, by relative path. */
export async function archiveState(dir: string): Promise<Map<string, string>> {
  const state = new Map<string, string>();
  for (const [file, print] of await fingerprintTree(dir)) {
    const relative = path.relative(dir, file);
    if (relative.startsWith('articles') || relative.startsWith('raw') || relative === 'ingest-report.json') state.set(relative, print);
  }
  return state;
}

interface IngestRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  ms: number;
  stdout: string;
  stderr: string;
}

export interface IngestOptions {
  args: readonly string[];
  timeoutMs: number;
  cwd?: string;
}

interface RunningIngest {
  /** SIGKILL now: a crash the ingest gets no chance to clean up after. */
  kill(): void;
  done: Promise<IngestRun>;
}

/** Starts `node scripts/ingest.ts ARGS`; kills it (and says so) when it outlives `timeoutMs`. */
export function startIngest(options: IngestOptions): RunningIngest {
  const started = performance.now();
  const child = spawn(process.execPath, [INGEST_CLI, ...options.args], {
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  const done = new Promise<IngestRun>((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: performance.now() - started, stdout, stderr });
    });
  });
  return { kill: () => child.kill('SIGKILL'), done };
}

export const runIngest = (options: IngestOptions): Promise<IngestRun> => startIngest(options).done;

interface FuzzRun {
  run: IngestRun;
  records: ReportRecord[];
  /** One sentence per thing that must not happen: crash, hang, drop, stray write, bad entry. */
  problems: string[];
  /** Input paths whose record explains nothing or reports a swallowed pipeline error. */
  offending: string[];
}

/**
 * Writes the corpus to `<sandbox>/input`, runs the real ingest CLI into `<sandbox>/work/out`
 * once, and checks everything the issue demands of a run over bad files.
 */
export async function fuzzIngest(cases: readonly FuzzCase[], sandbox: string, timeoutMs: number): Promise<FuzzRun> {
  const inputDir = path.join(sandbox, 'input');
  const outDir = path.join(sandbox, 'work', 'out');
  await rm(sandbox, { recursive: true, force: true });
  await mkdir(path.join(sandbox, 'work'), { recursive: true });
  await writeCorpus(inputDir, cases);

  const before = await fingerprintTree(sandbox);
  const run = await runIngest({ args: ['--input', inputDir, '--out', outDir, '--quiet'], timeoutMs });
  const after = await fingerprintTree(sandbox);

  const problems: string[] = [];
  if (run.timedOut) problems.push(`ingest hung: killed after ${(run.ms / 1000).toFixed(0)} s`);
  else if (run.code === EVALUATED_EXIT_CODE) problems.push('ingest evaluated code from a front-matter block (exit code 97)');
  else if (run.code !== 0) problems.push(`ingest exited with ${run.signal ?? `code ${run.code}`}: ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`);

  const reportPath = path.join(outDir, archivePaths.report);
  let records: ReportRecord[] = [];
  try {
    records = parseReport(await readFile(reportPath, 'utf8'), reportPath);
    problems.push(...checkReport(cases.map((c) => c.path), records));
  } catch (error) {
    problems.push(errorMessage(error));
  }
  const offending = records.filter((record) => (record.status !== 'kept' && !record.reason?.trim()) || record.reason?.startsWith('error:')).map((record) => record.file);
  problems.push(...records.filter((record) => record.reason?.startsWith('error:')).map((record) => `${JSON.stringify(record.file)}: pipeline threw (${record.reason})`));
  problems.push(...writesOutside(before, after, outDir).map((file) => `written outside the output folder: ${file}`));

  const entriesDir = path.join(outDir, archivePaths.articles);
  const ids = entryIds(entriesDir);
  const kept = records.filter((record) => record.status === 'kept').length;
  if (ids.length !== kept) problems.push(`${kept} files kept but ${ids.length} entries written`);
  for (const id of ids) {
    const file = entryFile(entriesDir, id);
    try {
      articleSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    } catch (error) {
      problems.push(`${file}: invalid entry (${errorMessage(error).slice(0, 200)})`);
    }
  }
  return { run, records, problems, offending };
}
