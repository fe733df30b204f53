/**
 * Keeps the built site in place between builds, so an update writes what changed instead of
 * Astro emptying the output folder (75,000 files at 10,000 articles: 15 s) and copying every
 * unchanged page back from its cache (14,000 copies).
 *
 * Astro is told not to empty its output folder (`vite.build.emptyOutDir: false`); it then
 * leaves a page it would restore where it is ("(cached)" in its log). That is only right if
 * the folder still holds what the last build of this archive wrote there. So the folder is
 * recorded, and each build reads again only the folders changed since (a folder's change time
 * moves when an entry is added, removed or renamed in it), once, while the ingest runs: what
 * was done there before the last build ended is that build's doing and is recorded; anything
 * later is someone else's, and a file added then is deleted. After the stages, a kept file
 * that nothing wrote again and nothing still wants (Astro's manifest's pages, the search
 * bundles, the raw copies that still have a source, ...: mayBeStale) is stale, a page of a
 * removed article or an asset of old code, and is deleted; the build then notes when it ended and leaves
 * learning what its stages wrote to the next build's reading, which runs beside an ingest
 * rather than on the critical path. No pass reads every file (651,000 at 100,000 articles
 * took 20 s a pass), and none after the stages reads every folder (170,000).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isCitationFileOfEntry, isDumpFile } from '../dataset/data-pass.ts';
import { isPublishedRawCopy } from '../dataset/raw-copies.ts';
import { existsByListing } from '../lib/exists-by-listing.ts';

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
      // Decoded whole, as it gives what decoding name by name gives, a few times faster.
      if (typeof entry.outputFile === 'string') pages.add(entry.outputFile.includes('%') ? decodeURIComponent(entry.outputFile) : entry.outputFile);
    }
  }
  return pages;
}

/**
 * The kept files that only Astro's record can still want, so that a build may find them stale:
 * all but the search bundles (the search stage checked them), the dump's files and the citation
 * files of the entries the archive holds (src/dataset/data-pass.ts leaves each in place when it
 * is as that stage would write it), and the raw copies whose source it holds. Asked once the
 * ingest is done, while the stages run: a few thousand files at a time, so that the build
 * still hears its stages meanwhile.
 */
export async function mayBeStale(kept: SiteFiles, archive: { raw: string; articles: string }): Promise<string[]> {
  const exists = existsByListing();
  const files: string[] = [];
  let asked = 0;
  for (const file of kept.files()) {
    if (!(file.startsWith('pagefind/') || isDumpFile(file) || isPublishedRawCopy(archive.raw, file, exists) || isCitationFileOfEntry(archive.articles, file, exists))) files.push(file);
    if (++asked % 5000 === 0) await new Promise(setImmediate);
  }
  return files;
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
 * A time span on the file system's clock: from when the record was made to when the last build
 * ended. A folder changed within it was changed by that build (or by the pass that made the
 * record); one changed later, by someone else.
 */
interface BuildSpan {
  fromMs: number;
  untilMs: number;
}

/** What reading the changed folders found. */
interface Reading {
  /** Folders read again: with none, the record still holds. */
  read: number;
  /** Files and folders someone other than a build added: to delete. */
  foreign: string[];
  /** Whether anyone but a build changed the folder since the record: then a file the last build wrote may be missing unseen. */
  touched: boolean;
}

/**
 * The files of the site folder as a build knows them: the names in each folder ('' is the site
 * folder itself; a name that is itself a folder here is a folder), so that a folder read again
 * can be compared with what it held. Kept by folder, as the record is: 651,000 paths split
 * into their folders took 5 s.
 */
export class SiteFiles {
  /** A folder's names as the record gave them, made a set only when the folder is read or changed: 170,000 sets made at once took a second. */
  private readonly folders = new Map<string, Set<string> | readonly string[]>([['', new Set()]]);

  /** From each folder's names, as `record()` gives them. */
  constructor(folders: Iterable<readonly [string, readonly string[]]> = []) {
    for (const [folder, names] of folders) this.folders.set(folder, names);
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
    for (let child = file; ; ) {
      const slash = child.lastIndexOf('/');
      const folder = slash === -1 ? '' : child.slice(0, slash);
      const names = this.namesOf(folder);
      if (names !== undefined) {
        names.add(child.slice(slash + 1));
        return;
      }
      this.folders.set(folder, new Set([child.slice(slash + 1)]));
      child = folder;
    }
  }

  /** Adds a folder, empty or not: a folder the build made is known even before it holds a file. */
  private addFolder(folder: string): void {
    if (this.folders.has(folder)) return;
    this.add(folder);
    this.folders.set(folder, new Set());
  }

  /** A folder's names as a set, made one now if the record gave them as a list. */
  private namesOf(folder: string): Set<string> | undefined {
    const names = this.folders.get(folder);
    if (names === undefined || names instanceof Set) return names;
    const set = new Set(names);
    this.folders.set(folder, set);
    return set;
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
    const slash = entry.lastIndexOf('/');
    this.namesOf(slash === -1 ? '' : entry.slice(0, slash))?.delete(entry.slice(slash + 1));
    return removed;
  }

  /**
   * Reads again every folder whose change time is at or after `span.fromMs` (an entry added,
   * removed or renamed there moves it, and nobody can set it back), or every folder with
   * `everyFolder`, and makes this what the folder holds. When a folder or file was last
   * changed is told by its modification time, which a restored cache keeps (tar sets it back;
   * the change time is the restore's): in a folder modified within `span`, what is there is the
   * last build's doing: names added are learned (a new folder's whole content, each folder
   * below read the same way), names gone are forgotten. A folder modified after the span was
   * changed by someone else: a name gone is forgotten, and a file added is kept only when the
   * file itself was modified within the span (the last build wrote it); otherwise it is
   * foreign, as is a name added to a folder modified before the span. A file rewritten in
   * place changes no folder: it is not found here.
   */
  readChanged(dist: string, span: BuildSpan, everyFolder = false): Reading {
    const reading: Reading = { read: 0, foreign: [], touched: false };
    const within = (mtimeMs: number): boolean => mtimeMs >= span.fromMs && mtimeMs <= span.untilMs;
    const root = lstatSync(dist, { throwIfNoEntry: false });
    // A build never removes the site folder itself.
    if (root === undefined || !root.isDirectory()) {
      reading.touched = true;
      this.folders.clear();
      this.folders.set('', new Set());
      return reading;
    }
    // A folder new since the record, read as a changed one: with every entry the last build's
    // when the folder last changed within the span, otherwise only the entries that did.
    const learn = (folder: string, full: string): void => {
      this.addFolder(folder);
      const byBuild = within(lstatSync(full).mtimeMs);
      if (!byBuild) reading.touched = true;
      for (const entry of readdirSync(full, { withFileTypes: true })) adopt(byBuild, `${folder}/${entry.name}`, full + path.sep + entry.name, entry.isDirectory());
    };
    // A name new in a folder: a file is the last build's when the folder changed within the
    // span, or when the file itself did; otherwise it is foreign.
    const adopt = (byBuild: boolean, child: string, childFull: string, isFolder: boolean): void => {
      if (isFolder) learn(child, childFull);
      else if (byBuild || within(lstatSync(childFull).mtimeMs)) this.add(child);
      else reading.foreign.push(child);
    };
    for (const folder of [...this.folders.keys()]) {
      // Forgotten with a folder above it, earlier in this pass.
      if (!this.folders.has(folder)) continue;
      const full = folder === '' ? dist : `${dist}/${folder}`;
      const stats = folder === '' ? root : lstatSync(full, { throwIfNoEntry: false });
      // Gone, or no longer a folder: its parent changed too, and is read for it.
      if (stats === undefined || !stats.isDirectory()) continue;
      if (stats.ctimeMs < span.fromMs && !everyFolder) continue;
      const names = this.namesOf(folder) as Set<string>;
      reading.read++;
      const byBuild = within(stats.mtimeMs);
      // Changed after the last build ended; or, unchanged since the record by its modification time, unlike it.
      let touched = stats.mtimeMs > span.untilMs;
      const onDisk = new Map<string, boolean>();
      for (const entry of readdirSync(full, { withFileTypes: true })) if (folder !== '' || entry.name !== KEEP_ALWAYS) onDisk.set(entry.name, entry.isDirectory());
      for (const name of [...names]) {
        const child = folder === '' ? name : `${folder}/${name}`;
        if (onDisk.get(name) === this.folders.has(child)) continue;
        this.remove(child);
        if (!byBuild) touched = true;
      }
      for (const [name, isFolder] of onDisk) {
        if (names.has(name)) continue;
        const child = folder === '' ? name : `${folder}/${name}`;
        // In a folder unchanged since the record, a name it does not hold is foreign.
        if (stats.mtimeMs < span.fromMs) reading.foreign.push(child);
        else adopt(byBuild, child, full + path.sep + name, isFolder);
        if (!byBuild) touched = true;
      }
      if (touched) reading.touched = true;
    }
    return reading;
  }
}

/**
 * What the last build's reading found in the site folder: the folder's real path and the names
 * in each of its folders. The record's own modification time is when it was made: a folder
 * changed since has a later change time (which, unlike the modification time, cannot be set
 * back).
 */
interface SiteRecord {
  dist: string;
  folders: [string, string[]][];
}

/**
 * Written when a build ends: the site folder it built and the modification time of the record
 * it started from (`null` with none: it started from an emptied folder). Its own modification
 * time is when the build ended. A folder changed between the two times was changed by that
 * build; the next build's reading learns what it holds.
 */
interface BuildEnd {
  dist: string;
  record: number | null;
}

/** Where the end of the last build is noted, beside the record. */
const buildEndFile = (recordFile: string): string => path.join(path.dirname(recordFile), `${path.basename(recordFile, '.json')}-end.json`);

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

function readBuildEnd(file: string): (BuildEnd & { endedMs: number }) | undefined {
  try {
    const endedMs = statSync(file).mtimeMs;
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildEnd>;
    if (typeof data.dist !== 'string' || (data.record !== null && typeof data.record !== 'number')) return undefined;
    return { dist: data.dist, record: data.record, endedMs };
  } catch {
    return undefined;
  }
}

/** Written to another name and renamed: a build killed while writing it leaves the old record or none, never half of one. */
function writeRecord(recordFile: string, record: SiteRecord): void {
  mkdirSync(path.dirname(recordFile), { recursive: true });
  const partial = `${recordFile}.partial`;
  writeFileSync(partial, JSON.stringify(record));
  renameSync(partial, recordFile);
}

const realDist = (dist: string): string => (existsSync(dist) ? realpathSync(dist) : path.resolve(dist));

/**
 * Before a build (while the ingest runs): makes `dist` hold only files the last build left
 * there, and returns them, and whether the folder was exactly as the last build left it (nobody
 * else changed it since). With no record, or one made for another folder, the folder is
 * emptied; an emptied folder that a build has filled since counts as recorded empty.
 *
 * Only the folders changed since the record are read (SiteFiles.readChanged): what the last
 * build wrote there is learned, and a file added, deleted or renamed there by hand afterwards
 * is found (an added one is deleted). A file rewritten in place changes no folder; `verify`
 * reads every folder and looks at every file instead, and deletes each one changed since the
 * last build ended. The record is written again when a folder was read, so the next build
 * reads only what changed after this one.
 */
export function prepareOutput(dist: string, recordFile: string, verify = false): { kept: SiteFiles; intact: boolean } {
  const real = realDist(dist);
  const record = readRecord(recordFile);
  const ended = readBuildEnd(buildEndFile(recordFile));
  const endedHere = ended?.dist === real && ended.record === (record ? record.madeMs : null) ? ended.endedMs : undefined;
  let kept: SiteFiles;
  let fromMs: number;
  if (record?.dist === real) {
    kept = record.kept;
    fromMs = record.madeMs;
  } else if (record === undefined && endedHere !== undefined) {
    kept = new SiteFiles();
    fromMs = -Infinity;
  } else {
    emptyOutput(dist);
    // Neither describes the emptied folder: the build that fills it starts the record afresh.
    rmSync(recordFile, { force: true });
    rmSync(buildEndFile(recordFile), { force: true });
    return { kept: new SiteFiles(), intact: false };
  }
  const { read, foreign, touched } = kept.readChanged(dist, { fromMs, untilMs: endedHere ?? fromMs }, verify);
  for (const file of foreign) removeFile(dist, file);
  let intact = !touched && foreign.length === 0;
  if (verify) {
    for (const file of [...kept.files()]) {
      const stats = lstatSync(path.join(dist, file), { throwIfNoEntry: false });
      // A file the last build wrote in the same tick of the clock as it ended passes as its own.
      if (stats !== undefined && stats.ctimeMs <= (endedHere ?? fromMs)) continue;
      removeFile(dist, file);
      kept.remove(file);
      intact = false;
    }
  }
  if (read > 0 || !intact) {
    writeRecord(recordFile, { dist: real, folders: kept.record() });
    rmSync(buildEndFile(recordFile), { force: true });
  }
  return { kept, intact };
}

/**
 * After a whole build that started writing the site folder at `sinceMs` (a time of the file
 * system's clock): deletes each of `candidates` (mayBeStale) that is not one of Astro's
 * `pages` and that this build did not write again (a file written again has a later change
 * time): pages of removed articles, merged listing pages, assets of old code, citation files
 * of removed articles. Then notes that the build ended (written last: a build killed before
 * leaves the build's marker, src/build/build.ts, and the next build starts clean). What the
 * stages wrote is not read here: the next build's reading learns it, from the folders changed
 * since the record, beside its ingest. With `settle`, for a build that started with no record
 * (a clean one), it is read here instead: every folder is new, 170,000 at 100,000 articles,
 * and that reading beside the next build's ingest slowed it by half a minute, on a cold build's
 * end it adds a few percent.
 */
export function finishOutput(dist: string, recordFile: string, candidates: Iterable<string>, pages: ReadonlySet<string>, sinceMs: number, settle = false): { removed: number } {
  let removed = 0;
  for (const file of candidates) {
    if (pages.has(file)) continue;
    const stats = lstatSync(path.join(dist, file), { throwIfNoEntry: false });
    if (stats === undefined || stats.ctimeMs >= sinceMs) continue;
    removeFile(dist, file);
    removed++;
  }
  const record = statSync(recordFile, { throwIfNoEntry: false });
  mkdirSync(path.dirname(recordFile), { recursive: true });
  writeFileSync(buildEndFile(recordFile), JSON.stringify({ dist: realDist(dist), record: record?.mtimeMs ?? null } satisfies BuildEnd));
  if (settle) prepareOutput(dist, recordFile);
  return { removed };
}
