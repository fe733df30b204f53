/**
 * What a bundle carries besides its index: Pagefind's engine, ready to run beside the
 * others, and the words it holds outside its language's script (word-scripts-build.ts); its
 * index with the places of its words trimmed (word-places.ts) and its page list made small
 * (page-list.ts); and the engine the page runs, beside the bundles.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'cbor2';
import { transformSync } from 'esbuild';
import { ENGINE_MODULE, PAGEFIND_SIGNATURE, SHARED_LANGUAGE } from '../bundles.ts';
import { UNSTEMMED } from '../terms.ts';
import { writeForeignWords } from '../word-scripts-build.ts';
import { compactPageList, pageOrder } from './page-list.ts';
import { pagefindFile, readPageList } from './pagefind-files.ts';
import { trimBundlePlaces } from './word-places.ts';
import type { Lang } from '../../schemas/article.ts';

// Pagefind writes its ready-made UIs into every bundle; the search page has its own.
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

// The engine: the same bytes in every bundle, since none has a stemmer.
const ENGINE_WORKER = 'pagefind-worker.js';
const ENGINE_SCRIPTS = [ENGINE_MODULE, ENGINE_WORKER];
// Pagefind's own WebAssembly file, named by no language (wasm: null in an entry).
const ENGINE_WASM = 'wasm.unknown.pagefind';
const ENTRY_FILE = 'pagefind-entry.json';
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
 * Pagefind's WebAssembly glue is a single module-wide instance. The engine's own instance,
 * beside the bundles (writeEngine), starts the worker and instantiates the glue; the page
 * opens every bundle after it under a second language key of the bundle's entry
 * (SHARED_LANGUAGE), which names an empty WebAssembly file instead of 55 KB fetched for a
 * module that would never be compiled. The engine's copy is taken from a bundle, so every
 * bundle keeps Pagefind's scripts and WebAssembly. The scripts are minified (Pagefind ships
 * them half minified: 90 KB become 61 KB, as a host that compresses nothing serves them);
 * esbuild only removes whitespace and renames local names, licence comments stay.
 */
function shareEngine(bundle: string): void {
  for (const name of ENGINE_SCRIPTS) {
    const file = path.join(bundle, name);
    writeFileSync(file, minified(readFileSync(file, 'utf8')));
  }
  const entryFile = path.join(bundle, ENTRY_FILE);
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

// The engine's page list beside the bundles: Pagefind's name for a language's list, from its bytes.
const ENGINE_PAGE_LIST = /^pagefind\.[^.]+\.pf_meta$/;

/** A file of the engine beside the bundles, in the site's `pagefind/` (writeEngine). */
export const isEngineFile = (name: string): boolean => [ENGINE_MODULE, ENGINE_WORKER, ENGINE_WASM, ENTRY_FILE].includes(name) || ENGINE_PAGE_LIST.test(name);

/**
 * Writes the engine beside the bundles, in `outputDir` (the site's `pagefind/`), from one
 * bundle's copy, or removes it when there is no bundle. The page starts the engine as it
 * loads, before it knows which language a search will ask (client/pagefind.ts): Pagefind
 * starts its worker from the folder of the first instance made and instantiates its
 * WebAssembly from there, so that instance is one of this folder, with an index of no page
 * (an entry naming an empty page list), and every bundle then opens under its shared
 * language. The bundles keep Pagefind's copies, which the page never fetches.
 */
export function writeEngine(outputDir: string, bundle: string | undefined): void {
  for (const name of readdirSync(outputDir)) if (isEngineFile(name)) rmSync(path.join(outputDir, name));
  if (!bundle) return;
  for (const name of [ENGINE_MODULE, ENGINE_WORKER, ENGINE_WASM]) copyFileSync(path.join(bundle, name), path.join(outputDir, name));
  const { version, include_characters } = JSON.parse(readFileSync(path.join(bundle, ENTRY_FILE), 'utf8')) as { version: string; include_characters: string[] };
  // Pagefind's page list: its version, then no page, index chunk, filter, sort or metadata field.
  const list = pagefindFile(encode([version, [], [], [], [], []]), 9);
  const hash = `${UNSTEMMED}_${createHash('sha256').update(list).digest('hex').slice(0, 10)}`;
  writeFileSync(path.join(outputDir, `pagefind.${hash}.pf_meta`), list);
  writeFileSync(path.join(outputDir, ENTRY_FILE), JSON.stringify({ version, languages: { [UNSTEMMED]: { hash, wasm: null, page_count: 0 } }, include_characters }));
}
