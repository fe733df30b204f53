/**
 * The one build command: ingest a folder of raw files, render the site with Astro, index it
 * with Pagefind. `npm run build -- --input DIR` builds an archivist's own folder.
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import path from 'node:path';
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

const timings: [string, number][] = [];
try {
  timings.push(['ingest', await run(node, ingestArgs, { env, label: 'ingest' })]);
  timings.push(['astro build', await run(node, ['node_modules/astro/bin/astro.mjs', 'build'], { env, label: 'astro build' })]);
  timings.push(['search index', await run(node, ['scripts/index-search.ts'], { env, label: 'search index' })]);
} catch (error) {
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
console.log(timings.map(([stage, ms]) => `${stage}: ${(ms / 1000).toFixed(1)} s`).join(' · '));
