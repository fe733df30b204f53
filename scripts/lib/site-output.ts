/**
 * Keeps the built site in place between builds, so an update writes what changed instead of
 * Astro emptying the output folder (75,000 files at 10,000 articles: 15 s) and copying every
 * unchanged page back from its cache (14,000 copies).
 *
 * Astro is told not to empty its output folder (`vite.build.emptyOutDir: false`); it then
 * leaves a page it would restore where it is ("(cached)" in its log). That is only right if
 * the folder still holds what the last build of this archive wrote there. So after each build
 * every file of the folder is recorded with its size and modification time in the archive's
 * cache, and before the next build every file that is not recorded, or no longer matches its
 * record, is deleted. After Astro, a kept file it neither wrote again nor still wants (its
 * manifest's pages, the search bundles, the raw copies that still have a source) is stale,
 * a page of a removed article or an asset of old code, and is deleted: whatever a build still
 * makes, it writes, which gives the file a new modification time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Astro's record of the pages it can restore: `<cacheDir>/incremental-build.json`. */
export const ASTRO_MANIFEST = 'incremental-build.json';

/** What the last build left in the output folder: its real path and each kept file's stats. */
interface SiteRecord {
  dist: string;
  files: Record<string, [size: number, mtimeMs: number]>;
}

/** Relative paths use `/` in records whatever the platform. */
const toPosix = (relative: string): string => relative.split(path.sep).join('/');

/**
 * The output files (relative to the output folder, `/`-separated) of every page Astro's
 * manifest records, or an empty set when there is no readable manifest. Astro stores them
 * as URL paths relative to its output folder, percent-encoded.
 */
export function astroPages(astroCacheDir: string): Set<string> {
  let manifest: { routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }> };
  try {
    manifest = JSON.parse(readFileSync(path.join(astroCacheDir, ASTRO_MANIFEST), 'utf8'));
  } catch {
    return new Set();
  }
  const base = pathToFileURL('/site/');
  const pages = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) {
      if (typeof entry.outputFile !== 'string') continue;
      pages.add(toPosix(path.relative('/site', fileURLToPath(new URL(entry.outputFile, base)))));
    }
  }
  return pages;
}

/** Like Astro when it empties its output folder, a `.git` there (a deployment's) is left alone. */
const KEEP_ALWAYS = '.git';

/** Every file below `dir` (not in its `.git`), relative and `/`-separated. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== KEEP_ALWAYS)
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (!entry.isDirectory()) return [entry.name];
      return readdirSync(full, { withFileTypes: true, recursive: true })
        .filter((inner) => !inner.isDirectory())
        .map((inner) => toPosix(path.relative(dir, path.join(inner.parentPath, inner.name))));
    });
}

/** Empties `dir` but for its `.git`: what a clean build starts from. */
export function emptyOutput(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== KEEP_ALWAYS) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** Removes `dir`'s empty folders, deepest first (not `dir` itself, nor its `.git`). */
function removeEmptyFolders(dir: string): void {
  if (!existsSync(dir)) return;
  const folders = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isDirectory() && toPosix(path.relative(dir, entry.parentPath)).split('/')[0] !== KEEP_ALWAYS && !(entry.parentPath === dir && entry.name === KEEP_ALWAYS))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  }
}

function readRecord(recordFile: string): SiteRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordFile, 'utf8')) as SiteRecord;
  } catch {
    return undefined;
  }
}

const realDist = (dist: string): string => (existsSync(dist) ? realpathSync(dist) : path.resolve(dist));

/** A kept file's size and modification time, as recorded. */
export type KeptFiles = Map<string, readonly [size: number, mtimeMs: number]>;

const unchanged = (full: string, expected: readonly [number, number]): boolean => {
  const stats = statSync(full, { throwIfNoEntry: false });
  return stats !== undefined && stats.isFile() && stats.size === expected[0] && stats.mtimeMs === expected[1];
};

/**
 * Before a build: leaves in `dist` only the files the last build recorded, unchanged, and
 * deletes everything else. Returns the kept files. With no record, or one made for another
 * folder, nothing is kept.
 */
export function prepareOutput(dist: string, recordFile: string): KeptFiles {
  const record = readRecord(recordFile);
  const trusted = record && record.dist === realDist(dist) ? record.files : {};
  const kept: KeptFiles = new Map();
  for (const file of filesBelow(dist)) {
    const expected = trusted[file];
    if (expected && unchanged(path.join(dist, file), expected)) kept.set(file, expected);
    else rmSync(path.join(dist, file), { force: true });
  }
  removeEmptyFolders(dist);
  return kept;
}

/**
 * After Astro: deletes the kept files that are not `wanted` and that this build did not write
 * again (still exactly as kept): pages of removed articles, merged listing pages, assets of
 * old code, citation files of removed articles. A file written again has a new modification
 * time and stays.
 */
export function removeUnwanted(dist: string, kept: KeptFiles, wanted: (file: string) => boolean): number {
  let removed = 0;
  for (const [file, expected] of kept) {
    if (wanted(file) || !unchanged(path.join(dist, file), expected)) continue;
    rmSync(path.join(dist, file));
    removed++;
  }
  if (removed > 0) removeEmptyFolders(dist);
  return removed;
}

/**
 * After a whole build: records every file of `dist` with its size and modification time, for
 * the next build's prepareOutput. Written last: a build killed before leaves
 * scripts/build.ts's marker, and the next build starts clean without reading it.
 */
export function recordOutput(dist: string, recordFile: string): number {
  const files: SiteRecord['files'] = {};
  for (const file of filesBelow(dist)) {
    const stats = statSync(path.join(dist, file));
    files[file] = [stats.size, stats.mtimeMs];
  }
  mkdirSync(path.dirname(recordFile), { recursive: true });
  const record: SiteRecord = { dist: realDist(dist), files };
  writeFileSync(recordFile, JSON.stringify(record));
  return Object.keys(files).length;
}
