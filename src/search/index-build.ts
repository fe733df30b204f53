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
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

/**
 * Writes one search page per entry below `scratchDir` (`articles/<id>/index.html`, the path
 * of the article's own page, so Pagefind gives results the article's URL). An entry that
 * does not match the article schema stops the build, naming its file. Synchronous: ten
 * thousand small reads and writes, each a thread-pool round trip or four otherwise.
 */
function writeSearchDocuments(entriesDir: string, scratchDir: string): void {
  rmSync(scratchDir, { recursive: true, force: true });
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
    const folder = path.join(scratchDir, routes.article(entry.id));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), searchDocument(entry));
  }
}

/**
 * Builds every language's bundle from the entries in `entriesDir` into `outputDir` (the
 * site's `pagefind/`: `<lang>/` and `languages.json`), replacing what was there, with
 * `scratchDir` for the pages Pagefind reads.
 */
export async function buildSearchIndex(entriesDir: string, outputDir: string, scratchDir: string): Promise<SearchIndexSummary> {
  const summary = {} as SearchIndexSummary;
  let engineLang: Lang | undefined;
  rmSync(outputDir, { recursive: true, force: true });
  try {
    writeSearchDocuments(entriesDir, scratchDir);
    for (const lang of LANGS) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: UNSTEMMED });
      if (!index) throw new Error(`pagefind (${lang}): ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: scratchDir, glob: `articles/${lang}/**/index.html` });
      if (added.errors.length) throw new Error(`pagefind (${lang}): ${added.errors.join('; ')}`);
      summary[lang] = added.page_count;
      if (added.page_count > 0) {
        const bundle = path.join(outputDir, lang);
        const written = await index.writeFiles({ outputPath: bundle });
        if (written.errors.length) throw new Error(`pagefind (${lang}): ${written.errors.join('; ')}`);
        for (const file of readdirSync(bundle)) if (UNUSED.test(file)) rmSync(path.join(bundle, file));
        // The first bundle written, the first listed in languages.json, keeps the engine.
        if (engineLang === undefined) engineLang = lang;
        else stripEngine(bundle);
      }
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
  mkdirSync(outputDir, { recursive: true });
  // In bundle order: the first listed carries the engine.
  const present = Object.fromEntries(LANGS.filter((lang) => summary[lang] > 0).map((lang) => [lang, summary[lang]]));
  writeFileSync(path.join(outputDir, 'languages.json'), `${JSON.stringify(present)}\n`);
  return summary;
}
