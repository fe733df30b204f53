/**
 * The search stage's state file, in the archive's cache: each entry's search page and each
 * language's bundles as written (segments.ts). It is removed while a build runs, so a build
 * killed half-way leaves none and the next starts from nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOMBSTONE_FILTERS_FILE, TOMBSTONES_FILE, type SegmentLimits } from '../bundles.ts';
import { LANGS, type Lang } from '../../schemas/langs.ts';
import { sha256, type PageState } from './search-pages.ts';
import type { LanguageSegments } from './segments.ts';

export interface IndexState {
  fingerprint: string;
  limits: SegmentLimits;
  /** When the pass that wrote this started, and the entries' folders it saw (src/lib/entry-listing.ts). */
  startedMs: number;
  folders: [folder: string, ctimeMs: number][];
  pages: Record<string, PageState>;
  langs: Partial<Record<Lang, LanguageSegments>>;
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
const isSegment = (value: unknown): boolean =>
  isRecord(value) &&
  isString(value.name) &&
  isStrings(value.units) &&
  isRecord(value.files) &&
  everyValue(value.files, (bytes) => typeof bytes === 'number') &&
  isRecord(value.pages) &&
  everyValue(value.pages, isSegmentPage);

/**
 * The state file's shape: one damaged or from other code is no state, and everything is built
 * again. Checked by hand: at 100,000 articles it holds 200,000 pages, which zod took over a
 * second to check (half the time of reading the file).
 */
function isIndexState(value: unknown): value is IndexState {
  if (!isRecord(value) || !isString(value.fingerprint) || !isRecord(value.limits) || !isRecord(value.pages) || !isRecord(value.langs)) return false;
  if (typeof value.startedMs !== 'number' || !Array.isArray(value.folders) || !value.folders.every(isFolder)) return false;
  const { limits, langs } = value;
  if (!['maxBundlePages', 'deltaPages', 'staleShare'].every((key) => typeof limits[key] === 'number')) return false;
  if (!everyValue(value.pages, isPageState)) return false;
  return Object.entries(langs).every(
    ([lang, segments]) =>
      isLang(lang) && isRecord(segments) && Array.isArray(segments.bases) && segments.bases.every(isSegment) && (segments.delta === undefined || isSegment(segments.delta)),
  );
}

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

/** The last build's state as read: the state, and the file's text, to put back as it was when nothing changed. */
export interface TakenState {
  state: IndexState;
  text: string;
}

/** The last build's state, if there is one; it is removed until this build writes its own. */
export function takeState(stateFile: string | undefined): TakenState | undefined {
  if (!stateFile) return undefined;
  let taken: TakenState | undefined;
  try {
    const text = readFileSync(stateFile, 'utf8');
    const state: unknown = JSON.parse(text);
    taken = isIndexState(state) ? { state, text } : undefined;
  } catch {
    taken = undefined;
  }
  rmSync(stateFile, { force: true });
  return taken;
}

/** Writes `state`; or, when it is the state `taken` was read as, the text read, without serialising 70 MB again. */
export function writeState(stateFile: string, state: IndexState, taken?: TakenState): void {
  mkdirSync(path.dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, taken?.state === state ? taken.text : JSON.stringify(state));
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
