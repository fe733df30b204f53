/**
 * The build's data stage, run beside `astro build` (scripts/build.ts): the archive as data
 * (src/dataset/data-pass.ts: the dump, its schema, the CSV and every article's citation
 * files) and the preserved raw files, written into the site folder. It needs the entries and
 * the raw files, nothing Astro renders. As Astro endpoints the citation files cost 2 ms each
 * to render or restore; here they cost a write each where they change, and unchanged entries
 * come from the cache in `<archive>/.cache/data/` (emptied by `npm run build -- --clean`).
 */
import path from 'node:path';
import { archiveDir, articlesDir, distDir, rawCopiesDir } from '../src/config/archive.ts';
import { basePath, siteUrl } from '../src/config/site.ts';
import { CITATION_FORMATS } from '../src/cite/formats.ts';
import { isoDateFromEpoch } from '../src/cite/work.ts';
import { RAW_RECORD, writeArchiveData } from '../src/dataset/data-pass.ts';
import { publishRawCopies } from '../src/dataset/raw-copies.ts';
import { codeHash, moduleGraph } from '../src/ingest/run/code-hash.ts';
import { cacheKey } from '../src/lib/cache-key.ts';
import { joinBase } from '../src/lib/urls.ts';
import { errorMessage } from '../src/lib/errors.ts';
import { archivePaths } from '../src/config/archive-paths.ts';
import { SITE_INTACT } from '../src/build/render-skip.ts';
import { stageReporter } from './lib/stage-progress.ts';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

try {
  const started = performance.now();
  // The output depends on the entries, on this code and what it imports, and on the site's
  // address and the access date the citations print.
  const code = codeHash(root, [...moduleGraph([path.join(src, 'cite'), path.join(src, 'dataset')]), import.meta.filename]);
  const codeKey = cacheKey(code, siteUrl, basePath, isoDateFromEpoch(process.env.SOURCE_DATE_EPOCH) ?? null);
  const absolute = (sitePath: string): string => new URL(joinBase(basePath, sitePath), siteUrl).href;
  // For `npm run build`'s progress line (scripts/lib/stage-progress.ts).
  const report = stageReporter();
  // Set by the build (src/build/build.ts) when the site folder is as the last build left it.
  const siteIntact = process.env[SITE_INTACT] === '1';
  const cacheDir = path.join(archiveDir, archivePaths.dataCache);
  const result = writeArchiveData({
    articlesDir,
    out: distDir,
    cacheDir,
    absolute,
    codeKey,
    siteIntact,
    onProgress: ({ done, total, rebuilt, written }) => report({ done, total, unit: 'dump members', detail: `${rebuilt} rebuilt, ${written} citation files written` }),
  });
  const raw = publishRawCopies(rawCopiesDir, distDir, { recordFile: path.join(cacheDir, RAW_RECORD), siteIntact });
  console.log(
    `data: ${result.entries} entries in the dump and ${result.entries * CITATION_FORMATS.length} citation files (${result.written} written); ${result.rebuilt} of ${result.members} members rebuilt, ${result.read} entries read; ${raw ? 'raw files published' : `no preserved raw files at ${rawCopiesDir}: run the ingest first`}, in ${Math.round(performance.now() - started)} ms`,
  );
} catch (error) {
  console.error(`data: ${errorMessage(error)}`);
  process.exit(1);
}
