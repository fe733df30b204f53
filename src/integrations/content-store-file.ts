/**
 * The content store read from its file when the pages ask for it, not bundled into them.
 *
 * In `astro build`, Astro's module `astro:data-layer-content` holds the whole content store
 * as one string literal (`export default JSON.parse("...")`), bundled into the prerender
 * chunks and compiled by V8 before the first `getCollection()`. At 100,000 articles the store
 * is 80 MB, and compiling that one literal takes about 40 s of CPU, more than every route's
 * `getStaticPaths()` together. The store is the file Astro's content sync wrote before
 * bundling (`<cacheDir>/data-store.json`), and nothing writes it again before the pages are
 * generated, in the same process; so the module here reads and parses that file instead, with
 * the same result. Only `astro build` is changed: the dev server keeps Astro's module, which it
 * reloads when the store changes.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's id of the module, as its resolver names it (a virtual module: `\0` first). */
const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';
/** The name of the store in Astro's cache folder. */
const DATA_STORE_FILE = 'data-store.json';
/**
 * What Astro marks its own module with, so that the store's contents (here: its path, which
 * names the archive folder) are no part of any route's module graph in its incremental build.
 */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

export function contentStoreFile(): AstroIntegration {
  return {
    name: 'content-store-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-store-file',
                enforce: 'pre',
                // Astro's own plugin loads the module first (it is ordered before any of a
                // project's), so its code is replaced here, as it leaves that plugin.
                transform(_code: string, id: string) {
                  if (id !== RESOLVED_DATA_STORE_ID) return null;
                  return {
                    // Without a store (no content synced) Astro's module is an empty one too.
                    code: `import { existsSync, readFileSync } from 'node:fs';\nconst file = ${JSON.stringify(file)};\nexport default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();\n`,
                    map: { mappings: '' },
                    meta: CONTENT_DATA_META,
                  };
                },
              },
            ],
          },
        });
      },
    },
  };
}
