/**
 * The one build command: ingest a folder of raw files, then render the site with Astro and
 * index the entries with Pagefind side by side, and put the index into the site.
 * `npm run build -- --input DIR` builds an archivist's own folder.
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { archiveDir, distDir } from '../src/config/archive.ts';
import { buildSearchIndex, writeSearchIndex } from './index-search.ts';
import { run } from './lib/run.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    dist: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run build -- [--input DIR] [--out DIR] [--dist DIR]

  --input DIR  folder of raw article files (*.txt, recursive); default: content/raw
  --out DIR    archive folder the ingest writes (entries, raw copies, report); default: content/archive
  --dist DIR   where the static site is written; default: dist`);
  process.exit(0);
}

const env: NodeJS.ProcessEnv = { ...process.env };
if (values.out) env.ARCHIVE_DIR = path.resolve(values.out);
if (values.dist) env.DIST_DIR = path.resolve(values.dist);
// The default heap makes the garbage collector thrash on large archives (2.5x slower at
// 30,000 entries); give Astro most of the machine, capped where more stops helping.
const heapMb = Math.min(16384, Math.floor((os.totalmem() / 2 ** 20) * 0.7));
env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--max-old-space-size=${heapMb}`].filter(Boolean).join(' ');

const node = process.execPath;
const ingestArgs = ['scripts/ingest.ts'];
if (values.input) ingestArgs.push('--input', values.input);
if (values.out) ingestArgs.push('--out', values.out);

const outDir = values.out ? path.resolve(values.out) : archiveDir;
const siteDir = values.dist ? path.resolve(values.dist) : distDir;
const since = (started: number): number => performance.now() - started;
const timings: [string, number][] = [];
try {
  timings.push(['ingest', await run(node, ingestArgs, { env, label: 'ingest' })]);
  // Pagefind reads the entries, not the pages, so it works while Astro renders; Astro empties
  // the site folder when it starts, so the index is written into it only once both are done.
  const started = performance.now();
  // Both are awaited even when one fails, so neither is left running behind the message.
  const [astro, search] = await Promise.allSettled([
    run(node, ['node_modules/astro/bin/astro.mjs', 'build'], { env, label: 'astro build' }),
    buildSearchIndex(path.join(outDir, 'articles'), path.join(outDir, '.cache', 'search-pages')).then((index) => ({ index, ms: since(started) })),
  ]);
  const failures = [astro, search].flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as Error).message] : []));
  if (astro.status === 'rejected' || search.status === 'rejected') throw new Error(failures.join('; '));
  timings.push(['astro build', astro.value], ['search index (alongside)', search.value.ms]);
  await writeSearchIndex(search.value.index, siteDir);
  timings.push(['astro build + search index', since(started)]);
} catch (error) {
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
console.log(timings.map(([stage, ms]) => `${stage}: ${(ms / 1000).toFixed(1)} s`).join(' · '));
