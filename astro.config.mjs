// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { distDir, archiveDir, articleRecordsDir } from './src/config/archive.ts';
import { basePath as base, siteUrl as site } from './src/config/site.ts';
import { incrementalPages } from './src/integrations/incremental-pages.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { contentStoreFile } from './src/integrations/content-store-file.ts';
import { buildFiles } from './src/build/archive-files.ts';

export default defineConfig({
  site,
  base,
  output: 'static',
  outDir: distDir,
  // One content-layer cache per archive folder, so builds of different archives (tests,
  // benchmarks, a user's own folder) never read each other's stale entries.
  cacheDir: buildFiles(archiveDir).astroCache,
  trailingSlash: 'always',
  // No inline <style> or <script>: the CSP allows only files from our own origin.
  // Sixteen pages at a time: a page's render is short and its writes (the page, Astro's cached
  // copy, their folders) are not, so one at a time left the process waiting on the disk for a
  // third of a build (docs/performance.md). Astro keeps its incremental cache at any concurrency.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 16 },
  // The output folder is not emptied: the build removes what the last build left and this one
  // does not make (src/build/site-output.ts), so an unchanged page stays in place
  // instead of being copied back from Astro's cache.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  // Pages whose getStaticPaths() cache key and module graph are unchanged are restored from the
  // previous build (src/lib/cache-key.ts); `npm run build -- --clean` ignores that cache.
  experimental: { incrementalBuild: true },
  integrations: [
    mdx(),
    // Hands Astro only the pages whose data changed, and writes the sitemap of all of them.
    incrementalPages({ recordsDir: articleRecordsDir }),
    securityHeaders(),
    // The pages read the content store from its file instead of compiling it as a module.
    contentStoreFile(),
  ],
});
