/**
 * Keeps the built site in place between builds, so an update writes what changed instead of
 * Astro emptying the output folder (75,000 files at 10,000 articles: 15 s) and copying every
 * unchanged page back from its cache (14,000 copies).
 *
 * Astro is told not to empty its output folder (`vite.build.emptyOutDir: false`); it then
 * leaves a page it would restore where it is ("(cached)" in its log). That is only right if
 * the folder still holds what the last build of this archive wrote there. So each build
 * records the files it leaves in the folder, and the next build reads again only the folders
 * changed since (a folder's change time moves when an entry is added, removed or renamed in
 * it): before the build, to delete what someone else added and to notice what is missing;
 * after it, to learn what the stages wrote and deleted. A kept file that nothing wrote again
 * and nothing still wants (Astro's manifest's pages, the search bundles, the raw copies that
 * still have a source) is stale, a page of a removed article or an asset of old code, and is
 * deleted. Neither pass reads every file: 651,000 files at 100,000 articles took 20 s a pass.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Astro's record of the pages it can restore: `<cacheDir>/incremental-build.json`. */
export const ASTRO_MANIFEST = 'incremental-build.json';

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

/** Empties `dir` but for its `.git`: what a clean build starts from. */
export function emptyOutput(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== KEEP_ALWAYS) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** Deletes `file` (relative to `dir`), a folder with all it holds, and then the folders it leaves empty, up to `dir`. */
function removeFile(dir: string, file: string): void {
  rmSync(path.join(dir, file), { recursive: true, force: true });
  for (let folder = path.dirname(file); folder !== '.'; folder = path.dirname(folder)) {
    try {
      rmdirSync(path.join(dir, folder));
    } catch {
      return;
    }
  }
}

/**
 * The files of the site folder as a build knows them: the names in each folder ('' is the site
 * folder itself; a name that is itself a folder here is a folder), so that a folder read again
 * can be compared with what it held. Kept by folder, as the record is: 651,000 paths split
 * into their folders took 5 s.
 */
export class SiteFiles {
  private readonly folders = new Map<string, Set<string>>([['', new Set()]]);
  /** Whether a file was added or forgotten since this was made: otherwise `record()` is what it was made from. */
  changed = false;

  /** From each folder's names, as `record()` gives them. */
  constructor(folders: Iterable<readonly [string, readonly string[]]> = []) {
    for (const [folder, names] of folders) this.folders.set(folder, new Set(names));
  }

  /** From files (relative, `/`-separated). */
  static of(files: Iterable<string>): SiteFiles {
    const site = new SiteFiles();
    for (const file of files) site.add(file);
    return site;
  }

  /** Every file, relative and `/`-separated. */
  *files(): Generator<string> {
    for (const [folder, names] of this.folders) {
      for (const name of names) {
        const child = folder === '' ? name : `${folder}/${name}`;
        if (!this.folders.has(child)) yield child;
      }
    }
  }

  /** Each folder's names, for the record. */
  record(): [string, string[]][] {
    return Array.from(this.folders, ([folder, names]) => [folder, [...names]]);
  }

  add(file: string): void {
    this.changed = true;
    for (let child = file; ; ) {
      const slash = child.lastIndexOf('/');
      const folder = slash === -1 ? '' : child.slice(0, slash);
      const names = this.folders.get(folder);
      if (names !== undefined) {
        names.add(child.slice(slash + 1));
        return;
      }
      this.folders.set(folder, new Set([child.slice(slash + 1)]));
      child = folder;
    }
  }

  /** Forgets a file, or a folder and everything below it; returns the files forgotten. */
  remove(entry: string): string[] {
    const removed: string[] = [];
    const forget = (child: string): void => {
      const names = this.folders.get(child);
      if (names === undefined) {
        removed.push(child);
        return;
      }
      for (const name of names) forget(`${child}/${name}`);
      this.folders.delete(child);
    };
    forget(entry);
    this.changed = true;
    const slash = entry.lastIndexOf('/');
    this.folders.get(slash === -1 ? '' : entry.slice(0, slash))?.delete(entry.slice(slash + 1));
    return removed;
  }

  /**
   * Reads again every folder changed (an entry added, removed or renamed: its change time
   * moves) at or after `sinceMs`, and returns the files found there that are not known (a new
   * folder's files included) and the known files gone from there, which are forgotten. A file
   * rewritten in place changes no folder: it is not found here.
   */
  changedSince(dist: string, sinceMs: number): { found: string[]; gone: string[] } {
    const found: string[] = [];
    const gone: string[] = [];
    for (const folder of [...this.folders.keys()]) {
      const names = this.folders.get(folder);
      // Forgotten with a folder above it, earlier in this pass.
      if (names === undefined) continue;
      const full = folder === '' ? dist : `${dist}/${folder}`;
      const stats = lstatSync(full, { throwIfNoEntry: false });
      if (stats === undefined || !stats.isDirectory()) {
        if (folder !== '') append(gone, this.remove(folder));
        else {
          append(gone, this.files());
          this.folders.clear();
          this.folders.set('', new Set());
        }
        continue;
      }
      if (stats.ctimeMs < sinceMs) continue;
      const onDisk = new Map<string, boolean>();
      for (const entry of readdirSync(full, { withFileTypes: true })) if (folder !== '' || entry.name !== KEEP_ALWAYS) onDisk.set(entry.name, entry.isDirectory());
      for (const name of [...names]) {
        const child = folder === '' ? name : `${folder}/${name}`;
        if (onDisk.get(name) !== this.folders.has(child)) append(gone, this.remove(child));
      }
      for (const [name, isFolder] of onDisk) {
        const child = folder === '' ? name : `${folder}/${name}`;
        if (names.has(name)) continue;
        if (isFolder) append(found, filesBelow(full + path.sep + name, `${child}/`));
        else found.push(child);
      }
    }
    return { found, gone };
  }
}

/** Adds `items` to `list` one by one: `push(...items)` passes each as an argument, and a folder of 100,000 files overflows the stack. */
function append<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}

/** Every file below `dir` with its change time, relative and `/`-separated, each name after `prefix`. */
function filesBelow(dir: string, prefix = ''): string[] {
  return filesWithTimes(dir, prefix).map(([file]) => file);
}

function filesWithTimes(dir: string, prefix = ''): [file: string, ctimeMs: number][] {
  const files: [string, number][] = [];
  const walk = (folder: string, folderPrefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (folderPrefix === '' && entry.name === KEEP_ALWAYS) continue;
      const full = `${folder}${path.sep}${entry.name}`;
      if (entry.isDirectory()) walk(full, `${folderPrefix}${entry.name}/`);
      else files.push([`${folderPrefix}${entry.name}`, lstatSync(full).ctimeMs]);
    }
  };
  if (existsSync(dir)) walk(dir, prefix);
  return files;
}

/**
 * What the last build left in the site folder: the folder's real path and the names in each
 * of its folders. The record's own modification time is when that build ended: a file or
 * folder changed since has a later change time (which, unlike the modification time, cannot
 * be set back).
 */
interface SiteRecord {
  dist: string;
  folders: [string, string[]][];
}

const isNames = (value: unknown): value is [string, string[]] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Array.isArray(value[1]) && value[1].every((name) => typeof name === 'string');

function readRecord(recordFile: string): { dist: string; kept: SiteFiles; madeMs: number } | undefined {
  try {
    const madeMs = statSync(recordFile).mtimeMs;
    const data = JSON.parse(readFileSync(recordFile, 'utf8')) as { dist?: unknown; folders?: unknown; files?: unknown };
    if (typeof data.dist !== 'string') return undefined;
    if (Array.isArray(data.folders) && data.folders.every(isNames)) return { dist: data.dist, kept: new SiteFiles(data.folders), madeMs };
    // A record that listed each file (with its size and modification time, as keys).
    const files: unknown = typeof data.files === 'object' && data.files !== null && !Array.isArray(data.files) ? Object.keys(data.files) : data.files;
    if (!Array.isArray(files) || !files.every((file) => typeof file === 'string')) return undefined;
    return { dist: data.dist, kept: SiteFiles.of(files), madeMs };
  } catch {
    return undefined;
  }
}

const realDist = (dist: string): string => (existsSync(dist) ? realpathSync(dist) : path.resolve(dist));

/**
 * Before a build: makes `dist` hold only files the last build left there, as it left them,
 * and returns them, and whether the folder was exactly as the last build left it (nothing
 * deleted, nothing missing). With no record, or one made for another folder, the folder is
 * emptied.
 *
 * Only the folders changed since the last build are read: a file added, deleted or renamed
 * there by hand is found (an added one is deleted). A file rewritten in place changes no
 * folder; `verify` looks at every file instead, and deletes each one changed since the last
 * build.
 */
export function prepareOutput(dist: string, recordFile: string, verify = false): { kept: SiteFiles; intact: boolean } {
  const record = readRecord(recordFile);
  if (!record || record.dist !== realDist(dist)) {
    emptyOutput(dist);
    return { kept: new SiteFiles(), intact: false };
  }
  if (!verify) {
    const { kept } = record;
    const { found, gone } = kept.changedSince(dist, record.madeMs);
    for (const file of found) removeFile(dist, file);
    return { kept, intact: found.length === 0 && gone.length === 0 };
  }
  const recorded = new Set(record.kept.files());
  const kept = new SiteFiles();
  let removed = 0;
  for (const [file, ctimeMs] of filesWithTimes(dist)) {
    // A file the last build wrote in the same tick of the clock as its record passes as its own.
    if (recorded.has(file) && ctimeMs <= record.madeMs) kept.add(file);
    else {
      removeFile(dist, file);
      removed++;
    }
  }
  return { kept, intact: removed === 0 && [...kept.files()].length === recorded.size };
}

/**
 * After a whole build that started writing the site folder at `sinceMs` (a time of the file
 * system's clock): deletes the kept files that are not `wanted` and that this build did not
 * write again (a file written again has a later change time): pages of removed articles,
 * merged listing pages, assets of old code, citation files of removed articles. Then records
 * the files the folder holds, kept or written: the kept ones, those the stages wrote in
 * the folders they changed, less those they deleted. Written last: a build killed before
 * leaves the build's marker (src/build/build.ts), and the next build starts clean without
 * reading it.
 */
export function finishOutput(dist: string, recordFile: string, kept: SiteFiles, wanted: (file: string) => boolean, sinceMs: number): { removed: number; recorded: number } {
  const { found } = kept.changedSince(dist, sinceMs);
  let removed = 0;
  const files = [...kept.files()];
  let recorded = files.length + found.length;
  for (const file of files) {
    if (wanted(file)) continue;
    const stats = lstatSync(path.join(dist, file), { throwIfNoEntry: false });
    if (stats !== undefined && stats.ctimeMs >= sinceMs) continue;
    if (stats !== undefined) {
      removeFile(dist, file);
      removed++;
    }
    kept.remove(file);
    recorded--;
  }
  for (const file of found) kept.add(file);
  mkdirSync(path.dirname(recordFile), { recursive: true });
  // The same files as the record read lists (50 MB at 100,000 articles): only its time moves,
  // to when this build ended. `kept` is the last build's record as read, for this folder
  // (prepareOutput), unless a file was added or forgotten since.
  if (!kept.changed && existsSync(recordFile)) {
    const now = new Date();
    utimesSync(recordFile, now, now);
  } else {
    const record: SiteRecord = { dist: realDist(dist), folders: kept.record() };
    writeFileSync(recordFile, JSON.stringify(record));
  }
  return { removed, recorded };
}
