import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';

/** Where the raw copies are published in the site (src/lib/urls.ts links `raw/<sha256>.txt`). */
export const RAW_SITE_FOLDER = 'raw';

/**
 * Whether `file` (relative to the site folder, `/`-separated) is the published copy of a raw
 * file the archive still holds in `sourceDir`: the copies `publishRawCopies` leaves in place.
 * `exists` tells whether a file exists (a caller asking of every copy passes one that reads
 * each folder once).
 */
export function isPublishedRawCopy(sourceDir: string, file: string, exists: (file: string) => boolean = existsSync): boolean {
  return file.startsWith(`${RAW_SITE_FOLDER}/`) && exists(path.join(sourceDir, file.slice(RAW_SITE_FOLDER.length + 1)));
}

/**
 * Publishes the untouched raw files the ingest preserved (`<sha256>.txt`) under `raw/` in the
 * site, byte for byte, so the generated copies stay out of the repo and out of Vite's asset
 * pipeline. A copy already in the site is left alone: its name is the hash of its bytes, and
 * the build keeps only files exactly as the last build left them (src/build/site-output.ts),
 * so copying it again (10,000 files, 8 s on every update) would write the same bytes. False
 * when the archive holds no raw files.
 */
export function publishRawCopies(sourceDir: string, siteDir: string): boolean {
  if (!existsSync(sourceDir)) return false;
  cpSync(sourceDir, path.join(siteDir, RAW_SITE_FOLDER), { recursive: true, force: false });
  return true;
}
