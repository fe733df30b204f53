/**
 * Stage three of the build (its command is scripts/index-search.ts): Pagefind bundles in the
 * site's `pagefind/`, one per article language (`pagefind/<lang>/`) or, for a language too
 * large for one, one per run of months (bundles.ts), plus `pagefind/bundles.json` listing them.
 *
 * Bundles are queried side by side and merged by the search page (see docs/search.md).
 * Every bundle is built without a Pagefind stemmer (`UNSTEMMED`): the page
 * stems query words itself, with й intact (src/search/terms.ts).
 *
 * The index is made from the archive's entries, not read back from the built pages: each entry
 * becomes a small page (`searchDocument`) in a scratch folder that Pagefind reads as a
 * directory. For 10,000 articles that took 29 s against 37 s for the built site, and handing
 * Pagefind the same pages one message at a time (`addHTMLFile`) 43 s. Running it beside
 * `astro build` was measured too and dropped: on two cores both slowed down (astro 73 s ->
 * 107 s) for no gain in total, and their memory added up to 3.4 GiB.
 *
 * Pagefind has no incremental mode, so the unit of reuse is a bundle: a bundle whose search
 * pages are all the same as the last build's (one hash over their paths and text, Pagefind's
 * version and the code that makes them) is kept as it is; any other is built again whole.
 * The search pages of unchanged entries stay in the scratch folder between builds. The hashes,
 * each page's entry digest and each bundle's file list live in a state file of the archive's
 * cache.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import * as pagefind from 'pagefind';
import { bundleUnit, BUNDLES_FILE, ENGINE_MODULE, MAX_BUNDLE_PAGES, planBundles, SHARED_LANGUAGE, type ListedBundle } from './bundles.ts';
import { searchDocument } from './record.ts';
import { UNSTEMMED } from './terms.ts';
import { readForeignWords, writeForeignWords } from './word-scripts-build.ts';
import { LANGS, parseArticle, type Lang } from '../schemas/article.ts';
import { routes } from '../lib/urls.ts';

// Pagefind writes its ready-made UIs into every bundle; the search page has its own.
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

// The engine: the same bytes in every bundle, since none has a stemmer.
const ENGINE_SCRIPTS = [ENGINE_MODULE, 'pagefind-worker.js'];
// The WebAssembly file the shared language names: Pagefind's 12-byte signature and no module.
const SHARED_WASM = 'shared';
const SIGNATURE = 'pagefind_dcd';

/**
 * Readies a bundle to run in the page's one engine. The page imports `pagefind/pagefind.js`
 * once and opens every bundle it asks with `createInstance`, all in one worker, where
 * Pagefind's WebAssembly glue is a single module-wide instance. Whichever bundle the page
 * opens first starts the worker from its folder and instantiates the glue from its own
 * WebAssembly, so every bundle keeps both: a Cyrillic query then loads nothing from a French
 * folder. The page opens every later bundle under a second language key of its entry
 * (SHARED_LANGUAGE), which names an empty WebAssembly file instead of 55 KB fetched for a
 * module that would never be compiled. The scripts are minified (Pagefind ships them half
 * minified: 90 KB become 61 KB, as a host that compresses nothing serves them); esbuild only
 * removes whitespace and renames local names, licence comments stay.
 */
function shareEngine(bundle: string): void {
  for (const name of ENGINE_SCRIPTS) {
    const file = path.join(bundle, name);
    writeFileSync(file, transformSync(readFileSync(file, 'utf8'), { loader: 'js', minify: true }).code);
  }
  const entryFile = path.join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { wasm: string | null }> };
  const own = entry.languages[UNSTEMMED];
  if (!own) throw new Error(`${entryFile}: no index for the language ${UNSTEMMED}`);
  entry.languages[SHARED_LANGUAGE] = { ...own, wasm: SHARED_WASM };
  writeFileSync(entryFile, JSON.stringify(entry));
  writeFileSync(path.join(bundle, `wasm.${SHARED_WASM}.pagefind`), SIGNATURE);
}

/** Pages per language. */
export type SearchIndexSummary = Record<Lang, number>;

/** What a call built: pages per language, every bundle, and the bundles built again. */
export interface SearchIndexResult {
  pages: SearchIndexSummary;
  bundles: ListedBundle[];
  rebuilt: string[];
}

/** What a bundle was built from, and the files it was written as (name -> bytes). */
interface BundleState {
  hash: string;
  files: Record<string, number>;
}

/**
 * A search page in the scratch folder, by entry file: the entry's size, mtime and inode (the
 * ingest replaces a changed entry by a rename and never rewrites an unchanged one), the page's
 * path, its language, its month (bundles.ts) and the hash of its text.
 */
type PageState = [digest: string, page: string, lang: Lang, unit: string, hash: string];

interface IndexState {
  fingerprint: string;
  pages: Record<string, PageState>;
  bundles: Record<string, BundleState>;
}

/** The state file's name in the archive's cache folder (scripts/index-search.ts). */
export const SEARCH_STATE_FILE = 'search-bundles.json';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * What else decides a bundle's bytes besides its entries: Pagefind's version, this file's code
 * (its options, the files it drops) and the search page's (record.ts), and the lockfile (the
 * escaping library). Any change rebuilds every page and bundle.
 */
function builderFingerprint(): string {
  const pagefindPackage = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(pagefindPackage, 'utf8')) as { version: string };
  const code = [import.meta.url, new URL('./record.ts', import.meta.url).href, new URL('../../package-lock.json', import.meta.url).href].map((url) => {
    try {
      return readFileSync(fileURLToPath(url), 'utf8');
    } catch {
      return '';
    }
  });
  return sha256(`pagefind ${version}\n${code.join('\0')}`);
}

/** Each entry file's digest: what tells whether its search page can be reused. */
const entryDigest = (file: string): string => {
  const stats = statSync(file);
  return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
};

/**
 * The scratch folder Pagefind reads one language's month from: each bundle adds the folders of
 * its months, so a page's path below it is the path of the article's own page.
 */
const monthDir = (lang: Lang, unit: string): string => path.join(lang, unit || 'undated');

/**
 * Brings the scratch folder's search pages in step with the entries in `entriesDir`: one page
 * per entry, `<lang>/<month>/articles/<id>/index.html`, where `articles/<id>/` is the article's
 * own page, so Pagefind gives results the article's URL. An entry whose file is unchanged
 * since `previous` keeps its page unread; a changed or new one is read, validated and written (an entry that does not match
 * the article schema stops the build, naming its file); a removed one's page is deleted.
 * At 10,000 articles, reading and validating every entry took 3.3-6.4 s, writing every page
 * 0.9-1.4 s and deleting them all after the build 2.8-10.8 s (two runs, on a busy machine),
 * on every build. Synchronous: ten thousand small
 * reads and writes, each a thread-pool round trip or four otherwise.
 */
function updateSearchPages(entriesDir: string, scratchDir: string, previous: Record<string, PageState>): Record<string, PageState> {
  let names: string[];
  try {
    names = readdirSync(entriesDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')).sort();
  } catch {
    names = [];
  }
  const next: Record<string, PageState> = {};
  for (const name of names) {
    const file = path.join(entriesDir, name);
    const digest = entryDigest(file);
    const before = previous[name];
    if (before && before[0] === digest && existsSync(path.join(scratchDir, before[1]))) {
      next[name] = before;
      continue;
    }
    const entry = parseArticle(JSON.parse(readFileSync(file, 'utf8')), file);
    // Pagefind names a page by its path below the folder it reads: the article's page.
    const unit = bundleUnit(entry.date);
    const page = path.join(monthDir(entry.lang, unit), routes.article(entry.id), 'index.html');
    if (before && before[1] !== page) rmSync(path.join(scratchDir, path.dirname(before[1])), { recursive: true, force: true });
    const html = searchDocument(entry);
    mkdirSync(path.join(scratchDir, path.dirname(page)), { recursive: true });
    writeFileSync(path.join(scratchDir, page), html);
    next[name] = [digest, page, entry.lang, unit, sha256(html)];
  }
  for (const [name, [, page]] of Object.entries(previous)) {
    if (!(name in next)) rmSync(path.join(scratchDir, path.dirname(page)), { recursive: true, force: true });
  }
  return next;
}

/** Pages per language and month. */
function monthCounts(pages: Record<string, PageState>): Map<Lang, Map<string, number>> {
  const counts = new Map<Lang, Map<string, number>>();
  for (const [, , lang, unit] of Object.values(pages)) {
    const months = counts.get(lang) ?? new Map<string, number>();
    counts.set(lang, months.set(unit, (months.get(unit) ?? 0) + 1));
  }
  return counts;
}

/** A hash over the paths and texts of the pages of one language's months; `names` sorted. */
function pagesHash(fingerprint: string, pages: Record<string, PageState>, names: readonly string[], lang: Lang, units: ReadonlySet<string>): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const name of names) {
    const [, page, pageLang, unit, text] = pages[name] as PageState;
    if (pageLang === lang && units.has(unit)) hash.update(`\0${page}\0${text}`);
  }
  return hash.digest('base64url');
}

/** A bundle's files (name -> bytes), or undefined when there is no bundle. */
function bundleFiles(bundle: string): Record<string, number> | undefined {
  if (!existsSync(bundle)) return undefined;
  const files: Record<string, number> = {};
  for (const entry of readdirSync(bundle, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(bundle, full).split(path.sep).join('/')] = statSync(full).size;
  }
  return files;
}

const sameFiles = (found: Record<string, number> | undefined, expected: Record<string, number>): boolean =>
  found !== undefined && Object.keys(found).length === Object.keys(expected).length && Object.entries(expected).every(([name, bytes]) => found[name] === bytes);

function readState(stateFile: string | undefined): IndexState | undefined {
  if (!stateFile) return undefined;
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as IndexState;
  } catch {
    return undefined;
  }
}

/**
 * Builds every bundle from the entries in `entriesDir` into `outputDir` (the site's
 * `pagefind/`: a folder per bundle and `bundles.json`), with `scratchDir` for the pages
 * Pagefind reads. With a `stateFile`, the scratch pages of unchanged entries are kept between
 * runs and a bundle whose pages and files are what the state recorded is kept; without one,
 * everything is built from nothing and the scratch folder removed. Anything else in
 * `outputDir` goes. `maxBundlePages` is for tests, which cut a small archive into bundles.
 */
export async function buildSearchIndex(
  entriesDir: string,
  outputDir: string,
  scratchDir: string,
  stateFile?: string,
  maxBundlePages: number = MAX_BUNDLE_PAGES,
): Promise<SearchIndexResult> {
  const fingerprint = builderFingerprint();
  const stored = readState(stateFile);
  const previous = stored?.fingerprint === fingerprint ? stored : undefined;
  // Removed until the new state is complete: a run killed half-way keeps nothing, and the next
  // one starts from an empty scratch folder.
  if (stateFile) rmSync(stateFile, { force: true });
  if (!previous) rmSync(scratchDir, { recursive: true, force: true });
  const next: IndexState = { fingerprint, pages: {}, bundles: {} };
  const summary = Object.fromEntries(LANGS.map((lang) => [lang, 0])) as SearchIndexSummary;
  const rebuilt: string[] = [];
  let plans: ReturnType<typeof planBundles> = [];
  try {
    next.pages = updateSearchPages(entriesDir, scratchDir, previous?.pages ?? {});
    const counts = monthCounts(next.pages);
    for (const lang of LANGS) summary[lang] = [...(counts.get(lang)?.values() ?? [])].reduce((sum, pages) => sum + pages, 0);
    plans = planBundles(LANGS, counts, maxBundlePages);
    mkdirSync(outputDir, { recursive: true });
    const bundleNames = new Set(plans.map((plan) => plan.name));
    for (const name of readdirSync(outputDir)) if (!bundleNames.has(name) && name !== ENGINE_MODULE) rmSync(path.join(outputDir, name), { recursive: true, force: true });
    const pageNames = Object.keys(next.pages).sort();
    for (const plan of plans) {
      const bundle = path.join(outputDir, plan.name);
      const hash = pagesHash(fingerprint, next.pages, pageNames, plan.lang, new Set(plan.units));
      const kept = previous?.bundles[plan.name];
      if (kept && kept.hash === hash && sameFiles(bundleFiles(bundle), kept.files)) {
        next.bundles[plan.name] = kept;
        continue;
      }
      rmSync(bundle, { recursive: true, force: true });
      const { index, errors } = await pagefind.createIndex({ forceLanguage: UNSTEMMED });
      if (!index) throw new Error(`pagefind (${plan.name}): ${errors.join('; ')}`);
      let pageCount = 0;
      for (const unit of plan.units) {
        const added = await index.addDirectory({ path: path.join(scratchDir, monthDir(plan.lang, unit)), glob: '**/index.html' });
        if (added.errors.length) throw new Error(`pagefind (${plan.name}): ${added.errors.join('; ')}`);
        pageCount += added.page_count;
      }
      // Only if something else wrote into the scratch folder; the next run starts it afresh.
      if (pageCount !== plan.pages) throw new Error(`pagefind (${plan.name}): ${pageCount} search pages in ${scratchDir} for ${plan.pages} entries`);
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`pagefind (${plan.name}): ${written.errors.join('; ')}`);
      for (const file of readdirSync(bundle)) if (UNUSED.test(file)) rmSync(path.join(bundle, file));
      shareEngine(bundle);
      writeForeignWords(bundle, plan.lang);
      await index.deleteIndex();
      next.bundles[plan.name] = { hash, files: bundleFiles(bundle) ?? {} };
      rebuilt.push(plan.name);
    }
  } finally {
    await pagefind.close();
    if (!stateFile) rmSync(scratchDir, { recursive: true, force: true });
  }
  const bundles: ListedBundle[] = plans.map(({ name, lang, pages }) => ({ name, lang, pages, foreign: readForeignWords(path.join(outputDir, name)) }));
  writeFileSync(path.join(outputDir, BUNDLES_FILE), `${JSON.stringify(bundles)}\n`);
  // Every bundle's module is the same bytes: the page imports one, from outside every bundle.
  if (plans[0]) copyFileSync(path.join(outputDir, plans[0].name, ENGINE_MODULE), path.join(outputDir, ENGINE_MODULE));
  else rmSync(path.join(outputDir, ENGINE_MODULE), { force: true });
  if (stateFile) {
    mkdirSync(path.dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, JSON.stringify(next));
  }
  return { pages: summary, bundles, rebuilt };
}
