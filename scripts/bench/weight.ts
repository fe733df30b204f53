/**
 * What a reader downloads: the assets an article page loads, and the Pagefind files a cold
 * search query loads. Pure: callers pass file contents and sizes.
 */
import { FRAGMENT_DIR, SHARED_LANGUAGE } from '../../src/search/bundles.ts';

/** Stylesheets, scripts and module preloads an HTML page loads at once (not lazy imports). */
export function pageAssets(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/gi) ?? []) {
    const attr = (name: string): string | undefined =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) found.add(src);
    } else if (/^(?:stylesheet|modulepreload)$/i.test(attr('rel') ?? '')) {
      const href = attr('href');
      if (href) found.add(href);
    }
  }
  return [...found];
}

/** Static imports of an ES module (what the browser fetches before running it). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*(["'])(\.{1,2}\/[^"']+|\/[^"']+)\1/g)) {
    if (match[2]) found.add(match[2]);
  }
  return [...found];
}

export interface BundleFile {
  /** Path relative to the bundle folder (the one holding pagefind-entry.json), `/`-separated. */
  path: string;
  bytes: number;
}

export interface ColdQuery {
  lang: string;
  /** pagefind.js (+ worker when the bundle has one), gzipped as a server sends it. */
  script: number;
  entry: number;
  wasm: number;
  meta: number;
  /** One index chunk (a one-word query) — the mean chunk of that language. */
  indexChunk: number;
  /** Five result fragments, the mean fragment of that language. */
  fragments: number;
  total: number;
}

interface Entry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * Bytes a cold one-word query loads from one Pagefind bundle, per language it indexes.
 * Pagefind stores index, fragments, meta and wasm already gzipped, so their file size is what
 * goes over the wire; the JS and the entry JSON are counted gzipped by the caller.
 */
export function coldQueries(entryJson: string, files: readonly BundleFile[], gzipped: (path: string) => number): ColdQuery[] {
  const entry = JSON.parse(entryJson) as Entry;
  const size = (path: string): number => files.find((f) => f.path === path)?.bytes ?? 0;
  const script = gzipped('pagefind.js') + (size('pagefind-worker.js') > 0 ? gzipped('pagefind-worker.js') : 0);
  // The shared language is the same index again, for a bundle opened after the engine started.
  return Object.entries(entry.languages)
    .filter(([lang]) => lang !== SHARED_LANGUAGE)
    .map(([lang, info]) => {
      const prefix = info.hash.split('_')[0] ?? lang;
      const chunks = (dir: string, ext: string): number[] =>
        files.filter((f) => f.path.startsWith(`${dir}/${prefix}_`) && f.path.endsWith(ext)).map((f) => f.bytes);
      // Fragments are named by page number, not language (src/search/build/page-list.ts): a bundle's are its one language's.
      const fragments = files.filter((f) => f.path.startsWith(`${FRAGMENT_DIR}/`) && f.path.endsWith('.pf_fragment')).map((f) => f.bytes);
      const wasm = size(`wasm.${info.wasm ?? 'unknown'}.pagefind`) || size('wasm.unknown.pagefind');
      const parts = {
        lang,
        script,
        entry: gzipped('pagefind-entry.json'),
        wasm,
        meta: size(`pagefind.${info.hash}.pf_meta`),
        indexChunk: Math.round(mean(chunks('index', '.pf_index'))),
        fragments: Math.round(mean(fragments) * 5),
      };
      return { ...parts, total: parts.script + parts.entry + parts.wasm + parts.meta + parts.indexChunk + parts.fragments };
    })
    .sort((a, b) => a.lang.localeCompare(b.lang));
}
