import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { readArticle } from '../lib/article-record.ts';
import { entryFile } from '../lib/archive-entries.ts';
import { existsByListing } from '../lib/exists-by-listing.ts';
import { chunk } from '../lib/paginate.ts';
import { routes } from '../lib/urls.ts';
import type { Article } from '../schemas/article.ts';
import { archiveWork } from '../cite/archive-work.ts';
import { CITATION_FORMATS } from '../cite/formats.ts';
import { csvField, csvHeader, csvRow } from './csv.ts';
import { listEntries, type EntryListing } from '../lib/entry-listing.ts';
import { articleJsonSchema } from './schema.ts';

/**
 * The dump is written as gzip members of a few dozen entries each, cut at content-defined
 * boundaries of the id order (as listing pages are): gzip readers (gunzip, zcat, Python,
 * pandas, Node, R, Java) read concatenated members as one stream. Each member starts its
 * compression afresh, which costs 3.9% of the dump's size at ~50 entries a member (943 KB
 * against 908 KB as one stream, 1,000 input files). In return a build recompresses only the
 * members whose entries changed.
 */
const MEMBER_SIZES = { min: 16, max: 256, oneIn: 32 };

/** The record of the last complete pass, in the cache folder: removed when a pass starts, written when it ends. */
const STATE_FILE = 'pass.json';
/** Written when a pass starts, to read the file system's clock. */
const START_FILE = 'pass-start';
/** The record of the raw copies' publication (raw-copies.ts), kept in the same folder. */
export const RAW_RECORD = 'raw-copies.json';
/** The shape of STATE_FILE; another number is another shape, and the pass starts afresh. */
const STATE_FORMAT = 1;

/** A member as the cache keeps it: its key (its entries' ids and digests, and the code's key), its entry count, and the sizes of its two cache files. */
type MemberRecord = [key: string, count: number, gzipBytes: number, csvBytes: number];

/**
 * What a pass leaves for the next: the entries it read (src/lib/entry-listing.ts) and its members, the
 * site folder it wrote into and when it started. The site folder then holds every citation
 * file of those entries as this code writes it.
 */
interface PassState extends EntryListing {
  format: number;
  codeKey: string;
  /** The real path of the site folder. */
  dist: string;
  /** When the pass started, on the file system's clock. */
  startedMs: number;
  members: MemberRecord[];
}

/** The record on disk: the entries as two texts of lines, which JSON reads many times faster than 100,000 small arrays. */
interface StateFile extends Omit<PassState, 'entries'> {
  ids: string;
  digests: string;
}

const isFolder = (value: unknown): value is [string, number] => Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number';
const isMember = (value: unknown): value is MemberRecord =>
  Array.isArray(value) && value.length === 4 && typeof value[0] === 'string' && value.slice(1).every((n) => Number.isInteger(n) && (n as number) >= 0);

/** The last pass's record, if it is whole and made with this code's key: a damaged or foreign record makes a clean pass. */
function readState(cacheDir: string, codeKey: string): PassState | undefined {
  let state: Partial<StateFile>;
  try {
    state = JSON.parse(readFileSync(path.join(cacheDir, STATE_FILE), 'utf8')) as Partial<StateFile>;
  } catch {
    return undefined;
  }
  const { format, dist, startedMs, ids, digests, folders, members } = state;
  if (format !== STATE_FORMAT || state.codeKey !== codeKey || typeof dist !== 'string' || typeof startedMs !== 'number') return undefined;
  if (typeof ids !== 'string' || typeof digests !== 'string' || !Array.isArray(folders) || !folders.every(isFolder) || !Array.isArray(members) || !members.every(isMember)) return undefined;
  const idList = ids === '' ? [] : ids.split('\n');
  const digestList = digests === '' ? [] : digests.split('\n');
  if (digestList.length !== idList.length || members.reduce((sum, member) => sum + member[1], 0) !== idList.length) return undefined;
  return { format, codeKey, dist, startedMs, folders, members, entries: idList.map((id, i) => [id, digestList[i] as string]) };
}

function writeState(file: string, { entries, ...rest }: PassState): void {
  const state: StateFile = { ...rest, ids: entries.map(([id]) => id).join('\n'), digests: entries.map(([, digest]) => digest).join('\n') };
  writeWhole(file, JSON.stringify(state));
}

/** A member's key: this code's key and its entries' ids and digests (an id is a file name: it holds no NUL). */
function memberKey(codeKey: string, entries: readonly [string, string][]): string {
  const hash = createHash('sha256').update(codeKey);
  for (const [id, digest] of entries) hash.update(`\0${id}\0${digest}`);
  return hash.digest('base64url');
}

/** Writes through a new file renamed into place: a killed pass leaves no half-written cache file under a key's name. */
function writeWhole(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/** The rows of a member's CSV: every field is quoted (csv.ts), so a row ends at a line break outside quotes. */
function csvRows(csv: string): string[] {
  const rows: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < csv.length; i++) {
    const char = csv.charCodeAt(i);
    if (char === 34) quoted = !quoted;
    else if (char === 10 && !quoted) {
      rows.push(csv.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < csv.length) rows.push(csv.slice(start));
  return rows;
}

/** A member of the last pass, opened up to take its unchanged entries' lines and rows. */
interface OpenedMember {
  /** Each line with its line break, as bytes: 550 KB a member, which as text would be decoded and encoded again (a third of an update's time at 100,000 articles). */
  lines: Buffer[];
  rows: string[];
}

/** The lines of a gunzipped member, each with its line break; a JSON line holds no raw line break. */
function lineBuffers(text: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf(10, start);
    if (end === -1) {
      lines.push(text.subarray(start));
      break;
    }
    lines.push(text.subarray(start, end + 1));
    start = end + 1;
  }
  return lines;
}

/** The member files in the cache: their gzip bytes and CSV text, as the state records their sizes. */
class MemberFiles {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  gzipFile = (key: string): string => path.join(this.dir, `${key}.gz`);
  csvFile = (key: string): string => path.join(this.dir, `${key}.csv`);

  /** Whether both files of a recorded member are there, of the recorded sizes. */
  holds([key, , gzipBytes, csvBytes]: MemberRecord): boolean {
    return statSync(this.gzipFile(key), { throwIfNoEntry: false })?.size === gzipBytes && statSync(this.csvFile(key), { throwIfNoEntry: false })?.size === csvBytes;
  }

  /** A member's lines and rows, or none when its files are not whole: then its entries are read again. */
  open([key, count, gzipBytes, csvBytes]: MemberRecord): OpenedMember | undefined {
    try {
      const gzip = readFileSync(this.gzipFile(key));
      const csv = readFileSync(this.csvFile(key));
      if (gzip.length !== gzipBytes || csv.length !== csvBytes) return undefined;
      // gunzip checks the member's CRC and length.
      const lines = lineBuffers(gunzipSync(gzip));
      const rows = csvRows(csv.toString('utf8'));
      return lines.length === count && rows.length === count && lines.every((line) => line.at(-1) === 10) ? { lines, rows } : undefined;
    } catch {
      return undefined;
    }
  }

  write(key: string, count: number, gzip: Buffer, csv: string): MemberRecord {
    writeWhole(this.gzipFile(key), gzip);
    writeWhole(this.csvFile(key), csv);
    return [key, count, gzip.length, Buffer.byteLength(csv)];
  }
}

export interface DataPassOptions {
  articlesDir: string;
  /** The built site's folder. */
  out: string;
  /** Where members are kept between passes; a missing or emptied folder means a clean pass. */
  cacheDir: string;
  absolute: (sitePath: string) => string;
  /** Everything besides the entries that the output depends on: the code's hash, site, base, access date. */
  codeKey: string;
  /**
   * Whether the site folder is as the last build left it (src/build/site-output.ts), every
   * file it recorded still there: the citation files of entries unchanged since the last pass
   * into this folder are then not looked at.
   */
  siteIntact?: boolean;
  /** Told after each member how far the pass is (`members` done of `total`), for a progress line. */
  onProgress?: (progress: DataPassProgress) => void;
}

/** Where a pass is: the members done of all, and what the result counts so far. */
export interface DataPassProgress {
  done: number;
  total: number;
  rebuilt: number;
  written: number;
}

export interface DataPassResult {
  entries: number;
  members: number;
  /** Members made again; the others came from the cache. */
  rebuilt: number;
  /** Entries read from their files: new and changed ones, and those whose cached text was missing. */
  read: number;
  /** Citation files written; the others were already in the site folder as this pass makes them. */
  written: number;
}

/** The extensions of an article's citation files, longest first, so `.csl.json` is not read as `.json`. */
const CITATION_EXTENSIONS = CITATION_FORMATS.map((format) => `.${format.extension}`).sort((a, b) => b.length - a.length);

/**
 * Whether `file` (relative to the site folder, `/`-separated) is the dump, its CSV or its
 * schema: a pass whose members are all as the last pass left them, into the same intact site
 * folder, leaves them in place rather than write them.
 */
export const isDumpFile = (file: string): boolean => file === routes.dataDump() || file === routes.dataCsv() || file === routes.dataSchema();

/**
 * Whether `file` (relative to the site folder, `/`-separated) is a citation file of an entry
 * `articlesDir` still holds: the files the pass below may leave in place rather than write.
 * `exists` as for `isPublishedRawCopy`.
 */
export function isCitationFileOfEntry(articlesDir: string, file: string, exists: (file: string) => boolean = existsSync): boolean {
  const prefix = routes.articleCitations('');
  if (!file.startsWith(prefix)) return false;
  const extension = CITATION_EXTENSIONS.find((ext) => file.endsWith(ext));
  return extension !== undefined && exists(entryFile(articlesDir, file.slice(prefix.length, -extension.length)));
}

/**
 * Writes what researchers take away: the dump (`articles.jsonl.gz`, every entry whole, one a
 * line, in id order), its JSON Schema, the metadata CSV, and the BibTeX, RIS and CSL-JSON
 * files of every article beside its page; byte for byte what a clean pass writes.
 *
 * What is done again follows what changed since the last pass (its record is `pass.json` in
 * the cache folder):
 * - The entries are listed and stat'ed only in folders changed since (src/lib/entry-listing.ts).
 * - A member whose key (its entries' ids and digests, and `codeKey`) is in the cache is taken
 *   from there: its gzip bytes and CSV rows. A member made again (an entry of it added,
 *   changed or removed) reads only its new and changed entries: the others' lines and rows
 *   come from the last pass's members, and only its compression is done again.
 * - An entry unchanged since the last pass into this site folder has its citation files
 *   there already: with the site folder as the last build left it they are not looked at;
 *   otherwise a missing one is written. A new or changed entry's files are compared with what
 *   is there and written where they differ; in a site folder the last pass did not write,
 *   every entry's are.
 * - With no member made again and the site folder intact, the dump, CSV and schema are left as
 *   they are.
 * A removed entry's citation files are deleted by the build's site folder pass (src/build/site-output.ts).
 */
export function writeArchiveData(options: DataPassOptions): DataPassResult {
  const { articlesDir, out, cacheDir, absolute, codeKey, siteIntact = false, onProgress } = options;
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(out, { recursive: true });
  const dist = realpathSync(out);
  const stateFile = path.join(cacheDir, STATE_FILE);
  writeFileSync(path.join(cacheDir, START_FILE), '');
  const startedMs = statSync(path.join(cacheDir, START_FILE)).mtimeMs;
  const last = readState(cacheDir, codeKey);
  const { unchanged, ...listing } = listEntries(articlesDir, last);
  // The entries as the last pass into this site folder left them, and the folder as the last build left it: all is as it was.
  if (last !== undefined && unchanged && last.dist === dist && siteIntact) {
    onProgress?.({ done: last.members.length, total: last.members.length, rebuilt: 0, written: 0 });
    return { entries: last.entries.length, members: last.members.length, rebuilt: 0, read: 0, written: 0 };
  }
  rmSync(stateFile, { force: true });
  const groups = chunk(listing.entries, ([id]) => id, MEMBER_SIZES);
  const files = new MemberFiles(cacheDir);
  const lastMembers = new Map((last?.members ?? []).map((member) => [member[0], member]));
  /** Where each entry of the last pass was: its place in the last pass's list, its member there and its place in that member. */
  const lastPlaces = new Map<string, number>();
  const lastMemberOf = new Int32Array(last?.entries.length ?? 0);
  const lastPlaceIn = new Int32Array(last?.entries.length ?? 0);
  let at = 0;
  for (const [index, [, count]] of (last?.members ?? []).entries()) {
    for (let place = 0; place < count; place++, at++) {
      lastPlaces.set((last as PassState).entries[at]?.[0] as string, at);
      lastMemberOf[at] = index;
      lastPlaceIn[at] = place;
    }
  }
  /** The place in the last pass's list of an entry unchanged since (same id, same digest). */
  const unchangedAt = (id: string, digest: string): number | undefined => {
    const place = lastPlaces.get(id);
    return place !== undefined && last?.entries[place]?.[1] === digest ? place : undefined;
  };
  const opened = new Map<number, OpenedMember | undefined>();
  const openLast = (index: number): OpenedMember | undefined => {
    if (!opened.has(index)) {
      // Members are made in id order: the last pass's members are opened in order too.
      if (opened.size >= 4) opened.delete(opened.keys().next().value as number);
      opened.set(index, files.open((last as PassState).members[index] as MemberRecord));
    }
    return opened.get(index);
  };
  // The citation files of an unchanged entry are in this site folder when the last pass wrote
  // them there; with the folder intact, as it wrote them.
  const sameSite = last?.dist === dist;
  const trusted = sameSite && siteIntact;
  const exists = existsByListing();

  const members: MemberRecord[] = [];
  let rebuilt = 0;
  let read = 0;
  let written = 0;
  const folders = new Set<string>();
  const writeCitations = (id: string, article: Article): void => {
    const base = path.join(out, routes.articleCitations(id));
    const folder = path.dirname(base);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const work = [archiveWork(article, absolute)];
    for (const format of CITATION_FORMATS) {
      const file = `${base}.${format.extension}`;
      const text = format.serialize(work);
      if (statSync(file, { throwIfNoEntry: false })?.size === Buffer.byteLength(text) && readFileSync(file, 'utf8') === text) continue;
      writeFileSync(file, text);
      written++;
    }
  };
  const readEntry = (id: string): Article => {
    read++;
    return readArticle(articlesDir, id);
  };

  onProgress?.({ done: 0, total: groups.length, rebuilt, written });
  for (const [index, group] of groups.entries()) {
    const key = memberKey(codeKey, group);
    const known = lastMembers.get(key);
    const articles = new Map<string, Article>();
    if (known && files.holds(known)) members.push(known);
    else {
      const lines: Buffer[] = [];
      let csv = '';
      for (const [id, digest] of group) {
        const was = unchangedAt(id, digest);
        const from = was === undefined ? undefined : openLast(lastMemberOf[was] as number);
        const line = from?.lines[lastPlaceIn[was as number] as number];
        const row = from?.rows[lastPlaceIn[was as number] as number];
        // A line or row that is not this entry's is not taken.
        const start = Buffer.from(`{"id":${JSON.stringify(id)},`);
        if (line?.subarray(0, start.length).equals(start) && row?.startsWith(`${csvField(id)},`)) {
          lines.push(line);
          csv += row;
          continue;
        }
        const article = readEntry(id);
        articles.set(id, article);
        lines.push(Buffer.from(`${JSON.stringify(article)}\n`));
        csv += csvRow(article);
      }
      // Level 9 and zlib's own header (no file name, mtime 0): the same entries give the same bytes.
      members.push(files.write(key, group.length, gzipSync(Buffer.concat(lines), { level: constants.Z_BEST_COMPRESSION }), csv));
      rebuilt++;
    }
    for (const [id, digest] of group) {
      const same = unchangedAt(id, digest) !== undefined;
      if (same && trusted) continue;
      const base = path.join(out, routes.articleCitations(id));
      if (same && sameSite && CITATION_FORMATS.every((format) => exists(`${base}.${format.extension}`))) continue;
      writeCitations(id, articles.get(id) ?? readEntry(id));
    }
    onProgress?.({ done: index + 1, total: groups.length, rebuilt, written });
  }

  const sameMembers = last !== undefined && members.length === last.members.length && members.every((member, i) => member[0] === last.members[i]?.[0]);
  if (!(sameMembers && trusted)) writeDump(out, files, members, trusted ? last.members : undefined);
  // The cache holds this pass's members and nothing else.
  const used = new Set(members.flatMap(([key]) => [`${key}.gz`, `${key}.csv`]));
  for (const name of readdirSync(cacheDir)) if (name !== START_FILE && name !== RAW_RECORD && !used.has(name)) rmSync(path.join(cacheDir, name), { force: true });
  writeState(stateFile, { format: STATE_FORMAT, codeKey, dist, startedMs, ...listing, members });
  return { entries: listing.entries.length, members: members.length, rebuilt, read, written };
}

/**
 * The dump, its CSV and schema, from the cached members. With `left` (the members the last
 * pass wrote there, the site folder as it left it), a file of the size they make is written
 * from the first member that differs on, over what is there: one changed entry rewrites on
 * average half of 150 MB at 100,000 articles instead of all of it.
 */
function writeDump(out: string, files: MemberFiles, members: readonly MemberRecord[], left: readonly MemberRecord[] | undefined): void {
  mkdirSync(path.join(out, path.dirname(routes.dataDump())), { recursive: true });
  let same = 0;
  while (left !== undefined && same < members.length && same < left.length && members[same]?.[0] === left[same]?.[0]) same++;
  const concatenate = (file: string, head: Buffer, part: (key: string) => string, size: (member: MemberRecord) => number): void => {
    const sizeOf = (list: readonly MemberRecord[]) => list.reduce((sum, member) => sum + size(member), head.length);
    const from = left !== undefined && members.length > 0 && statSync(file, { throwIfNoEntry: false })?.size === sizeOf(left) ? same : 0;
    const fd = openSync(file, from > 0 ? 'r+' : 'w');
    try {
      let position = from > 0 ? sizeOf(members.slice(0, from)) : 0;
      if (from === 0) position += writeSync(fd, head, 0, head.length, 0);
      for (const [key] of members.slice(from)) {
        const bytes = readFileSync(part(key));
        position += writeSync(fd, bytes, 0, bytes.length, position);
      }
      ftruncateSync(fd, position);
    } finally {
      closeSync(fd);
    }
  };
  // An empty archive still publishes a valid (empty) gzip file.
  concatenate(path.join(out, routes.dataDump()), members.length > 0 ? Buffer.alloc(0) : gzipSync('', { level: constants.Z_BEST_COMPRESSION }), files.gzipFile, (member) => member[2]);
  concatenate(path.join(out, routes.dataCsv()), Buffer.from(csvHeader()), files.csvFile, (member) => member[3]);
  writeFileSync(path.join(out, routes.dataSchema()), articleJsonSchema());
}
