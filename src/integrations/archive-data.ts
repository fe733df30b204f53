import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { readArticle, toRecord, type ArticleRecord } from '../lib/article-record.ts';
import { entryIds } from '../lib/record-loader.ts';
import { buildArchiveIndex } from '../lib/archive-model.ts';
import { documentTopic } from '../lib/document-topics.ts';
import { joinBase, routes } from '../lib/urls.ts';
import { parseTaxonomy, TOPICS_FILE } from '../schemas/topic.ts';
import { archiveWork } from '../cite/archive-work.ts';
import { citationFiles } from '../cite/export-paths.ts';
import { CITATION_FORMATS } from '../cite/formats.ts';
import type { CitableWork } from '../cite/work.ts';
import { csvHeader, csvRow } from '../dataset/csv.ts';
import { articleJsonSchema } from '../dataset/schema.ts';

/**
 * Writes what researchers take away, in one pass over the entry files after the pages: the
 * dump (`articles.jsonl.gz`, every entry whole, one a line, in id order), its JSON Schema,
 * the metadata CSV, and the BibTeX, RIS and CSL-JSON files of every article and cited
 * listing page. As Astro endpoints the citation files cost 2 ms each to render or restore
 * (+8.1 s on a clean build of 1,000 files, +2.3 s on an unchanged one); here they cost the
 * read the dump needs anyway and a write each.
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
        const records: ArticleRecord[] = [];
        const works = new Map<string, CitableWork>();
        mkdirSync(path.join(out, path.dirname(routes.dataDump())), { recursive: true });
        // Level 9 and zlib's own header (no file name, mtime 0): the same entries give the same bytes.
        const gzip = createGzip({ level: constants.Z_BEST_COMPRESSION });
        const dumpDone = finished(gzip.pipe(createWriteStream(path.join(out, routes.dataDump()))));
        let csv = csvHeader();
        for (const id of entryIds(articlesDir)) {
          const article = readArticle(articlesDir, id);
          records.push(toRecord(article));
          works.set(id, archiveWork(article, absolute));
          csv += csvRow(article);
          if (!gzip.write(`${JSON.stringify(article)}\n`)) await once(gzip, 'drain');
        }
        gzip.end();
        await dumpDone;
        writeFileSync(path.join(out, routes.dataCsv()), csv);
        writeFileSync(path.join(out, routes.dataSchema()), articleJsonSchema());

        const curated = parseTaxonomy(readFileSync(TOPICS_FILE, 'utf8')).map(({ slug, kind, labels, description }) => ({ slug, kind, labels, description }));
        const index = buildArchiveIndex(records, curated, documentTopic);
        const files = citationFiles(index);
        const made = new Set<string>();
        for (const file of files) {
          const folder = path.dirname(path.join(out, file.path));
          if (!made.has(folder)) {
            mkdirSync(folder, { recursive: true });
            made.add(folder);
          }
          const cited = file.ids.map((id) => works.get(id) as CitableWork);
          for (const format of CITATION_FORMATS) writeFileSync(path.join(out, `${file.path}.${format.extension}`), format.serialize(cited));
        }
        logger.info(`${records.length} entries in the dump, ${files.length * CITATION_FORMATS.length} citation files, in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
