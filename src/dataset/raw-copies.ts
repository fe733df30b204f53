import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the raw copies are published in the site (src/lib/urls.ts links `raw/<sha256>.txt`). */
export const RAW_SITE_FOLDER = 'raw';

/**
 * Whether `file` (relative to the site folder, `/`-separated) is the published copy of a raw
 * file the archive still holds in `sourceDir`: the copies `publishRawCopies` leaves in place.
 * `exists` tells whether a file exists (a caller asking of every copy passes one that reads
 * each folder once).
 */
export function isPublishedRawCopy(sourceDir: string, file: string, exists: (file: string) => boolean = existsSync): boolean {
  return file.startsWith(`${RAW_SITE_FOLDER}/`) && exists(path.join(sourceDir, file.slice(RAW_SITE_FOLDER.length + 1)));
}

/** What the last publication saw: the site folder, the raw folder's change time, and when it started, on the file system's clock. */
interface RawRecord {
  dist: string;
  ctimeMs: number;
  startedMs: number;
}

function readRecord(file: string): RawRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<RawRecord>;
    return typeof record.dist === 'string' && typeof record.ctimeMs === 'number' && typeof record.startedMs === 'number' ? (record as RawRecord) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Publishes the untouched raw files the ingest preserved (`<sha256>.txt`) under `raw/` in the
 * site, byte for byte, so the generated copies stay out of the repo and out of Vite's asset
 * pipeline. A copy already in the site is left alone: its name is the hash of its bytes, and
 * the build keeps only files exactly as the last build left them (src/build/site-output.ts),
 * so copying it again (10,000 files, 8 s on every update) would write the same bytes. The two
 * folders are listed, not each copy stat'ed (100,000 stats took 3 s), and not even listed when
 * the site folder is as the last build left it (`siteIntact`) and the raw folder unchanged
 * since the last publication into it (`recordFile` remembers; the ingest adds and removes raw
 * files, which moves the folder's change time). False when the archive holds no raw files.
 */
export function publishRawCopies(sourceDir: string, siteDir: string, { recordFile, siteIntact = false }: { recordFile?: string; siteIntact?: boolean } = {}): boolean {
  const source = statSync(sourceDir, { throwIfNoEntry: false });
  if (!source) return false;
  const target = path.join(siteDir, RAW_SITE_FOLDER);
  mkdirSync(target, { recursive: true });
  const dist = realpathSync(siteDir);
  if (recordFile !== undefined) {
    const last = readRecord(recordFile);
    if (siteIntact && last?.dist === dist && last.ctimeMs === source.ctimeMs && last.ctimeMs < last.startedMs) return true;
    // Emptied first: a publication killed half-way leaves no record.
    writeFileSync(recordFile, '');
  }
  const startedMs = recordFile === undefined ? 0 : statSync(recordFile).mtimeMs;
  const published = new Set(readdirSync(target));
  for (const entry of readdirSync(sourceDir, { withFileTypes: true })) {
    if (published.has(entry.name)) continue;
    const from = path.join(sourceDir, entry.name);
    if (entry.isDirectory()) cpSync(from, path.join(target, entry.name), { recursive: true, force: false });
    else copyFileSync(from, path.join(target, entry.name));
  }
  if (recordFile !== undefined) writeFileSync(recordFile, JSON.stringify({ dist, ctimeMs: source.ctimeMs, startedMs } satisfies RawRecord));
  return true;
}
