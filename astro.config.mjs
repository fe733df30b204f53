// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { distDir, rawCopiesDir, archiveDir } from './src/config/archive.ts';
import { rawCopies } from './src/integrations/raw-copies.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import path from 'node:path';

// The public address and sub-path are deployment facts, not code: set SITE_URL and BASE_PATH
// when building for a real host (e.g. a GitHub Pages project site under /archive/).
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  outDir: distDir,
  // One content-layer cache per archive folder, so builds of different archives (tests,
  // benchmarks, a user's own folder) never read each other's stale entries.
  cacheDir: path.join(archiveDir, '.astro-cache'),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), rawCopies(rawCopiesDir), securityHeaders()],
});
