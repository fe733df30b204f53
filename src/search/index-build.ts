/**
 * Stage three of the build (its command is scripts/index-search.ts): one Pagefind bundle per
 * article language, `pagefind/<lang>/`, plus `pagefind/languages.json` naming the bundles
 * that have pages.
 *
 * One bundle per language, queried side by side and merged by the search page (see README,
 * "Search design"). Every bundle is built without a Pagefind stemmer (`UNSTEMMED`): the page
 * stems query words itself, with й intact (src/search/terms.ts).
 *
 * The index is made from the archive's entries, not read back from the built pages: each entry
 * becomes a small page (`searchDocument`) in a scratch folder that Pagefind reads as a
 * directory. For 10,000 articles that took 29 s against 37 s for the built site, and handing
 * Pagefind the same pages one message at a time (`addHTMLFile`) 43 s. Running it beside
 * `astro build` was measured too and dropped: on two cores both slowed down (astro 73 s ->
 * 107 s) for no gain in total, and their memory added up to 3.4 GiB.
 *
 * Pagefind has no incremental mode, so the unit of reuse is a bundle: a language whose search
 * pages are all the same as the last build's (one hash over their paths and text, Pagefind's
 * version and this file) keeps the bundle it has; any other is built again whole. The hashes
 * and each bundle's file list live in a state file of the archive's cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { searchDocument } from './record.ts';
import { UNSTEMMED } from './terms.ts';
import { LANGS, parseArticle, type Lang } from '../schemas/article.ts';
import { routes } from '../lib/urls.ts';

// Pagefind writes its ready-made UIs into every bundle; the search page has its own.
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

// What every bundle carries to run an index: the same bytes in all of them, since none has a stemmer.
const ENGINE = ['pagefind.js', 'pagefind-worker.js', `wasm.unknown.pagefind`];
// The WebAssembly file a bundle without the engine names: Pagefind's 12-byte signature and no module.
const SHARED_WASM = 'shared';
const SIGNATURE = 'pagefind_dcd';

/**
 * Takes the engine out of a bundle that is not the first. The search page imports the first
 * bundle's pagefind.js once and opens every language's index from it with `createInstance`,
 * all in its one worker, where Pagefind's WebAssembly glue is a single module-wide instance:
 * the first index instantiates it and the page opens the others after (client/pagefind.ts),
 * so their own WebAssembly would never be compiled. Their entry names an empty one instead of
 * 55 KB fetched for nothing; their pagefind.js and worker are never requested. Such an index
 * opened on its own fails to load, loudly, rather than search with another's engine.
 */
function stripEngine(bundle: string): void {
  for (const file of ENGINE) rmSync(path.join(bundle, file));
  const entryFile = path.join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { wasm: string | null }> };
  for (const index of Object.values(entry.languages)) index.wasm = SHARED_WASM;
  writeFileSync(entryFile, JSON.stringify(entry));
  writeFileSync(path.join(bundle, `wasm.${SHARED_WASM}.pagefind`), SIGNATURE);
}

/** Pages per language bundle. */
export type SearchIndexSummary = Record<Lang, number>;

/** What a call built: pages per language, and the languages whose bundle was built again. */
export interface SearchIndexResult {
  pages: SearchIndexSummary;
  rebuilt: Lang[];
}

/** What a bundle was built from, and the files it was written as (name -> bytes). */
interface BundleState {
  hash: string;
  files: Record<string, number>;
}
type IndexState = Partial<Record<Lang, BundleState>>;

/** The state file's name in the archive's cache folder (scripts/index-search.ts). */
export const SEARCH_STATE_FILE = 'search-bundles.json';

/**
 * What else decides a bundle's bytes besides its pages: Pagefind's version and this file's
 * code (its options, the files it drops). Either changing rebuilds every bundle.
 */
function builderFingerprint(): string {
  const pagefindPackage = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(pagefindPackage, 'utf8')) as { version: string };
  return `pagefind ${version}\n${readFileSync(fileURLToPath(import.meta.url), 'utf8')}`;
}

/**
 * Writes one search page per entry below `scratchDir` (`articles/<id>/index.html`, the path
 * of the article's own page, so Pagefind gives results the article's URL) and returns, per
 * language, how many there are and a hash over their paths and text. An entry that does not
 * match the article schema stops the build, naming its file. Synchronous: ten thousand small
 * reads and writes, each a thread-pool round trip or four otherwise.
 */
function writeSearchPages(entriesDir: string, scratchDir: string, fingerprint: string): Record<Lang, { count: number; hash: string }> {
  const hashes = new Map(LANGS.map((lang) => [lang, createHash('sha256').update(fingerprint)]));
  const counts = new Map(LANGS.map((lang) => [lang, 0]));
  let names: string[];
  try {
    names = readdirSync(entriesDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')).sort();
  } catch {
    names = [];
  }
  for (const name of names) {
    const file = path.join(entriesDir, name);
    const entry = parseArticle(JSON.parse(readFileSync(file, 'utf8')), file);
    // Pagefind names a page by its path: the scratch page sits where the article's page is.
    const page = path.join(routes.article(entry.id), 'index.html');
    const html = searchDocument(entry);
    hashes.get(entry.lang)?.update(`\0${page}\0${html}`);
    counts.set(entry.lang, (counts.get(entry.lang) ?? 0) + 1);
    mkdirSync(path.join(scratchDir, path.dirname(page)), { recursive: true });
    writeFileSync(path.join(scratchDir, page), html);
  }
  return Object.fromEntries(LANGS.map((lang) => [lang, { count: counts.get(lang) ?? 0, hash: hashes.get(lang)?.digest('base64url') ?? '' }])) as Record<Lang, { count: number; hash: string }>;
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

function readState(stateFile: string | undefined): IndexState {
  if (!stateFile) return {};
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as IndexState;
  } catch {
    return {};
  }
}

/**
 * Builds every language's bundle from the entries in `entriesDir` into `outputDir` (the
 * site's `pagefind/`: `<lang>/` and `languages.json`), with `scratchDir` for the pages
 * Pagefind reads. With a `stateFile`, a bundle whose pages and files are what the state
 * recorded is kept; without one, every bundle is built. Anything else in `outputDir` goes.
 */
export async function buildSearchIndex(entriesDir: string, outputDir: string, scratchDir: string, stateFile?: string): Promise<SearchIndexResult> {
  const previous = readState(stateFile);
  // Removed until the new state is complete: a run killed half-way keeps nothing.
  if (stateFile) rmSync(stateFile, { force: true });
  const next: IndexState = {};
  const summary = {} as SearchIndexSummary;
  const rebuilt: Lang[] = [];
  mkdirSync(outputDir, { recursive: true });
  for (const name of readdirSync(outputDir)) {
    if (!(LANGS as readonly string[]).includes(name)) rmSync(path.join(outputDir, name), { recursive: true, force: true });
  }
  rmSync(scratchDir, { recursive: true, force: true });
  try {
    const languages = writeSearchPages(entriesDir, scratchDir, builderFingerprint());
    // The first language with pages, the first listed in languages.json, keeps the engine;
    // whether a bundle carries it is part of what it was built from.
    const engineLang = LANGS.find((lang) => languages[lang].count > 0);
    for (const lang of LANGS) {
      const bundle = path.join(outputDir, lang);
      const { count } = languages[lang];
      const hash = `${languages[lang].hash}${lang === engineLang ? '' : ' without engine'}`;
      summary[lang] = count;
      const kept = previous[lang];
      if (kept && kept.hash === hash && sameFiles(bundleFiles(bundle), kept.files)) {
        next[lang] = kept;
        continue;
      }
      rmSync(bundle, { recursive: true, force: true });
      if (count === 0) continue;
      const { index, errors } = await pagefind.createIndex({ forceLanguage: UNSTEMMED });
      if (!index) throw new Error(`pagefind (${lang}): ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: scratchDir, glob: `articles/${lang}/**/index.html` });
      if (added.errors.length) throw new Error(`pagefind (${lang}): ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`pagefind (${lang}): ${written.errors.join('; ')}`);
      for (const file of readdirSync(bundle)) if (UNUSED.test(file)) rmSync(path.join(bundle, file));
      if (lang !== engineLang) stripEngine(bundle);
      await index.deleteIndex();
      next[lang] = { hash, files: bundleFiles(bundle) ?? {} };
      rebuilt.push(lang);
    }
  } finally {
    await pagefind.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
  // In bundle order: the first listed carries the engine.
  const present = Object.fromEntries(LANGS.filter((lang) => summary[lang] > 0).map((lang) => [lang, summary[lang]]));
  writeFileSync(path.join(outputDir, 'languages.json'), `${JSON.stringify(present)}\n`);
  if (stateFile) {
    mkdirSync(path.dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, JSON.stringify(next));
  }
  return { pages: summary, rebuilt };
}
