/**
 * Stage three of the build (its command is scripts/index-search.ts): the Pagefind bundles in
 * the site's `pagefind/`, `bundles.json` listing them and, in a bundle an update left
 * tombstones in, its `tombstones.json`. Each article language has its own bundles: bases cut by month
 * (bundles.ts) and, after an update, a delta (segments.ts). Bundles are queried side by side
 * and merged by the search page (bundle-engine.ts, docs/search.md). Every bundle is built
 * without a Pagefind stemmer (`UNSTEMMED`): the page stems query words itself, with й intact
 * (terms.ts).
 *
 * The index is made from the archive's entries, not read back from the built pages: each entry
 * becomes a small page (`searchDocument`) in a scratch folder that Pagefind reads as a
 * directory (search-pages.ts). For 10,000 articles that took 29 s against 37 s for the built
 * site, and handing Pagefind the same pages one message at a time (`addHTMLFile`) 43 s.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLES_FILE, DEFAULT_SEGMENT_LIMITS, indexPeakBytes, TOMBSTONE_FILTERS_FILE, TOMBSTONES_FILE, type ListedBundle, type SegmentLimits, type Tombstones } from '../bundles.ts';
import { readForeignWords } from '../word-scripts-build.ts';
import { LANGS, type Lang } from '../../schemas/article.ts';
import { isEngineFile, writeEngine } from './engine-files.ts';
import { builderFingerprint, bundleFiles, DamagedState, sameFiles, takeState, writeState, type IndexState } from './index-state.ts';
import { closePagefind, writeBundle } from './pagefind-run.ts';
import { linkPages, listedEntries, monthDir, restorePages, updateSearchPages, type PageState } from './search-pages.ts';
import { listEntries } from '../../lib/entry-listing.ts';
import { compareStrings } from '../../lib/sort.ts';
import { planLanguage, type BaseStanding, type PlannedSegment, type SegmentState } from './segments.ts';

export { SEARCH_STATE_FILE } from './index-state.ts';

/** Pages per language. */
export type SearchIndexSummary = Record<Lang, number>;

/** What a call built: pages per language, every bundle, the bundles written again, and the tombstones listed. */
export interface SearchIndexResult {
  pages: SearchIndexSummary;
  bundles: ListedBundle[];
  rebuilt: string[];
  tombstones: number;
}

/**
 * Where a call is: writing the search pages (`done` of `total` entries looked at), then
 * indexing the bundles to build, counted by their pages (`done` of `total` pages in those
 * bundles), with the bundle being indexed: its `name`, and its place `bundle` of `bundles`.
 */
export type SearchIndexProgress =
  | { step: 'pages'; done: number; total: number }
  | { step: 'bundles'; done: number; total: number; name: string; bundle: number; bundles: number };

/** The URL Pagefind gives a page: its path below the folder it was read from. */
const pageUrl = ([, page, lang, unit]: PageState): string => `/${path.relative(monthDir(lang, unit), path.dirname(page)).split(path.sep).join('/')}/`;

/** Every language's bundles, in the order of LANGS. */
function planAll(
  pages: Record<string, PageState>,
  previous: IndexState['langs'],
  limits: SegmentLimits,
  intact: (segment: SegmentState) => boolean,
  standing: (lang: Lang, base: SegmentState) => BaseStanding | undefined,
): PlannedSegment[] {
  const byLang = new Map<Lang, PageState[]>(LANGS.map((lang) => [lang, []]));
  for (const name of Object.keys(pages).sort()) {
    const page = pages[name]!;
    byLang.get(page[2])!.push(page);
  }
  return LANGS.flatMap((lang) => planLanguage(lang, byLang.get(lang)!, previous[lang], limits, intact, (base) => standing(lang, base)));
}

const unitKey = (lang: Lang, unit: string): string => `${lang}/${unit}`;

/** The months (unitKey) with a page added, changed or removed between `previous` and `next`. */
function changedUnits(previous: Record<string, PageState>, next: Record<string, PageState>): Set<string> {
  const changed = new Set<string>();
  if (previous === next) return changed;
  for (const name in next) {
    const before = previous[name];
    const after = next[name]!;
    if (before === after) continue;
    changed.add(unitKey(after[2], after[3]));
    if (before) changed.add(unitKey(before[2], before[3]));
  }
  for (const name in previous) if (!(name in next)) changed.add(unitKey(previous[name]![2], previous[name]![3]));
  return changed;
}

/** How buildSearchIndex builds: all optional. */
export interface SearchIndexOptions {
  /**
   * The state file: with one, the scratch pages of unchanged entries are kept between runs
   * and the last build's bundles are built on (kept, with tombstones, or written again,
   * segments.ts). Without one, everything is built from nothing, as a clean build, and the
   * scratch folder removed.
   */
  stateFile?: string | undefined;
  /** The segment limits, for tests, which cut a small archive into segments. */
  limits?: Partial<SegmentLimits> | undefined;
  onProgress?: ((progress: SearchIndexProgress) => void) | undefined;
  /**
   * Awaited before each bundle is indexed, with the bytes that takes (indexPeakBytes): the
   * build holds a large one while `astro build` runs.
   */
  waitForMemory?: ((bytes: number) => Promise<void>) | undefined;
  /**
   * The site folder is as the last build left it (src/build/site-output.ts): every bundle the
   * state lists is there as written, and is not read again to tell.
   */
  bundlesIntact?: boolean | undefined;
}

/**
 * Builds the search index of the entries in `entriesDir` into `outputDir` (the site's
 * `pagefind/`), with `scratchDir` for the pages Pagefind reads. Anything else in `outputDir`
 * goes.
 */
export async function buildSearchIndex(entriesDir: string, outputDir: string, scratchDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const { stateFile, limits = {}, onProgress, waitForMemory, bundlesIntact = false } = options;
  const fingerprint = builderFingerprint();
  const full: SegmentLimits = { ...DEFAULT_SEGMENT_LIMITS, ...limits };
  const taken = takeState(stateFile);
  const previous = taken?.state.fingerprint === fingerprint ? taken.state : undefined;
  if (!previous) rmSync(scratchDir, { recursive: true, force: true });
  // The pass's start on the file system's clock: an entries folder changed since is listed again next time.
  mkdirSync(scratchDir, { recursive: true });
  const startFile = path.join(scratchDir, PASS_START_FILE);
  writeFileSync(startFile, '');
  const startedMs = statSync(startFile).mtimeMs;
  const listing = listEntries(entriesDir, previous && { entries: listedEntries(previous.pages), folders: previous.folders, startedMs: previous.startedMs });
  const next: IndexState = { fingerprint, limits: full, startedMs, folders: listing.folders, pages: {}, langs: {}, standings: new Map() };
  const summary = Object.fromEntries(LANGS.map((lang) => [lang, 0])) as SearchIndexSummary;
  const rebuilt: string[] = [];
  let plan: PlannedSegment[] = [];
  try {
    next.pages = updateSearchPages(entriesDir, scratchDir, previous?.pages ?? {}, listing, onProgress && ((done, total) => onProgress({ step: 'pages', done, total })));
    for (const [, , lang] of Object.values(next.pages)) summary[lang] += 1;
    // Bases cut at another cap are not built on.
    const before = previous?.limits.maxBundlePages === full.maxBundlePages ? previous.langs : {};
    const checked = new Map<string, boolean>();
    const intact = (segment: SegmentState): boolean => {
      if (bundlesIntact) return true;
      let ok = checked.get(segment.name);
      if (ok === undefined) checked.set(segment.name, (ok = sameFiles(bundleFiles(path.join(outputDir, segment.name)), segment.files)));
      return ok;
    };
    const changed = changedUnits(previous?.pages ?? {}, next.pages);
    const standing = (lang: Lang, base: SegmentState): BaseStanding | undefined =>
      base.units.some((unit) => changed.has(unitKey(lang, unit))) ? undefined : previous?.standings.get(base);
    try {
      plan = planAll(next.pages, before, full, intact, standing);
    } catch (error) {
      // A bundle's part is read only now: one missing or damaged is no state, as a damaged head is.
      if (!(error instanceof DamagedState)) throw error;
      plan = planAll(next.pages, {}, full, intact, () => undefined);
    }
    mkdirSync(outputDir, { recursive: true });
    const names = new Set(plan.map((segment) => segment.name));
    for (const name of readdirSync(outputDir)) if (!names.has(name) && !isEngineFile(name)) rmSync(path.join(outputDir, name), { recursive: true, force: true });
    // Smallest first: a bundle that fits beside Astro is not held behind one that must wait
    // for it (search-gate.ts); at 100,000 articles the smaller bases are indexed while Astro
    // renders. Each bundle is written alone, so the order changes no byte.
    const toBuild = plan.filter((segment) => !segment.kept).sort((a, b) => a.pages.length - b.pages.length || compareStrings(a.name, b.name));
    const total = toBuild.reduce((sum, segment) => sum + segment.pages.length, 0);
    const written = new Map<PlannedSegment, SegmentState>();
    for (const segment of toBuild) {
      await waitForMemory?.(indexPeakBytes(segment.pages.length));
      onProgress?.({ step: 'bundles', done: sumPages(written.keys()), total, name: segment.name, bundle: written.size + 1, bundles: toBuild.length });
      restorePages(entriesDir, scratchDir, next.pages, segment.pages);
      written.set(segment, await writeSegment(segment, outputDir, scratchDir));
      onProgress?.({ step: 'bundles', done: sumPages(written.keys()), total, name: segment.name, bundle: written.size, bundles: toBuild.length });
    }
    for (const segment of plan) {
      const state = segment.kept ?? written.get(segment);
      if (!state) throw new Error(`search index: bundle ${segment.name} was neither kept nor written`);
      if (!segment.kept) rebuilt.push(segment.name);
      const lang = (next.langs[segment.lang] ??= { bases: [] });
      if (segment.delta) lang.delta = state;
      else {
        lang.bases.push(state);
        next.standings.set(state, segment.standing ?? { size: segment.pages.length, dead: {}, superseded: [], added: 0 });
      }
    }
  } finally {
    await closePagefind();
    if (!stateFile) rmSync(scratchDir, { recursive: true, force: true });
  }
  const tombstones: Tombstones = {};
  const bundles = plan.map((segment): ListedBundle => {
    const dead = Object.keys(segment.dead).sort();
    if (dead.length) tombstones[segment.name] = Object.fromEntries(dead.map((id) => [id, segment.dead[id]!]));
    return {
      name: segment.name,
      lang: segment.lang,
      pages: segment.standing?.size ?? segment.pages.length,
      ...(segment.delta ? { delta: true as const } : {}),
      ...(dead.length ? { dead: dead.length } : {}),
      foreign: readForeignWords(path.join(outputDir, segment.name)),
    };
  });
  writeFileSync(path.join(outputDir, BUNDLES_FILE), `${JSON.stringify(bundles)}\n`);
  // Every bundle's engine is the same bytes: the page runs one, from outside every bundle.
  writeEngine(outputDir, plan[0] && path.join(outputDir, plan[0].name));
  for (const segment of plan) {
    const ids = path.join(outputDir, segment.name, TOMBSTONES_FILE);
    const values = path.join(outputDir, segment.name, TOMBSTONE_FILTERS_FILE);
    const dead = tombstones[segment.name];
    if (dead) {
      writeFileSync(ids, `${JSON.stringify(Object.keys(dead))}\n`);
      writeFileSync(values, `${JSON.stringify(dead)}\n`);
    } else for (const file of [ids, values]) rmSync(file, { force: true });
  }
  if (stateFile) writeState(stateFile, next, taken);
  return { pages: summary, bundles, rebuilt, tombstones: bundles.reduce((sum, bundle) => sum + (bundle.dead ?? 0), 0) };
}

/** The file whose time is when a pass started, in the scratch folder. */
const PASS_START_FILE = '.pass-start';

/** The pages of these planned bundles. */
const sumPages = (segments: Iterable<PlannedSegment>): number => {
  let pages = 0;
  for (const segment of segments) pages += segment.pages.length;
  return pages;
};

/** Writes one planned bundle and returns its state. */
async function writeSegment(segment: PlannedSegment, outputDir: string, scratchDir: string): Promise<SegmentState> {
  const bundle = path.join(outputDir, segment.name);
  const dirs = segment.delta
    ? [linkPages(scratchDir, segment.lang, segment.pages)]
    : [...new Set(segment.pages.map(([, , , unit]) => unit))].map((unit) => path.join(scratchDir, monthDir(segment.lang, unit)));
  const indexed = await writeBundle(segment.name, segment.lang, bundle, dirs, segment.pages.length);
  if (segment.delta) rmSync(dirs[0]!, { recursive: true, force: true });
  const pages: SegmentState['pages'] = {};
  for (const page of segment.pages) {
    const found = indexed[pageUrl(page)];
    if (!found) throw new Error(`pagefind (${segment.name}): no page for ${page[1]}`);
    pages[page[1]] = [page[4], found[0], found[1]];
  }
  return { name: segment.name, units: segment.units, files: bundleFiles(bundle) ?? {}, pages };
}
