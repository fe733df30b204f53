import { cp, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * Publishes the untouched raw files the ingest preserved (`<sha256>.txt`) under `/raw/`.
 * They are copied byte for byte after the build instead of going through `public/`, so the
 * generated copies stay out of the repo and out of Vite's asset pipeline.
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
        await cp(sourceDir, path.join(fileURLToPath(dir), 'raw'), { recursive: true });
      },
    },
  };
}
