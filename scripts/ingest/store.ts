/**
 * The ingest's file-system side, kept apart from the pure pipeline: listing inputs, atomic
 * writes, the manifest of what the ingest wrote, and the result cache.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Input files: `*.txt` anywhere below `root`, as `/`-separated relative paths in code-point order. */
export async function listInputs(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && /\.txt$/i.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Writes through a temporary file in the same folder and a rename, so a crash leaves either
 * the old file or the new one, never half of one. Unchanged content is not rewritten, so
 * timestamps stay put for tools that watch them. Returns whether the file changed.
 */
export async function writeAtomic(file: string, content: string | Uint8Array): Promise<boolean> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  try {
    const existing = await readFile(file);
    if (existing.equals(bytes)) return false;
  } catch {
    // No previous file: write it.
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return true;
}

/** The name `writeAtomic` gives its temporary files, and nothing else does. */
const TEMPORARY = /^\..+\.\d+\.tmp$/;

/**
 * Deletes the temporary files a killed run left half-written in the folders the ingest writes
 * (the archive root, `articles/`, `raw/`, the cache); otherwise they would linger and be
 * published with the raw copies. Only names of `writeAtomic`'s own pattern are touched.
 */
export async function removeOrphanTemporaries(outDir: string, folders: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of ['', ...folders]) {
    const dir = path.join(outDir, folder);
    let entries;
    try {
      entries = await readdir(dir, { recursive: folder !== '', withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !TEMPORARY.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      await rm(file, { force: true });
      removed.push(path.relative(outDir, file).split(path.sep).join('/'));
    }
  }
  return removed.sort();
}

export const MANIFEST_NAME = '.ingest-manifest.json';

/** The files (relative to the archive folder) a previous run wrote; none when unreadable. */
export async function readManifest(outDir: string): Promise<string[]> {
  try {
    const data: unknown = JSON.parse(await readFile(path.join(outDir, MANIFEST_NAME), 'utf8'));
    if (typeof data === 'object' && data !== null && 'files' in data && Array.isArray(data.files)) {
      return data.files.filter((file): file is string => typeof file === 'string');
    }
  } catch {
    // No manifest yet: nothing of ours to clean up.
  }
  return [];
}

export async function writeManifest(outDir: string, files: readonly string[]): Promise<void> {
  const sorted = [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await writeAtomic(path.join(outDir, MANIFEST_NAME), `${JSON.stringify({ files: sorted }, null, 2)}\n`);
}

/**
 * Deletes what the previous run wrote and this one did not: only paths from the previous
 * manifest, only inside the archive folder. A file someone else put there is never touched.
 */
export async function removeStale(outDir: string, previous: readonly string[], current: readonly string[]): Promise<string[]> {
  const keep = new Set(current);
  const removed: string[] = [];
  const root = path.resolve(outDir);
  for (const file of previous) {
    if (keep.has(file)) continue;
    const absolute = path.resolve(root, file);
    if (!absolute.startsWith(root + path.sep)) continue;
    await rm(absolute, { force: true });
    removed.push(file);
  }
  return removed;
}

/** Results of unchanged files, keyed by a hash of everything the result depends on. */
export class ResultCache {
  readonly dir: string;
  hits = 0;
  private readonly used = new Set<string>();

  constructor(outDir: string) {
    this.dir = path.join(outDir, '.cache', 'ingest');
  }

  async get<T>(key: string): Promise<T | undefined> {
    this.used.add(key);
    try {
      const value = JSON.parse(await readFile(path.join(this.dir, `${key}.json`), 'utf8')) as T;
      this.hits++;
      return value;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    this.used.add(key);
    await writeAtomic(path.join(this.dir, `${key}.json`), JSON.stringify(value));
  }

  /** Drops entries this run did not use (older versions, deleted or changed files). */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const key = /^([0-9a-f]{64})\.json$/.exec(name)?.[1];
      if (key && !this.used.has(key)) await rm(path.join(this.dir, name), { force: true });
    }
  }
}
