/**
 * The one build command: ingest a folder of raw files, then render the site with Astro while
 * the data files (scripts/publish-data.ts) and the Pagefind index (scripts/index-search.ts)
 * are written beside it. `npm run build -- --input DIR` builds an archivist's own folder.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { archiveDir, distDir } from '../src/config/archive.ts';
import { archivePaths } from '../src/config/archive-paths.ts';
import { isPublishedRawCopy } from '../src/dataset/raw-copies.ts';
import { isCitationFileOfEntry } from '../src/dataset/data-pass.ts';
import { astroPages, emptyOutput, finishOutput, prepareOutput } from './lib/site-output.ts';
import { run } from './lib/run.ts';
import { BuildOutput } from './lib/build-output.ts';
import { BESIDE_ASTRO_NICENESS, searchBesideAstro, sideBySideBudget } from './lib/stages.ts';
import { LANGS } from '../src/schemas/article.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    dist: { type: 'string' },
    clean: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean', short: 'v' },
    'progress-every': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run build -- [--input DIR] [--out DIR] [--dist DIR] [--clean]

  --input DIR  folder of raw article files (*.txt, recursive); default: content/raw
  --out DIR    archive folder the ingest writes (entries, raw copies, report); default: content/archive
  --dist DIR   where the static site is written; default: dist
  --clean      ignore every cache (ingest results, Astro's content store and restored pages,
               search pages) and build everything again
  --quiet, -q  print only errors and the final summary
  --verbose, -v  also print Astro's line for every page
  --progress-every S  without a terminal (CI), print where each stage is every S seconds;
               default 10 (in a terminal the progress lines are redrawn in place)`);
  process.exit(0);
}

const everyS = values['progress-every'] === undefined ? 10 : Number(values['progress-every']);
if (!(everyS > 0)) {
  console.error(`build: --progress-every must be a positive number of seconds, not "${values['progress-every']}"`);
  process.exit(1);
}
const env: NodeJS.ProcessEnv = { ...process.env };
if (values.out) env.ARCHIVE_DIR = path.resolve(values.out);
if (values.dist) env.DIST_DIR = path.resolve(values.dist);
// The default heap makes the garbage collector thrash on large archives (2.5x slower at
// 30,000 entries); give Astro most of the machine, capped where more stops helping.
const heapMb = Math.min(16384, Math.floor((os.totalmem() / 2 ** 20) * 0.7));
env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--max-old-space-size=${heapMb}`].filter(Boolean).join(' ');

// The caches a build keeps, all inside the archive folder: the ingest's results and the search
// pages (.cache/), Astro's content store and the pages it restores (.astro-cache/).
const archive = values.out ? path.resolve(values.out) : archiveDir;
const dist = values.dist ? path.resolve(values.dist) : distDir;
const astroCache = path.join(archive, '.astro-cache');
const caches = [path.join(archive, '.cache'), astroCache];
// The last build's page count: this one's expected total, for the progress line.
const pagesBefore = astroPages(astroCache).size;
// What this archive's last build left in the site folder (scripts/lib/site-output.ts).
const outputRecord = path.join(archive, '.cache', 'site-output.json');
// Written before the first stage and removed after the last: a build that was killed leaves it,
// and its caches may then hold pages newer than their record (Astro writes a restored page's
// copy as it renders and its record only at the end), so the next build starts clean.
const marker = path.join(archive, '.build-incomplete');
let clean = values.clean ?? false;
if (!clean && existsSync(marker)) {
  console.log(`build: the last build in ${archive} did not finish; building clean`);
  clean = true;
}
if (clean) {
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
  // Astro does not empty the site folder (astro.config.mjs): a clean build does.
  emptyOutput(dist);
}

const node = process.execPath;
const output = new BuildOutput({ quiet: values.quiet ?? false, verbose: values.verbose ?? false, everyMs: everyS * 1000, pagesBefore });
const ingestArgs = ['scripts/ingest.ts'];
if (values.input) ingestArgs.push('--input', values.input);
if (values.out) ingestArgs.push('--out', values.out);
const astroArgs = ['node_modules/astro/bin/astro.mjs', 'build'];
if (clean) astroArgs.push('--force');

const timings: [string, number][] = [];
try {
  // The ingest survives being killed on its own (tests/unit/ingest-faults.test.ts); the marker
  // guards the stages after it.
  timings.push(['ingest', await run(node, ingestArgs, { env, label: 'ingest', ...output.stage('ingest') })]);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  // Time spent keeping the site folder in step (scripts/lib/site-output.ts).
  let siteFolderMs = 0;
  const timed = <T>(step: () => T): T => {
    const started = performance.now();
    const result = step();
    siteFolderMs += performance.now() - started;
    return result;
  };
  const kept = timed(() => prepareOutput(dist, outputRecord));
  const searchArgs = ['scripts/index-search.ts'];
  const articlesDir = path.join(archive, archivePaths.articles);
  const entriesPerLang = LANGS.map((lang) => (existsSync(path.join(articlesDir, lang)) ? readdirSync(path.join(articlesDir, lang)).length : 0));
  const searchBeside = searchBesideAstro(entriesPerLang, sideBySideBudget(os.totalmem()));
  // The stages beside Astro need only the entries and raw files, never its pages; at a lower
  // priority they take the time Astro leaves idle instead of slowing it.
  const stop = new AbortController();
  const stage = (args: string[], label: string, niceness?: number) =>
    run(node, args, { env, label, signal: stop.signal, ...output.stage(label), ...(niceness !== undefined ? { niceness } : {}) }).catch((error: unknown) => {
      stop.abort();
      throw error;
    });
  const [astroMs, dataMs, searchMs] = await Promise.all([
    stage(astroArgs, 'astro build'),
    stage(['scripts/publish-data.ts'], 'data', BESIDE_ASTRO_NICENESS),
    searchBeside ? stage(searchArgs, 'search index', BESIDE_ASTRO_NICENESS) : undefined,
  ]);
  timings.push(['astro build', astroMs], ['data (beside it)', dataMs]);
  if (searchMs !== undefined) timings.push(['search index (beside it)', searchMs]);
  else timings.push(['search index', await run(node, searchArgs, { env, label: 'search index', ...output.stage('search index') })]);
  // What a build keeps without writing it again: the pages Astro skipped, the search bundles
  // (the search stage checked them), the raw copies whose source the archive still holds, the
  // citation files of the entries it still holds (src/dataset/data-pass.ts).
  timed(() => {
    const pages = astroPages(astroCache);
    const rawDir = path.join(archive, archivePaths.raw);
    finishOutput(
      dist,
      outputRecord,
      kept,
      (file) => pages.has(file) || file.startsWith('pagefind/') || isPublishedRawCopy(rawDir, file) || isCitationFileOfEntry(articlesDir, file),
    );
  });
  timings.push(['site folder', siteFolderMs]);
} catch (error) {
  output.stop();
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
output.stop();
rmSync(marker);
console.log(output.summary());
console.log(timings.map(([stage, ms]) => `${stage}: ${(ms / 1000).toFixed(1)} s`).join(' · '));
