/**
 * The file-system side of fuzzing, shared by `scripts/fuzz-ingest.ts` and the tests: writes a
 * corpus, fingerprints folders, and runs the real ingest CLI under a time bound.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FuzzCase } from './corpus.ts';

export const INGEST_CLI = path.resolve(import.meta.dirname, '..', 'ingest.ts');

export async function writeCorpus(inputDir: string, cases: readonly FuzzCase[]): Promise<void> {
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

export interface IngestRun {
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

export interface RunningIngest {
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
