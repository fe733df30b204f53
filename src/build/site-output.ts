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
 * record, is deleted. After the build, a kept file that nothing wrote again and nothing still
 * wants (Astro's manifest's pages, the search bundles, the raw copies that still have a source)
 * is stale, a page of a removed article or an asset of old code, and is deleted: whatever a
 * build still makes, it writes, which gives the file a new modification time. Each of the two
 * passes walks the folder once (75,000 files at 10,000 articles: about 2 s on a busy machine).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';

/** Astro's record of the pages it can restore: `<cacheDir>/incremental-build.json`. */
export const ASTRO_MANIFEST = 'incremental-build.json';

/** What the last build left in the output folder: its real path and each kept file's stats. */
const siteRecordSchema = z.object({
  dist: z.string(),
  files: z.record(z.string(), z.tuple([z.number(), z.number()])),
});
type SiteRecord = z.infer<typeof siteRecordSchema>;

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
  const pages = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) {
      if (typeof entry.outputFile === 'string') pages.add(entry.outputFile.split('/').map(decodeURIComponent).join('/'));
    }
  }
  return pages;
}

/** Like Astro when it empties its output folder, a `.git` there (a deployment's) is left alone. */
const KEEP_ALWAYS = '.git';

/**
 * Every file below `dir` (not in its `.git`) with its stats, relative and `/`-separated. By
 * hand and by string: at 75,000 files Node's recursive readdir and path.join/relative took
 * twice as long.
 */
function filesBelow(dir: string): [file: string, size: number, mtimeMs: number][] {
  const files: [string, number, number][] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (prefix === '' && entry.name === KEEP_ALWAYS) continue;
      const full = `${folder}${path.sep}${entry.name}`;
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else {
        const stats = lstatSync(full);
        files.push([`${prefix}${entry.name}`, stats.size, stats.mtimeMs]);
      }
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return files;
}

/** Empties `dir` but for its `.git`: what a clean build starts from. */
export function emptyOutput(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== KEEP_ALWAYS) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** Deletes `file` (relative to `dir`) and then its folders that it leaves empty, up to `dir`. */
function removeFile(dir: string, file: string): void {
  rmSync(path.join(dir, file), { force: true });
  for (let folder = path.dirname(file); folder !== '.'; folder = path.dirname(folder)) {
    try {
      rmdirSync(path.join(dir, folder));
    } catch {
      return;
    }
  }
}

function readRecord(recordFile: string): SiteRecord | undefined {
  try {
    return siteRecordSchema.parse(JSON.parse(readFileSync(recordFile, 'utf8')));
  } catch {
    return undefined;
  }
}

const realDist = (dist: string): string => (existsSync(dist) ? realpathSync(dist) : path.resolve(dist));

/** A kept file's size and modification time, as recorded. */
export type KeptFiles = Map<string, readonly [size: number, mtimeMs: number]>;

/**
 * Before a build: leaves in `dist` only the files the last build recorded, unchanged, and
 * deletes everything else. Returns the kept files, and whether the folder was exactly as the
 * last build recorded it (nothing deleted, nothing missing). With no record, or one made for
 * another folder, nothing is kept.
 */
export function prepareOutput(dist: string, recordFile: string): { kept: KeptFiles; intact: boolean } {
  const record = readRecord(recordFile);
  const trusted = record && record.dist === realDist(dist) ? record.files : undefined;
  const kept: KeptFiles = new Map();
  let removed = 0;
  for (const [file, size, mtimeMs] of filesBelow(dist)) {
    const expected = trusted?.[file];
    if (expected && expected[0] === size && expected[1] === mtimeMs) kept.set(file, expected);
    else {
      removeFile(dist, file);
      removed++;
    }
  }
  return { kept, intact: trusted !== undefined && removed === 0 && kept.size === Object.keys(trusted).length };
}

/**
 * After a whole build: deletes the kept files that are not `wanted` and that this build did
 * not write again (still exactly as kept): pages of removed articles, merged listing pages,
 * assets of old code, citation files of removed articles; a file written again has a new
 * modification time and stays. Then records every file left, with its size and modification
 * time, for the next build's prepareOutput. Written last: a build killed before leaves
 * the build's marker (src/build/build.ts), and the next build starts clean without reading it.
 */
export function finishOutput(dist: string, recordFile: string, kept: KeptFiles, wanted: (file: string) => boolean): { removed: number; recorded: number } {
  const files: SiteRecord['files'] = {};
  let removed = 0;
  let recorded = 0;
  for (const [file, size, mtimeMs] of filesBelow(dist)) {
    const before = kept.get(file);
    if (before && before[0] === size && before[1] === mtimeMs && !wanted(file)) {
      removeFile(dist, file);
      removed++;
    } else {
      files[file] = [size, mtimeMs];
      recorded++;
    }
  }
  mkdirSync(path.dirname(recordFile), { recursive: true });
  const record: SiteRecord = { dist: realDist(dist), files };
  writeFileSync(recordFile, JSON.stringify(record));
  return { removed, recorded };
}
