/**
 * The one build command over src/build/: `npm run build -- --input DIR` builds an archivist's
 * own folder, again only where something changed. This file reads the options and prints.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildFiles } from '../src/build/archive-files.ts';
import { build } from '../src/build/build.ts';
import { astroPages } from '../src/build/site-output.ts';
import { archiveDir } from '../src/config/archive.ts';
import { BuildOutput } from './lib/build-output.ts';
import { errorMessage } from '../src/lib/errors.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    dist: { type: 'string' },
    clean: { type: 'boolean' },
    wait: { type: 'boolean' },
    'hash-all': { type: 'boolean' },
    'verify-site': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean', short: 'v' },
    'progress-every': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run build -- [--input DIR] [--out DIR] [--dist DIR] [--clean] [--wait] [--hash-all] [--verify-site]

  --input DIR  folder of raw article files (*.txt, recursive); default: content/raw
  --out DIR    archive folder the ingest writes (entries, raw copies, report); default: content/archive
  --dist DIR   where the static site is written; default: dist
  --clean      ignore every cache (ingest results, Astro's content store and restored pages,
               search pages) and build everything again
  --wait       when another build is running on the same archive folder, wait for it to finish
               (without it, this build stops at once and names the other build's process)
  --hash-all   read and hash every input file; without it, a file whose size, times and inode
               are as when it was last hashed is taken as unchanged
  --verify-site  check every file of the site folder against the last build and replace each
               one changed since; without it, only the folders changed since are read, which
               finds files added, deleted or renamed there, not a file edited in place
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
// The last build's page count: this one's expected total, for the progress line.
const pagesBefore = astroPages(buildFiles(values.out ? path.resolve(values.out) : archiveDir).astroCache).size;
const output = new BuildOutput({ quiet: values.quiet ?? false, verbose: values.verbose ?? false, everyMs: everyS * 1000, pagesBefore });

try {
  const timings = await build({ ...values, hashAll: values['hash-all'], verifySite: values['verify-site'], stageOutput: (label) => output.stage(label) });
  output.stop();
  console.log(output.summary());
  console.log(timings.map(([stage, ms]) => `${stage}: ${(ms / 1000).toFixed(1)} s`).join(' · '));
} catch (error) {
  output.stop();
  console.error(`build: ${errorMessage(error)}`);
  process.exit(1);
}
