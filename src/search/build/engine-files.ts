/**
 * What a bundle carries besides its index: Pagefind's engine, ready to run beside the
 * others, and the words it holds outside its language's script (word-scripts-build.ts); and
 * its index with the places of its words trimmed (word-places.ts) and its page list made small
 * (page-list.ts).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { ENGINE_MODULE, PAGEFIND_SIGNATURE, SHARED_LANGUAGE } from '../bundles.ts';
import { UNSTEMMED } from '../terms.ts';
import { writeForeignWords } from '../word-scripts-build.ts';
import { compactPageList, pageOrder } from './page-list.ts';
import { readPageList } from './pagefind-files.ts';
import { trimBundlePlaces } from './word-places.ts';
import type { Lang } from '../../schemas/article.ts';

// Pagefind writes its ready-made UIs into every bundle; the search page has its own.
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

// The engine: the same bytes in every bundle, since none has a stemmer.
const ENGINE_SCRIPTS = [ENGINE_MODULE, 'pagefind-worker.js'];
// The WebAssembly file the shared language names: Pagefind's 12-byte signature and no module.
const SHARED_WASM = 'shared';

// Every bundle of a run carries the same scripts: each is minified once (0.4 s of CPU).
const minifiedScripts = new Map<string, string>();
function minified(script: string): string {
  let code = minifiedScripts.get(script);
  if (code === undefined) minifiedScripts.set(script, (code = transformSync(script, { loader: 'js', minify: true }).code));
  return code;
}

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
    writeFileSync(file, minified(readFileSync(file, 'utf8')));
  }
  const entryFile = path.join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { wasm: string | null }> };
  const own = entry.languages[UNSTEMMED];
  if (!own) throw new Error(`${entryFile}: no index for the language ${UNSTEMMED}`);
  entry.languages[SHARED_LANGUAGE] = { ...own, wasm: SHARED_WASM };
  writeFileSync(entryFile, JSON.stringify(entry));
  writeFileSync(path.join(bundle, `wasm.${SHARED_WASM}.pagefind`), PAGEFIND_SIGNATURE);
}

/**
 * Puts a bundle Pagefind has just written in the shape the search page loads, and returns its
 * pages' ids in page order.
 */
export function finishBundle(bundle: string, lang: Lang): string[] {
  for (const file of readdirSync(bundle)) if (UNUSED.test(file)) rmSync(path.join(bundle, file));
  // First: the shared language copies the entry's name of the page list, which this renames.
  const list = readPageList(bundle);
  const renumber = pageOrder(list);
  const words = trimBundlePlaces(bundle, list, renumber);
  const ids = compactPageList(bundle, list, renumber);
  list.write();
  shareEngine(bundle);
  writeForeignWords(bundle, lang, words);
  return ids;
}
