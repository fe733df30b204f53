/**
 * The search stage's state, in the archive's cache: each entry's search page and each
 * language's bundles as written (segments.ts). The state file is a small head naming the
 * parts that hold the rest, in a folder beside it: the entries' pages in shards cut by a hash
 * of the entry's name, and one part a bundle, each part named by the hash of its text, and
 * how each base stood (segments.ts), so that a base whose months did not change is kept
 * without its part being read. A build writes only the parts whose content changed. The head
 * is removed while a build runs, so a build killed half-way leaves none and the next starts
 * from nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOMBSTONE_FILTERS_FILE, TOMBSTONES_FILE, type SegmentLimits } from '../bundles.ts';
import { LANGS, type Lang } from '../../schemas/langs.ts';
import { sha256, type PageState } from './search-pages.ts';
import type { BaseStanding, LanguageSegments, SegmentState } from './segments.ts';

export interface IndexState {
  fingerprint: string;
  limits: SegmentLimits;
  /** When the pass that wrote this started, and the entries' folders it saw (src/lib/entry-listing.ts). */
  startedMs: number;
  folders: [folder: string, ctimeMs: number][];
  pages: Record<string, PageState>;
  langs: Partial<Record<Lang, LanguageSegments>>;
  /** How each base stood at the build that wrote this (segments.ts). */
  standings: Map<SegmentState, BaseStanding>;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const everyValue = (record: Record<string, unknown>, check: (value: unknown) => boolean): boolean => {
  for (const key in record) if (!check(record[key])) return false;
  return true;
};
const isFolder = (value: unknown): boolean => Array.isArray(value) && value.length === 2 && isString(value[0]) && typeof value[1] === 'number';
const isLang = (value: unknown): value is Lang => (LANGS as readonly unknown[]).includes(value);
const isPageState = (value: unknown): boolean =>
  Array.isArray(value) && value.length === 5 && isString(value[0]) && isString(value[1]) && isLang(value[2]) && isString(value[3]) && isString(value[4]);
const isSegmentPage = (value: unknown): boolean =>
  Array.isArray(value) && value.length === 3 && isString(value[0]) && isString(value[1]) && isRecord(value[2]) && everyValue(value[2], isStrings);
const isSegment = (value: unknown): value is SegmentState =>
  isRecord(value) &&
  isString(value.name) &&
  isStrings(value.units) &&
  isRecord(value.files) &&
  everyValue(value.files, (bytes) => typeof bytes === 'number') &&
  isRecord(value.pages) &&
  everyValue(value.pages, isSegmentPage);

/** The state file's name in the archive's cache folder (scripts/index-search.ts). */
export const SEARCH_STATE_FILE = 'search-bundles.json';

/** The code whose change rebuilds every page and bundle: what writes the pages and bundles, and the lockfile. */
const CODE = ['engine-files.ts', 'word-places.ts', 'page-list.ts', 'pagefind-files.ts', 'pagefind-run.ts', 'search-pages.ts', '../record.ts', '../word-scripts.ts', '../word-scripts-build.ts', '../../../package-lock.json'];

/**
 * What else decides a bundle's bytes besides its entries: Pagefind's version, the code that
 * makes the pages and writes the bundles (their options, the files they drop), and the
 * lockfile (the escaping library). Any change rebuilds every page and bundle.
 */
export function builderFingerprint(): string {
  const pagefindPackage = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(pagefindPackage, 'utf8')) as { version: string };
  const code = CODE.map((file) => {
    try {
      return readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
    } catch {
      return '';
    }
  });
  return sha256(`pagefind ${version}\n${code.join('\0')}`);
}

/** Shards of the entries' pages: one changed entry writes a part of about 1/256 of them. */
const PAGE_SHARDS = 256;

/** The shard of an entry's page, by FNV-1a of its name: cheap, and the same on every run. */
function shardOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % PAGE_SHARDS;
}

/** A bundle in the state file: its part, its name and months, and a base's standing. */
interface HeadSegment {
  part: string;
  name: string;
  units: string[];
}

/** The state file: the state's small fields, and its parts by name, in the folder beside it (partsDir). */
interface StateHead extends Pick<IndexState, 'fingerprint' | 'limits' | 'startedMs' | 'folders'> {
  /** The page shards' parts, by shard. */
  pages: string[];
  langs: Partial<Record<Lang, { bases: (HeadSegment & { standing: BaseStanding })[]; delta?: HeadSegment | undefined }>>;
}

const isPartName = (value: unknown): value is string => isString(value) && /^[\w-]+\.json$/.test(value);
const isHeadSegment = (value: unknown): value is HeadSegment => isRecord(value) && isPartName(value.part) && isString(value.name) && isStrings(value.units);
const isStanding = (value: unknown): boolean =>
  isRecord(value) &&
  typeof value.size === 'number' &&
  typeof value.added === 'number' &&
  isStrings(value.superseded) &&
  isRecord(value.dead) &&
  everyValue(value.dead, (filters) => isRecord(filters) && everyValue(filters, isStrings));

function isStateHead(value: unknown): value is StateHead {
  if (!isRecord(value) || !isString(value.fingerprint) || !isRecord(value.limits) || !isRecord(value.langs)) return false;
  if (typeof value.startedMs !== 'number' || !Array.isArray(value.folders) || !value.folders.every(isFolder)) return false;
  if (!['maxBundlePages', 'deltaPages', 'staleShare'].every((key) => typeof (value.limits as Record<string, unknown>)[key] === 'number')) return false;
  if (!Array.isArray(value.pages) || value.pages.length !== PAGE_SHARDS || !value.pages.every(isPartName)) return false;
  return Object.entries(value.langs).every(
    ([lang, segments]) =>
      isLang(lang) &&
      isRecord(segments) &&
      Array.isArray(segments.bases) &&
      segments.bases.every((base: unknown) => isRecord(base) && isHeadSegment(base) && isStanding(base.standing)) &&
      (segments.delta === undefined || isHeadSegment(segments.delta)),
  );
}

/** The folder of a state file's parts, each named by the hash of its text. */
const partsDir = (stateFile: string): string => path.join(path.dirname(stateFile), `${path.parse(stateFile).name}-parts`);

/** A part of the state that a build read only when it needed it, and found missing or damaged. */
export class DamagedState extends Error {}

/** The last build's state as read, and the name of each part it was read from, to keep the parts that did not change. */
export interface TakenState {
  state: IndexState;
  /** By shard: the part's name and the pages read from it. */
  shards: [name: string, pages: Record<string, PageState>][];
  segments: Map<SegmentState, string>;
}

/**
 * The last build's state, if there is one; its head is removed until this build writes its
 * own. A head or page shard that is missing, damaged or of another shape is no state: every
 * part is removed, and everything is built again. A bundle's part is read when first needed,
 * and one found missing or damaged then throws DamagedState.
 */
export function takeState(stateFile: string | undefined): TakenState | undefined {
  if (!stateFile) return undefined;
  let taken: TakenState | undefined;
  try {
    taken = readState(stateFile);
  } catch {
    taken = undefined;
  }
  rmSync(stateFile, { force: true });
  if (!taken) rmSync(partsDir(stateFile), { recursive: true, force: true });
  return taken;
}

function readState(stateFile: string): TakenState | undefined {
  const head: unknown = JSON.parse(readFileSync(stateFile, 'utf8'));
  if (!isStateHead(head)) return undefined;
  const dir = partsDir(stateFile);
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  const shards: TakenState['shards'] = [];
  const pages: IndexState['pages'] = {};
  for (const name of head.pages) {
    const shard = read(name);
    if (!isRecord(shard) || !everyValue(shard, isPageState)) return undefined;
    shards.push([name, shard as Record<string, PageState>]);
    Object.assign(pages, shard);
  }
  const segments = new Map<SegmentState, string>();
  // A bundle's part is read when its pages or files are first asked for: a base whose months
  // no page changed in is planned from its standing and kept, unread (at 100,000 articles its
  // part is up to 16 MB).
  const segment = ({ part, name, units }: HeadSegment): SegmentState => {
    let read: SegmentState | undefined;
    const load = (): SegmentState => {
      if (read) return read;
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(path.join(dir, part), 'utf8'));
      } catch (error) {
        throw new DamagedState(`search state: part ${part} of ${name} cannot be read`, { cause: error });
      }
      if (!isSegment(value) || value.name !== name) throw new DamagedState(`search state: part ${part} is not the bundle ${name}`);
      return (read = value);
    };
    const lazy: SegmentState = {
      name,
      units,
      get files() {
        return load().files;
      },
      get pages() {
        return load().pages;
      },
    };
    segments.set(lazy, part);
    return lazy;
  };
  const langs: IndexState['langs'] = {};
  const standings = new Map<SegmentState, BaseStanding>();
  for (const [lang, { bases, delta }] of Object.entries(head.langs) as [Lang, NonNullable<StateHead['langs'][Lang]>][]) {
    const own: LanguageSegments = { bases: [] };
    for (const base of bases) {
      const state = segment(base);
      standings.set(state, base.standing);
      own.bases.push(state);
    }
    if (delta !== undefined) own.delta = segment(delta);
    langs[lang] = own;
  }
  const { fingerprint, limits, startedMs, folders } = head;
  return { state: { fingerprint, limits, startedMs, folders, pages, langs, standings }, shards, segments };
}

/**
 * Writes `state`: the parts that are not as `taken` read them (a shard whose pages are not
 * all the ones read, a bundle not kept), then the head naming its parts, then removes every
 * part no head names. A part is named by its text's hash, so a build killed half-way leaves
 * the parts of the last head and parts no head names, never a head naming a part it did not
 * write.
 */
export function writeState(stateFile: string, state: IndexState, taken?: TakenState): void {
  const dir = partsDir(stateFile);
  mkdirSync(dir, { recursive: true });
  const named = new Set<string>();
  const write = (value: unknown): string => {
    const text = JSON.stringify(value);
    const name = `${sha256(text)}.json`;
    if (!named.has(name)) writeFileSync(path.join(dir, name), text);
    named.add(name);
    return name;
  };
  const shards = Array.from({ length: PAGE_SHARDS }, (): Record<string, PageState> => ({}));
  const sizes = new Array<number>(PAGE_SHARDS).fill(0);
  for (const name in state.pages) {
    const shard = shardOf(name);
    shards[shard]![name] = state.pages[name]!;
    sizes[shard]! += 1;
  }
  const pages = shards.map((pages, shard) => {
    const before = taken?.shards[shard];
    if (before && sameValues(pages, sizes[shard]!, before[1])) {
      named.add(before[0]);
      return before[0];
    }
    return write(pages);
  });
  const segment = (value: SegmentState): HeadSegment => {
    let part = taken?.segments.get(value);
    if (part === undefined) part = write(value);
    else named.add(part);
    return { part, name: value.name, units: value.units };
  };
  const standing = (base: SegmentState): BaseStanding => {
    const found = state.standings.get(base);
    if (!found) throw new Error(`search state: no standing for the bundle ${base.name}`);
    return found;
  };
  const langs: StateHead['langs'] = {};
  for (const lang of LANGS) {
    const segments = state.langs[lang];
    if (segments) langs[lang] = { bases: segments.bases.map((base) => ({ ...segment(base), standing: standing(base) })), ...(segments.delta ? { delta: segment(segments.delta) } : {}) };
  }
  const { fingerprint, limits, startedMs, folders } = state;
  const head: StateHead = { fingerprint, limits, startedMs, folders, pages, langs };
  const temporary = `${stateFile}.tmp`;
  writeFileSync(temporary, JSON.stringify(head));
  renameSync(temporary, stateFile);
  for (const name of readdirSync(dir)) if (!named.has(name)) rmSync(path.join(dir, name), { force: true });
}

/** Whether `pages`, of `size` pages, are the very pages of `before`. */
function sameValues(pages: Record<string, PageState>, size: number, before: Record<string, PageState>): boolean {
  let count = 0;
  for (const name in before) {
    if (pages[name] !== before[name]) return false;
    count++;
  }
  return count === size;
}

/**
 * A bundle's files as it was written (name -> bytes), or undefined when there is no bundle.
 * Its tombstone files are not of them: every build writes them anew, for a kept bundle too.
 */
export function bundleFiles(bundle: string): Record<string, number> | undefined {
  if (!existsSync(bundle)) return undefined;
  const files: Record<string, number> = {};
  for (const entry of readdirSync(bundle, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const name = path.relative(bundle, full).split(path.sep).join('/');
    if (name !== TOMBSTONES_FILE && name !== TOMBSTONE_FILTERS_FILE) files[name] = statSync(full).size;
  }
  return files;
}

export const sameFiles = (found: Record<string, number> | undefined, expected: Record<string, number>): boolean =>
  found !== undefined && Object.keys(found).length === Object.keys(expected).length && Object.entries(expected).every(([name, bytes]) => found[name] === bytes);
