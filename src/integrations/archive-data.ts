import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { readArticle } from '../lib/article-record.ts';
import { entryIds } from '../lib/record-loader.ts';
import { joinBase, routes } from '../lib/urls.ts';
import { archiveWork } from '../cite/archive-work.ts';
import { CITATION_FORMATS } from '../cite/formats.ts';
import { csvHeader, csvRow } from '../dataset/csv.ts';
import { articleJsonSchema } from '../dataset/schema.ts';

/**
 * Writes what researchers take away, in one pass over the entry files after the pages: the
 * dump (`articles.jsonl.gz`, every entry whole, one a line, in id order), its JSON Schema,
 * the metadata CSV, and the BibTeX, RIS and CSL-JSON files of every article, beside its
 * page. A listing page joins its articles' files in the browser (src/cite/combine.ts), so an
 * article's citations are stored once, not again on each of its listings. As Astro endpoints
 * the citation files cost 2 ms each to render or restore (+8.1 s on a clean build of 1,000
 * files, +2.3 s on an unchanged one); here they cost the read the dump needs anyway and a
 * write each.
 */
export function archiveData(articlesDir: string): AstroIntegration {
  let absolute: (sitePath: string) => string = () => {
    throw new Error('archive data: astro:config:done did not run');
  };
  return {
    name: 'archive:data',
    hooks: {
      'astro:config:done': ({ config }) => {
        const { site, base } = config;
        absolute = (sitePath) => {
          if (!site) throw new Error('SITE_URL is not configured: absolute URLs need astro.config `site`');
          return new URL(joinBase(base, sitePath), site).href;
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        let count = 0;
        const folders = new Set<string>();
        mkdirSync(path.join(out, path.dirname(routes.dataDump())), { recursive: true });
        // Level 9 and zlib's own header (no file name, mtime 0): the same entries give the same bytes.
        const gzip = createGzip({ level: constants.Z_BEST_COMPRESSION });
        const dumpDone = finished(gzip.pipe(createWriteStream(path.join(out, routes.dataDump()))));
        let csv = csvHeader();
        for (const id of entryIds(articlesDir)) {
          const article = readArticle(articlesDir, id);
          count++;
          csv += csvRow(article);
          const base = path.join(out, routes.articleCitations(id));
          const folder = path.dirname(base);
          if (!folders.has(folder)) {
            mkdirSync(folder, { recursive: true });
            folders.add(folder);
          }
          const work = [archiveWork(article, absolute)];
          for (const format of CITATION_FORMATS) writeFileSync(`${base}.${format.extension}`, format.serialize(work));
          if (!gzip.write(`${JSON.stringify(article)}\n`)) await once(gzip, 'drain');
        }
        gzip.end();
        await dumpDone;
        writeFileSync(path.join(out, routes.dataCsv()), csv);
        writeFileSync(path.join(out, routes.dataSchema()), articleJsonSchema());
        logger.info(`${count} entries in the dump, ${count * CITATION_FORMATS.length} citation files, in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
