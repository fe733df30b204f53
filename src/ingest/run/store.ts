/**
 * The ingest's file-system side, kept apart from the pure pipeline: listing inputs, atomic
 * writes, the manifest of what the ingest wrote, and the result cache.
 *
 * Synchronous on purpose: a run makes tens of thousands of small reads and writes, and each
 * promise-based one costs four thread-pool round trips (open, stat, read, close). Reading and
 * hashing 10,000 inputs took 0.24 s this way against 0.70 s with fs/promises and 16 lanes.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readSync, type Dirent, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { FileOutcome, Processed } from '../outcome.ts';
import { RECORD_SEPARATOR } from '../report.ts';
import { byString } from '../../lib/sort.ts';
import { archivePaths } from '../../config/archive-paths.ts';
import { sha256Hex } from '../steps/entry.ts';
import { cutShards, isShardRecord, type ShardRecord } from './shards.ts';

interface InputFile {
  /** Relative to the input folder, `/`-separated. */
  path: string;
  /** A symbolic link: listed so the report names it, never read (it could lead anywhere). */
  link: boolean;
}

/**
 * Every entry below `dir`, descending into real folders only. Not `readdirSync`'s `recursive`
 * option: unlike the promise version, it descends into linked folders, so a link to a parent
 * makes it loop until paths grow too long.
 */
function walk(dir: string, out: Dirent[] = []): Dirent[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    out.push(entry);
    // Into the same list: `push(...walk())` passes each entry as an argument, and a folder of
    // 100,000 files overflows the stack.
    if (entry.isDirectory()) walk(path.join(dir, entry.name), out);
  }
  return out;
}

/**
 * Input files: `*.txt` anywhere below `root`, in code-point order of their paths. Each path is
 * its folder's prefix and its name: `path.relative` per file took a third of the listing.
 */
export function listInputs(root: string): InputFile[] {
  const prefixes = new Map<string, string>();
  const prefixOf = (folder: string): string => {
    let prefix = prefixes.get(folder);
    if (prefix === undefined) {
      const relative = path.relative(root, folder).split(path.sep).join('/');
      prefix = relative === '' ? '' : `${relative}/`;
      prefixes.set(folder, prefix);
    }
    return prefix;
  };
  const files = walk(root)
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && /\.txt$/i.test(entry.name))
    .map((entry) => ({ path: prefixOf(entry.parentPath) + entry.name, link: entry.isSymbolicLink() }));
  return files.sort(byString((input) => input.path));
}

/** Whether `old` holds the bytes of `pieces` one after another. */
const holdsPieces = (old: Buffer, pieces: readonly Uint8Array[]): boolean => {
  let offset = 0;
  for (const piece of pieces) {
    if (!old.subarray(offset, offset + piece.length).equals(piece)) return false;
    offset += piece.length;
  }
  return offset === old.length;
};

/** Writes `pieces` one after another to a new file: joining them first would copy the whole file once more. */
function writePieces(file: string, pieces: readonly Uint8Array[]): void {
  const fd = openSync(file, 'w');
  try {
    for (const piece of pieces) for (let written = 0; written < piece.length; ) written += writeSync(fd, piece, written, piece.length - written);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes through a temporary file in the same folder and a rename, so a crash leaves either
 * the old file or the new one, never half of one. Unchanged content is not rewritten, so
 * timestamps stay put for tools that watch them (`compare: false` writes without reading the
 * old file). `content` may come in pieces, written one after another. Returns whether the file
 * was written.
 */
export function writeAtomic(file: string, content: string | Uint8Array | readonly Uint8Array[], { compare = true } = {}): boolean {
  const pieces = Array.isArray(content) ? (content as readonly Uint8Array[]) : undefined;
  try {
    // Text is compared as text: decoding the old file is cheaper than encoding the new one.
    if (compare) {
      const same =
        typeof content === 'string' ? readFileSync(file, 'utf8') === content : pieces ? holdsPieces(readFileSync(file), pieces) : readFileSync(file).equals(content as Uint8Array);
      if (same) return false;
    }
  } catch {
    // No previous file: write it.
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    if (pieces) writePieces(temporary, pieces);
    else writeFileSync(temporary, content as string | Uint8Array);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
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
export function removeOrphanTemporaries(outDir: string, folders: readonly string[]): string[] {
  const removed: string[] = [];
  for (const folder of ['', ...folders]) {
    const dir = path.join(outDir, folder);
    let entries;
    try {
      entries = folder === '' ? readdirSync(dir, { withFileTypes: true }) : walk(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !TEMPORARY.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      rmSync(file, { force: true });
      removed.push(path.relative(outDir, file).split(path.sep).join('/'));
    }
  }
  return removed.sort();
}

export const MANIFEST_NAME = '.ingest-manifest.json';
/**
 * The paths a run is about to write that the manifest does not name yet, written before them:
 * a run killed half-way leaves them listed, so they are still ours to clean up next time, and
 * a run that adds one file does not rewrite the whole manifest twice.
 */
const PENDING_NAME = '.ingest-manifest-pending.json';

const readList = (file: string): string[] => {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof data === 'object' && data !== null && 'files' in data && Array.isArray(data.files)) {
      return data.files.filter((name): name is string => typeof name === 'string');
    }
  } catch {
    // None yet: nothing of ours to clean up.
  }
  return [];
};

/**
 * The files (relative to the archive folder) previous runs wrote: `listed` by the manifest of
 * the last complete run, `pending` by runs that did not complete. None when unreadable.
 */
export function readManifest(outDir: string): { listed: string[]; pending: string[] } {
  return { listed: readList(path.join(outDir, MANIFEST_NAME)), pending: readList(path.join(outDir, PENDING_NAME)) };
}

/** Records that `files` are about to be written (with the paths still pending from killed runs). */
export function writePending(outDir: string, files: readonly string[]): void {
  writeAtomic(path.join(outDir, PENDING_NAME), `${JSON.stringify({ files: [...new Set(files)].sort() }, null, 2)}\n`, { compare: false });
}

/** Whether `files` are in code-unit order, each once: the manifest's order. */
export const sortedOnce = (files: readonly string[]): boolean => files.every((file, index) => index === 0 || (files[index - 1] as string) < file);

/** Writes the manifest of a complete run, which then has nothing pending. */
export function writeManifest(outDir: string, files: readonly string[], { changed = true } = {}): void {
  // The default order is compareStrings' (code units), without a call per comparison: sorting
  // 200,000 paths with it took 0.5 s (files in order are not sorted again).
  if (changed) writeAtomic(path.join(outDir, MANIFEST_NAME), `${JSON.stringify({ files: sortedOnce(files) ? files : [...new Set(files)].sort() }, null, 2)}\n`, { compare: false });
  rmSync(path.join(outDir, PENDING_NAME), { force: true });
}

/**
 * Deletes what the previous run wrote and this one did not: only paths from the previous
 * manifest, only inside the archive folder. A file someone else put there is never touched.
 */
export function removeStale(outDir: string, previous: readonly string[], current: readonly string[]): string[] {
  const keep = new Set(current);
  const removed: string[] = [];
  const root = path.resolve(outDir);
  for (const file of previous) {
    if (keep.has(file)) continue;
    const absolute = path.resolve(root, file);
    if (!absolute.startsWith(root + path.sep)) continue;
    rmSync(absolute, { force: true });
    removed.push(file);
  }
  return removed;
}

/** The ingest's cache folder inside an archive folder. */
const ingestCacheDir = (outDir: string): string => path.join(outDir, archivePaths.ingestCache);

/** Read ahead when looking for a line's end: a cache record's outcome line is about 1 KiB. */
const LINE_CHUNK = 4096;
let lineBuffer = Buffer.allocUnsafe(LINE_CHUNK);

/**
 * The first line of `file` (UTF-8); none when the file cannot be read. Reads only as far as
 * the newline.
 */
function readFirstLine(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    let length = 0;
    for (;;) {
      if (length === lineBuffer.length) {
        const grown = Buffer.allocUnsafe(lineBuffer.length * 2);
        lineBuffer.copy(grown);
        lineBuffer = grown;
      }
      const read = readSync(fd, lineBuffer, length, lineBuffer.length - length, length);
      // A UTF-8 multi-byte sequence never holds the byte 0x0a, so this is the line's end.
      const newline = lineBuffer.subarray(0, length + read).indexOf(10, length);
      length += read;
      if (newline !== -1) return lineBuffer.toString('utf8', 0, newline);
      if (read === 0) return lineBuffer.toString('utf8', 0, length);
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Outcomes of unchanged files, keyed by a hash of everything the outcome depends on. A record
 * is the outcome (with the article's header) as one JSON line, then the entry file's text as
 * it is: no escaping to write, no second parse to read it back. A run reads the outcome lines
 * only of the files whose report lines it has to make again (`shards.ts`).
 */
export class ResultCache {
  readonly dir: string;

  constructor(outDir: string) {
    this.dir = ingestCacheDir(outDir);
  }

  /** A record's two parts: the outcome's JSON line, and the entry text when there is one. */
  private read(key: string): { line: string; entry?: string } | undefined {
    let text: string;
    try {
      text = readFileSync(path.join(this.dir, `${key}.txt`), 'utf8');
    } catch {
      return undefined;
    }
    const newline = text.indexOf('\n');
    return newline === -1 ? { line: text } : { line: text.slice(0, newline), entry: text.slice(newline + 1) };
  }

  /**
   * A record's outcome. Only the outcome's line is read: the entry is read when the archive is
   * written, and only if it has to be.
   */
  outcome(key: string): FileOutcome | undefined {
    const line = readFirstLine(path.join(this.dir, `${key}.txt`));
    if (line === undefined) return undefined;
    try {
      return JSON.parse(line) as FileOutcome;
    } catch {
      // A damaged record is a miss: the file is processed again and the record rewritten.
      return undefined;
    }
  }

  /** The entry text a record holds, read again when the archive is written. */
  entry(key: string): string | undefined {
    return this.read(key)?.entry;
  }

  set(key: string, processed: Processed): void {
    const line = JSON.stringify(processed.outcome);
    writeAtomic(path.join(this.dir, `${key}.txt`), processed.entry === undefined ? line : `${line}\n${processed.entry}`, { compare: false });
  }

  /** Drops the records of `keys`. */
  forget(keys: Iterable<string>): void {
    for (const key of keys) rmSync(path.join(this.dir, `${key}.txt`), { force: true });
  }

  /** Drops the records of keys not in `live` (older versions, deleted or changed files), and what older code left. */
  prune(live: ReadonlySet<string>): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      // `.json` records and the one-file outcome index are earlier formats this code never reads.
      const [, key, extension] = /^([0-9a-f]{64})\.(txt|json)$/.exec(name) ?? [];
      if ((key && (extension === 'json' || !live.has(key))) || name === 'outcomes.txt') rmSync(path.join(this.dir, name), { force: true });
    }
  }
}

/**
 * A large record kept as parts: files named by the SHA-256 of their text, in a folder of their
 * own, listed in order by a small index file. A run that changes a few inputs writes only the
 * parts that hold them and the index, not the whole record (at 100,000 files the input record
 * is 16 MB and the last-run record 27 MB). A part is written before any index names it and
 * deleted only once the index written after it no longer does, so a killed run leaves the last
 * index and its parts whole; what it wrote besides is deleted by the next complete run.
 */
class RecordParts {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** A part's text; none when it is gone. */
  read(name: string): string | undefined {
    try {
      return readFileSync(path.join(this.dir, `${name}.json`), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Writes a part and returns its name. */
  write(text: string): string {
    const name = sha256Hex(text);
    writeAtomic(path.join(this.dir, `${name}.json`), text, { compare: false });
    return name;
  }

  /** Deletes the parts the index does not name. */
  prune(live: readonly string[]): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const keep = new Set(live.map((name) => `${name}.json`));
    for (const name of names) if (!keep.has(name)) rmSync(path.join(this.dir, name), { force: true });
  }
}

/**
 * What the last complete run wrote (each file's size and modification time, and for an entry
 * the key of the cache record it was written from) and a fingerprint of everything its output
 * depended on. A run that finds the same fingerprint and every file as that run left it would
 * write the same bytes again, so it has nothing to do; a run that does work need not read back
 * an entry it would write from the same record. Kept in the cache folder, not the manifest:
 * modification times belong to this machine, not the archive.
 *
 * The files a shard's kept inputs led to (entries, first raw copies) are kept with the shard,
 * in a part of its own (`RecordParts`); `files` holds the others (the manifest, the report).
 */
export interface LastRun {
  fingerprint: string;
  /** The hash of the key context the run had (`contextHash`). */
  context: string;
  files: LastRunFile[];
  /** The run's shards, in path order. */
  shards: ShardRecord[];
}
type LastRunFile = [file: string, bytes: number, mtimeMs: number, key?: string];

/** A shard as the last-run index lists it: its part holds its `kept` and `written`. */
type IndexedShard = Omit<ShardRecord, 'kept' | 'written'> & { part: string };

/** A file's size and modification time, as the last-run record keeps them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

const LAST_RUN_NAME = 'last-run.json';
const lastRunParts = (cacheDir: string): RecordParts => new RecordParts(path.join(cacheDir, 'last-run'));

/**
 * The index of the last complete run of the ingest into `outDir`: its bytes change whenever
 * the record does (its parts are named by their text), and a run that changes nothing leaves
 * it as it is.
 */
export const lastRunFile = (outDir: string): string => path.join(ingestCacheDir(outDir), LAST_RUN_NAME);

/** Checked by hand, not with a schema: zod takes half a second over the 20,000 files of a 10,000-file archive. */
const isLastRunFile = (file: unknown): file is LastRunFile =>
  Array.isArray(file) &&
  (file.length === 3 || (file.length === 4 && typeof file[3] === 'string')) &&
  typeof file[0] === 'string' &&
  typeof file[1] === 'number' &&
  typeof file[2] === 'number';

const isIndexedShard = (shard: unknown): shard is IndexedShard => {
  const record = shard as Partial<IndexedShard> | null;
  return typeof record?.part === 'string' && isShardRecord({ ...record, kept: [], written: [] });
};

/** The record of the last complete run; none when there is none, or it or one of its parts is damaged or gone. */
export function readLastRun(cacheDir: string): LastRun | undefined {
  try {
    const data = JSON.parse(readFileSync(path.join(cacheDir, LAST_RUN_NAME), 'utf8')) as Partial<Omit<LastRun, 'shards'>> & { shards?: unknown };
    if (typeof data.fingerprint !== 'string' || typeof data.context !== 'string' || !Array.isArray(data.files) || !data.files.every(isLastRunFile)) return undefined;
    if (!Array.isArray(data.shards) || !data.shards.every(isIndexedShard)) return undefined;
    const parts = lastRunParts(cacheDir);
    const shards: ShardRecord[] = [];
    for (const { part, ...shard } of data.shards) {
      const text = parts.read(part);
      if (text === undefined) return undefined;
      const { kept, written } = JSON.parse(text) as Partial<ShardRecord>;
      const record = { ...shard, kept, written, part };
      if (!isShardRecord(record) || !record.written.every(isLastRunFile)) return undefined;
      shards.push(record);
    }
    return { fingerprint: data.fingerprint, context: data.context, files: data.files, shards };
  } catch {
    return undefined;
  }
}

/** The size and modification time of `file`; throws when it is gone. */
export function stampOf(file: string): FileStamp {
  const { size, mtimeMs } = statSync(file);
  return { size, mtimeMs };
}

/**
 * A file of the archive by its path as a record keeps it: relative to `outDir`, or absolute.
 * Not `path.resolve`: it took a fifth of checking 200,000 files' stamps.
 */
const inArchive = (outDir: string, file: string): string => (path.isAbsolute(file) ? file : `${outDir}/${file}`);

const stampHolds = (file: string, bytes: number, mtimeMs: number): FileStamp | undefined => {
  const now = statSync(file, { throwIfNoEntry: false });
  return now !== undefined && now.size === bytes && now.mtimeMs === mtimeMs ? { size: now.size, mtimeMs: now.mtimeMs } : undefined;
};

/** Whether `last` was made with `fingerprint` and every file it names is still as it was. */
export function lastRunHolds(last: LastRun | undefined, fingerprint: string, outDir: string): boolean {
  if (last?.fingerprint !== fingerprint) return false;
  const holds = ([file, bytes, mtimeMs]: LastRunFile): boolean => stampHolds(inArchive(outDir, file), bytes, mtimeMs) !== undefined;
  return last.files.every(holds) && last.shards.every((shard) => shard.written.every(holds));
}

/**
 * The entries the last complete run wrote, each with the cache key it was written from. An
 * entry's text is a function of its record's key alone (the key covers the input's path and
 * bytes, the ingest's code, the taxonomy and the size limit), so an entry written from the
 * same key and still of the recorded size and modification time holds what this run would
 * write: it need not be read back and compared.
 */
export class LastRunEntries {
  private readonly byPath: Map<string, LastRunFile>;
  private keys: Set<string | undefined> | undefined;

  /** `last`: the record read before this run forgot it; none makes every entry unknown. */
  constructor(last: LastRun | undefined) {
    this.byPath = new Map();
    for (const shard of last?.shards ?? []) for (const file of shard.written) if (file[3] !== undefined) this.byPath.set(file[0], file);
  }

  /** Whether the last run wrote an entry from the record `key`: a key it did not is likely new. */
  wroteFrom(key: string): boolean {
    this.keys ??= new Set([...this.byPath.values()].map((file) => file[3]));
    return this.keys.has(key);
  }

  /** The stamp of entry `file` (relative to `outDir`) when the last run wrote it from `key` and it is as that run left it. */
  unchanged(outDir: string, file: string, key: string): FileStamp | undefined {
    const known = this.byPath.get(file);
    return known?.[3] === key ? stampHolds(inArchive(outDir, file), known[1], known[2]) : undefined;
  }
}

/** What a run knows of a file it leaves: the cache record an entry was written from, and its stamp. */
export interface LeftFile {
  key?: string;
  /** Taken when the run wrote the file or found it as it should be. */
  stamp?: FileStamp;
}

/** A file's line in the last-run record: what the run knows of it, or its stamp taken now. */
export function lastRunLine(outDir: string, file: string, known: LeftFile | undefined): LastRunFile {
  const { size, mtimeMs } = known?.stamp ?? stampOf(inArchive(outDir, file));
  return known?.key === undefined ? [file, size, mtimeMs] : [file, size, mtimeMs, known.key];
}

/** A file a shard is to leave: its path, the key of the record an entry is written from, the size a raw copy has. */
export type ExpectedFile = [file: string, key: string | undefined, bytes: number | undefined];

/**
 * Whether the files a shard of the last run wrote (`written`, from its part) are those
 * `expected`, each with the same key (and a raw copy of the size expected).
 */
export const writtenAs = (written: readonly LastRunFile[], expected: readonly ExpectedFile[]): boolean =>
  written.length === expected.length &&
  expected.every(([file, key, bytes], index) => {
    const line = written[index] as LastRunFile;
    return line[0] === file && line[3] === key && (bytes === undefined || line[1] === bytes);
  });

/** Whether each of the files a shard of the last run wrote is as that run left it. */
export const writtenHold = (outDir: string, written: readonly LastRunFile[]): boolean =>
  written.every(([file, bytes, mtimeMs]) => stampHolds(inArchive(outDir, file), bytes, mtimeMs) !== undefined);

/** Whether `file`, one of those the last run recorded beside its shards, is as that run left it. */
export function lastRunFileHolds(last: LastRun, outDir: string, file: string): boolean {
  const line = last.files.find((recorded) => recorded[0] === file);
  return line !== undefined && stampHolds(inArchive(outDir, file), line[1], line[2]) !== undefined;
}

/** Whether two shards' parts hold the same: then the last run's part serves this run too. */
export const samePart = (a: Pick<ShardRecord, 'kept' | 'written'>, b: Pick<ShardRecord, 'kept' | 'written'>): boolean =>
  a.kept.length === b.kept.length &&
  a.written.length === b.written.length &&
  a.kept.every((kept, i) => kept.every((value, j) => value === b.kept[i]?.[j])) &&
  a.written.every((file, i) => file.length === b.written[i]?.length && file.every((value, j) => value === b.written[i]?.[j]));

/**
 * Records a complete run; `files` (relative to `outDir` or absolute) are those no shard wrote.
 * A shard with a `part` is the last run's, as that part holds it; the others' parts are
 * written. Then the parts no longer named are deleted.
 */
export function writeLastRun(
  cacheDir: string,
  { fingerprint, context }: { fingerprint: string; context: string },
  outDir: string,
  files: readonly string[],
  known: ReadonlyMap<string, LeftFile> = new Map(),
  shards: readonly ShardRecord[] = [],
): void {
  const parts = lastRunParts(cacheDir);
  const indexed = shards.map(({ kept, written, part, ...shard }): IndexedShard => ({ ...shard, part: part ?? parts.write(JSON.stringify({ kept, written })) }));
  const index = { fingerprint, context, shards: indexed, files: files.map((file) => lastRunLine(outDir, file, known.get(file))) };
  // Not compared with the last record first: a run that writes has changed something, and
  // nothing watches this file's modification time.
  writeAtomic(path.join(cacheDir, LAST_RUN_NAME), JSON.stringify(index), { compare: false });
  parts.prune(indexed.map((shard) => shard.part));
}

/** Forgets the last run, before a run starts changing what it wrote. */
export function forgetLastRun(cacheDir: string): void {
  rmSync(path.join(cacheDir, LAST_RUN_NAME), { force: true });
}

/**
 * What each input file was when it was last hashed: size, modification and change times,
 * device and inode, then the SHA-256 of its bytes. A file whose stats are all unchanged is not
 * read again (rsync's quick check; the change time moves on any write and cannot be set back
 * by hand). Kept per input folder: another folder's files are hashed. Kept in parts
 * (`RecordParts`), each a run of files in path order cut as the report's shards are, so a run
 * that hashes a few files anew writes only their parts.
 */
type InputStat = [size: number, mtimeMs: number, ctimeMs: number, dev: number, ino: number, sha256: string];
type InputLine = [file: string, ...InputStat];
interface InputStatsIndex {
  input: string;
  parts: string[];
}

/** Checked by hand, not with a schema: zod took 0.4 s over the 100,000 files of a large archive. */
const isInputLine = (line: unknown): line is InputLine =>
  Array.isArray(line) &&
  line.length === 7 &&
  typeof line[0] === 'string' &&
  typeof line[1] === 'number' &&
  typeof line[2] === 'number' &&
  typeof line[3] === 'number' &&
  typeof line[4] === 'number' &&
  typeof line[5] === 'number' &&
  typeof line[6] === 'string';

/** The index of the inputs' stats; none when there is none or it is damaged. */
function readInputStatsIndex(file: string): InputStatsIndex | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<InputStatsIndex>;
    return typeof data.input === 'string' && Array.isArray(data.parts) && data.parts.every((part) => typeof part === 'string') ? (data as InputStatsIndex) : undefined;
  } catch {
    return undefined;
  }
}

const INPUT_STATS_NAME = 'input-stats.json';
/**
 * A file written this close to the run's start could be written again within the clock's
 * resolution and keep its times: it is hashed again next run (git's "racily clean" files).
 */
export const RACY_MS = 2000;

/** Hashes input files, skipping those whose stats say they are as last hashed. */
export class InputHasher {
  private readonly file: string;
  private readonly inputDir: string;
  private readonly parts: RecordParts;
  private readonly known = new Map<string, InputStat>();
  /** The parts read, each with its files in order. */
  private readonly knownParts: { name: string; files: string[] }[] = [];
  private readonly next = new Map<string, InputStat>();
  /** Files recorded otherwise than the record read held them. */
  private readonly dirty = new Set<string>();
  private readonly startedMs: number;
  /** Files read and hashed; the others were known by their stats. */
  hashed = 0;
  /** Whether the record of the last run's hashes of this input folder was trusted and read whole. */
  readonly continues: boolean;
  private readonly replaced: [file: string, sha256: string][] = [];
  /**
   * Told, once, of the first file whose hash differs from the one recorded for it: the run will
   * write the archive. (A file the record does not hold may be new, or only too recent to be
   * recorded: it tells nothing yet.)
   */
  onChanged: (() => void) | undefined;
  /**
   * Told, once, of the first file whose content is not the one recorded for it, new files
   * included: the run will likely have a file to process.
   */
  onUnknown: (() => void) | undefined;

  /**
   * `trust`: false reads and hashes every file (`--hash-all`), and records them for the next
   * run. `startedMs`: when the run started, what a file's times are compared with.
   */
  constructor(cacheDir: string, inputDir: string, trust: boolean, startedMs = Date.now()) {
    this.startedMs = startedMs;
    this.file = path.join(cacheDir, INPUT_STATS_NAME);
    this.parts = new RecordParts(path.join(cacheDir, 'input-stats'));
    this.inputDir = inputDir;
    // None yet, or unreadable: every file is hashed and the record written again.
    const index = trust ? readInputStatsIndex(this.file) : undefined;
    let whole = index?.input === inputDir;
    for (const name of index?.input === inputDir ? index.parts : []) {
      // A damaged or missing part: its files are hashed again.
      let lines: unknown;
      try {
        lines = JSON.parse(this.parts.read(name) ?? 'null');
      } catch {
        lines = undefined;
      }
      if (!Array.isArray(lines) || !lines.every(isInputLine)) {
        whole = false;
        continue;
      }
      for (const [file, ...stat] of lines) this.known.set(file, stat);
      this.knownParts.push({ name, files: lines.map((line) => line[0]) });
    }
    this.continues = whole;
  }

  /** The SHA-256 of input `file` (relative to the input folder); throws when it cannot be read. */
  sha256(file: string): string {
    const full = `${this.inputDir}/${file}`;
    const stats = statSync(full);
    const before = this.known.get(file);
    let sha256: string;
    if (before && stats.size === before[0] && stats.mtimeMs === before[1] && stats.ctimeMs === before[2] && stats.dev === before[3] && stats.ino === before[4]) sha256 = before[5];
    else {
      sha256 = sha256Hex(readFileSync(full));
      this.hashed++;
      if (before && before[5] !== sha256) this.replaced.push([file, before[5]]);
      if (before?.[5] !== sha256 && this.onUnknown) {
        const told = this.onUnknown;
        this.onUnknown = undefined;
        told();
      }
      if (before && before[5] !== sha256 && this.onChanged) {
        const told = this.onChanged;
        this.onChanged = undefined;
        told();
      }
    }
    // A file written too close to the run's start is recorded with times no file has: it is
    // hashed again next run, and what it held is still known then.
    const recorded: InputStat =
      this.startedMs - Math.max(stats.mtimeMs, stats.ctimeMs) > RACY_MS ? [stats.size, stats.mtimeMs, stats.ctimeMs, stats.dev, stats.ino, sha256] : [stats.size, -1, -1, stats.dev, stats.ino, sha256];
    this.next.set(file, recorded);
    if (!before || recorded.some((value, index) => value !== before[index])) this.dirty.add(file);
    return sha256;
  }

  /**
   * The files the record held with other bytes than they have now, or that are gone, each
   * with the SHA-256 recorded: the cache records of what they were are no longer used.
   */
  gone(): [file: string, sha256: string][] {
    const removed = [...this.known].flatMap(([file, stat]): [string, string][] => (this.next.has(file) ? [] : [[file, stat[5]]]));
    return [...this.replaced, ...removed];
  }

  /**
   * Records the files hashed or known in this run. A part whose files are those of a part read,
   * each recorded as it was, is that part; the others are written, then the index when the
   * parts it names changed.
   */
  save(): void {
    const files = [...this.next.keys()];
    if (files.some((file, index) => index > 0 && (files[index - 1] as string) > file)) files.sort();
    const partOf = new Map(this.knownParts.map((part) => [part.files[0], part]));
    const names = cutShards(files).map((shard) => {
      const first = partOf.get(files[shard[0] as number]);
      if (first?.files.length === shard.length && shard.every((index, position) => files[index] === first.files[position] && !this.dirty.has(files[index] as string))) return first.name;
      return this.parts.write(JSON.stringify(shard.map((index) => [files[index] as string, ...(this.next.get(files[index] as string) as InputStat)])));
    });
    const last = this.knownParts.map((part) => part.name);
    if (this.continues && names.length === last.length && names.every((name, index) => name === last[index])) return;
    writeAtomic(this.file, JSON.stringify({ input: this.inputDir, parts: names } satisfies InputStatsIndex), { compare: false });
    this.parts.prune(names);
  }
}

/**
 * Where the report lines of each shard (`shards.ts`) are kept, by name, each with the list of
 * its rows (`ShardRows`), from which a later run takes the line of a file it finds as it was.
 */
const LINES_DIR = 'report-lines';
const linesFile = (cacheDir: string, name: string, extension = 'txt'): string => path.join(cacheDir, LINES_DIR, `${name}.${extension}`);

/** A shard's files in order, each with the key its outcome was made under (or why none) and its duplicate verdict. */
export type ShardRows = [file: string, used: string, verdict: string][];
const isShardRow = (row: unknown): row is ShardRows[number] => Array.isArray(row) && row.length === 3 && row.every((value) => typeof value === 'string');

/**
 * The report lines of a shard the last run wrote, one a row, with its rows; none when either
 * is gone or damaged, or they do not match.
 */
export function readShardRows(cacheDir: string, name: string): { rows: ShardRows; lines: string[] } | undefined {
  try {
    const rows: unknown = JSON.parse(readFileSync(linesFile(cacheDir, name, 'json'), 'utf8'));
    // A record's JSON holds no raw newline, so the separator is found between records only.
    const lines = readFileSync(linesFile(cacheDir, name), 'utf8').split(RECORD_SEPARATOR);
    if (!Array.isArray(rows) || !rows.every(isShardRow) || rows.length !== lines.length) return undefined;
    return { rows, lines };
  } catch {
    return undefined;
  }
}

/** A shard's report lines as the last run wrote them; none when they are gone. */
export function readShardLines(cacheDir: string, name: string): Buffer | undefined {
  try {
    return readFileSync(linesFile(cacheDir, name));
  } catch {
    return undefined;
  }
}

/** Writes a shard's report lines, then its rows: rows found whole name lines found whole. */
export function writeShardLines(cacheDir: string, name: string, lines: Buffer, rows: ShardRows): void {
  writeAtomic(linesFile(cacheDir, name), lines, { compare: false });
  writeAtomic(linesFile(cacheDir, name, 'json'), JSON.stringify(rows), { compare: false });
}

/** Deletes the report lines of shards not in `live`. */
export function pruneShardLines(cacheDir: string, live: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(path.join(cacheDir, LINES_DIR));
  } catch {
    return;
  }
  for (const name of names) if (!live.has(name.replace(/\.(txt|json)$/, ''))) rmSync(path.join(cacheDir, LINES_DIR, name), { force: true });
}
