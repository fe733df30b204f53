import { describe, expect, it } from 'vitest';
import { coldQueries, pageAssets, staticImports } from './weight.ts';

describe('pageAssets', () => {
  it('lists stylesheets, scripts and module preloads, not other links or inline scripts', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/_astro/base.Ab12.css">
      <link rel=modulepreload href='/_astro/chunk.js'>
      <link rel="icon" href="/favicon.svg">
      <link rel="alternate" hreflang="ru" href="/ru/">
      <script type="module" src="/_astro/page.Cd34.js"></script>
      <script>console.log(1)</script>
    </head></html>`;
    expect(pageAssets(html)).toEqual(['/_astro/base.Ab12.css', '/_astro/chunk.js', '/_astro/page.Cd34.js']);
  });
});

describe('staticImports', () => {
  it('finds static imports and re-exports but not dynamic imports', () => {
    const code = `import{a as b}from"./chunk.A1.js";import"./side.js";export*from'../x.js';const p=import("./lazy.js")`;
    expect(staticImports(code)).toEqual(['./chunk.A1.js', './side.js', '../x.js']);
  });
});

describe('coldQueries', () => {
  it('adds script, entry, wasm, meta, one mean index chunk per language and five mean fragments of the bundle', () => {
    const entry = JSON.stringify({
      version: '1.6.0',
      languages: { fr: { hash: 'fr_abc', wasm: 'fr', page_count: 3 }, el: { hash: 'el_def', wasm: null, page_count: 1 } },
    });
    const files = [
      { path: 'pagefind.js', bytes: 30_000 },
      { path: 'pagefind-entry.json', bytes: 200 },
      { path: 'wasm.fr.pagefind', bytes: 60_000 },
      { path: 'wasm.unknown.pagefind', bytes: 50_000 },
      { path: 'pagefind.fr_abc.pf_meta', bytes: 400 },
      { path: 'pagefind.el_def.pf_meta', bytes: 300 },
      { path: 'index/fr_1.pf_index', bytes: 1000 },
      { path: 'index/fr_2.pf_index', bytes: 3000 },
      { path: 'index/el_1.pf_index', bytes: 500 },
      { path: 'fragment/a1b2c3d4/0.pf_fragment', bytes: 100 },
      { path: 'fragment/a1b2c3d4/1.pf_fragment', bytes: 300 },
      { path: 'fragment/a1b2c3d4/2.pf_fragment', bytes: 200 },
      { path: 'fragment/a1b2c3d4/sorts.pf_sort', bytes: 5000 },
    ];
    const gz = (path: string): number => ({ 'pagefind.js': 10_000, 'pagefind-entry.json': 150 })[path] ?? 0;
    expect(coldQueries(entry, files, gz)).toEqual([
      { lang: 'el', script: 10_000, entry: 150, wasm: 50_000, meta: 300, indexChunk: 500, fragments: 1000, total: 61_950 },
      { lang: 'fr', script: 10_000, entry: 150, wasm: 60_000, meta: 400, indexChunk: 2000, fragments: 1000, total: 73_550 },
    ]);
  });
});
