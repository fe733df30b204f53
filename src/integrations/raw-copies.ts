import { cp, access } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/** Where the raw copies are published in the site (src/lib/urls.ts links `raw/<sha256>.txt`). */
export const RAW_SITE_FOLDER = 'raw';

/**
 * Whether `file` (relative to the site folder, `/`-separated) is the published copy of a raw
 * file the archive still holds in `sourceDir`: the copies the integration below leaves in place.
 */
export function isPublishedRawCopy(sourceDir: string, file: string): boolean {
  return file.startsWith(`${RAW_SITE_FOLDER}/`) && existsSync(path.join(sourceDir, file.slice(RAW_SITE_FOLDER.length + 1)));
}

/**
 * Publishes the untouched raw files the ingest preserved (`<sha256>.txt`) under `/raw/`.
 * They are copied byte for byte after the build instead of going through `public/`, so the
 * generated copies stay out of the repo and out of Vite's asset pipeline. A copy already in
 * the site is left alone: its name is the hash of its bytes, and scripts/build.ts keeps only
 * files that are exactly as the last build left them (scripts/lib/site-output.ts), so copying
 * it again (10,000 files, 8 s on every update) would write the same bytes.
 */
export function rawCopies(sourceDir: string): AstroIntegration {
  return {
    name: 'archive:raw-copies',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        try {
          await access(sourceDir);
        } catch {
          logger.warn(`no preserved raw files at ${sourceDir}: run the ingest first`);
          return;
        }
        await cp(sourceDir, path.join(fileURLToPath(dir), RAW_SITE_FOLDER), { recursive: true, force: false });
      },
    },
  };
}
