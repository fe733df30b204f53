/**
 * The search stage's state file, in the archive's cache: each entry's search page and each
 * language's bundles as written (segments.ts). It is removed while a build runs, so a build
 * killed half-way leaves none and the next starts from nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { TOMBSTONE_FILTERS_FILE, TOMBSTONES_FILE, type SegmentLimits } from '../bundles.ts';
import { LANGS, type Lang } from '../../schemas/langs.ts';
import { sha256, type PageState } from './search-pages.ts';
import type { LanguageSegments } from './segments.ts';

export interface IndexState {
  fingerprint: string;
  limits: SegmentLimits;
  pages: Record<string, PageState>;
  langs: Partial<Record<Lang, LanguageSegments>>;
}

const langSchema = z.enum(LANGS);
const segmentSchema = z.object({
  name: z.string(),
  units: z.array(z.string()),
  files: z.record(z.string(), z.number()),
  pages: z.record(z.string(), z.tuple([z.string(), z.string(), z.record(z.string(), z.array(z.string()))])),
});
/** The state file's shape: one damaged or from other code is no state, and everything is built again. */
const indexStateSchema: z.ZodType<IndexState> = z.object({
  fingerprint: z.string(),
  limits: z.object({ maxBundlePages: z.number(), deltaPages: z.number(), staleShare: z.number() }),
  pages: z.record(z.string(), z.tuple([z.string(), z.string(), langSchema, z.string(), z.string()])),
  langs: z.partialRecord(langSchema, z.object({ bases: z.array(segmentSchema), delta: segmentSchema.optional() })),
});

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

/** The last build's state, if there is one; it is removed until this build writes its own. */
export function takeState(stateFile: string | undefined): IndexState | undefined {
  if (!stateFile) return undefined;
  let state: IndexState | undefined;
  try {
    state = indexStateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8')));
  } catch {
    state = undefined;
  }
  rmSync(stateFile, { force: true });
  return state;
}

export function writeState(stateFile: string, state: IndexState): void {
  mkdirSync(path.dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(state));
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
