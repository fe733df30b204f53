import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { archiveDir } from '../config/archive.ts';
import { joinBase } from '../lib/urls.ts';
import { cacheKey } from '../lib/cache-key.ts';
import { codeHash, moduleGraph } from '../ingest/run/code-hash.ts';
import { isoDateFromEpoch } from '../cite/work.ts';
import { CITATION_FORMATS } from '../cite/formats.ts';
import { writeArchiveData } from '../dataset/data-pass.ts';

const srcDir = path.resolve(import.meta.dirname, '..');

/**
 * Publishes the archive as data after the pages (src/dataset/data-pass.ts): the dump, its
 * schema, the CSV and every article's citation files. As Astro endpoints the citation files
 * cost 2 ms each to render or restore (+8.1 s on a clean build of 1,000 files, +2.3 s on an
 * unchanged one); here they cost a write each where they change, and unchanged entries come
 * from the cache in `<archive>/.cache/data/` (emptied by `npm run build -- --clean`).
 */
export function archiveData(articlesDir: string): AstroIntegration {
  let absolute: (sitePath: string) => string = () => {
    throw new Error('archive data: astro:config:done did not run');
  };
  let site = '';
  let base = '';
  return {
    name: 'archive:data',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = config.base;
        absolute = (sitePath) => {
          if (!config.site) throw new Error('SITE_URL is not configured: absolute URLs need astro.config `site`');
          return new URL(joinBase(base, sitePath), config.site).href;
        };
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        // The output depends on the entries, on this code and what it imports, and on the
        // site's address and the access date the citations print.
        const code = codeHash(srcDir, moduleGraph([path.join(srcDir, 'cite'), path.join(srcDir, 'dataset'), path.join(srcDir, 'integrations')]));
        const codeKey = cacheKey(code, site, base, isoDateFromEpoch(process.env.SOURCE_DATE_EPOCH) ?? null);
        const result = writeArchiveData({ articlesDir, out: fileURLToPath(dir), cacheDir: path.join(archiveDir, '.cache', 'data'), absolute, codeKey });
        logger.info(
          `${result.entries} entries in the dump and ${result.entries * CITATION_FORMATS.length} citation files (${result.written} written); ${result.rebuilt} of ${result.members} members rebuilt, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
