/**
 * Fuzzes the ingest: generates bad raw files from the samples and from nothing (seeded, so a
 * run can be repeated), runs the real ingest CLI over them once, and checks that every file
 * is accounted for, nothing crashed or hung, every entry validates and nothing was written
 * outside the output folder. Then times each file through the pure pipeline under a per-file
 * bound, to name the slowest. With --build, the archive the ingest wrote then goes through
 * `astro build` and the search index, and every kept file must have its page.
 *
 *   npm run fuzz -- --files 3000 [--seed 1] [--dir .cache/fuzz] [--save-crashers] [--build]
 */
import { parseArgs } from 'node:util';
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCorpus, type FuzzCase, type Sample } from './fuzz/corpus.ts';
import { checkBuild } from './fuzz/build-check.ts';
import { fuzzIngest } from './fuzz/harness.ts';
import { tally } from './fuzz/verdict.ts';
import { timeEachFile, type Timing } from './fuzz/timing.ts';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: '.cache/fuzz' },
    samples: { type: 'string', default: 'content/raw' },
    'long-line-bytes': { type: 'string', default: String(5 * 2 ** 20) },
    'per-file-ms': { type: 'string', default: '5000' },
    'save-crashers': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'skip-timing': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run fuzz -- [--files N] [--seed N] [--dir DIR] [--samples DIR] [--long-line-bytes N] [--per-file-ms N] [--save-crashers] [--build] [--skip-timing]

  Exits non-zero if any file crashed, hung, went unreported or was written outside the output folder.
  --save-crashers copies offending inputs to tests/fixtures/ingest-crashers/.
  --build          also runs astro build and the search index over the ingested corpus, and
                   checks that every kept file has its page (and every publisher and language
                   theirs); the site goes to <dir>/seed-S-files-N/dist.
  --skip-timing    leaves out the per-file timing pass (the whole-run checks still apply).`);
  process.exit(0);
}

const positive = (name: string, value: string): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    console.error(`fuzz: --${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return number;
};

const count = positive('files', values.files);
const seed = positive('seed', values.seed);
const perFileMs = positive('per-file-ms', values['per-file-ms']);
const sandbox = path.resolve(values.dir, `seed-${seed}-files-${count}`);
const inputDir = path.join(sandbox, 'input');

const sampleDir = path.resolve(values.samples);
const sampleNames = (await readdir(sampleDir)).filter((name) => name.endsWith('.txt')).sort();
if (sampleNames.length === 0) {
  console.error(`fuzz: no *.txt samples in ${sampleDir}`);
  process.exit(2);
}
const samples: Sample[] = await Promise.all(
  sampleNames.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(sampleDir, name))) })),
);

const cases = generateCorpus({ seed, count, samples, longLineBytes: positive('long-line-bytes', values['long-line-bytes']) });
console.log(`fuzz: ${cases.length} files (seed ${seed}) in ${inputDir}`);
// The whole run may take the per-file bound for every file, plus start-up.
const { run, records, problems, offending: reported } = await fuzzIngest(cases, sandbox, 60_000 + perFileMs * cases.length);
const offending = new Set(reported);

const byPath = new Map<string, FuzzCase>(cases.map((c) => [c.path, c]));
const timing: Timing = values['skip-timing'] ? { crashed: [], failures: [], hangs: 0 } : await timeEachFile(cases, perFileMs);
// A crash is the process dying, or a file whose processing threw (even if the CLI caught it);
// the CLI run and the timing pass usually see the same file throw, so files are counted once.
const threw = new Set([...records.filter((record) => record.reason?.startsWith('error:')).map((record) => record.file), ...timing.crashed]);
const crashes = (run.code === 0 || run.timedOut ? 0 : 1) + threw.size;
for (const failure of timing.failures) {
  offending.add(failure.path);
  problems.push(`${JSON.stringify(failure.path)} (${byPath.get(failure.path)?.kind}): ${failure.error}`);
}

const t = tally(records);
console.log(`files tried: ${cases.length} (reported: ${t.tried})`);
console.log(`kept: ${t.kept}  skipped: ${t.skipped}  duplicate: ${t.duplicate}`);
console.log(`crashes: ${crashes}  hangs: ${timing.hangs + (run.timedOut ? 1 : 0)}  problems: ${problems.length}`);
console.log(`whole ingest run: ${(run.ms / 1000).toFixed(1)} s`);
if (timing.slowest) {
  const kind = byPath.get(timing.slowest.path)?.kind;
  console.log(`slowest file: ${JSON.stringify(timing.slowest.path)} (${kind}, ${cases.find((c) => c.path === timing.slowest?.path)?.bytes.length} bytes) ${timing.slowest.overBound ? 'over ' : ''}${timing.slowest.ms.toFixed(0)} ms`);
}
for (const problem of problems.slice(0, 50)) console.log(`  ✗ ${problem}`);
if (problems.length > 50) console.log(`  … and ${problems.length - 50} more`);

let buildFailed = false;
if (values.build) {
  const build = await checkBuild(path.join(sandbox, 'work', 'out'), path.join(sandbox, 'dist'), records, 30 * 60_000);
  buildFailed = build.problems.length > 0;
  console.log(`whole build: ${build.stages.map((stage) => `${stage.stage} ${(stage.ms / 1000).toFixed(1)} s`).join(' · ')}`);
  console.log(`pages checked: ${build.articles} articles, ${build.publishers} publishers  build problems: ${build.problems.length}`);
  for (const problem of build.problems.slice(0, 50)) console.log(`  ✗ ${problem}`);
}

if (values['save-crashers'] && offending.size > 0) {
  const crashersDir = path.resolve('tests/fixtures/ingest-crashers');
  await mkdir(crashersDir, { recursive: true });
  for (const file of offending) {
    const fuzzCase = byPath.get(file);
    const name = `seed-${seed}-${(fuzzCase?.kind ?? 'unknown')}-${file.replace(/[^A-Za-z0-9._-]+/g, '_')}`.slice(0, 200);
    await cp(path.join(inputDir, ...file.split('/')), path.join(crashersDir, name));
  }
  console.log(`saved ${offending.size} offending input(s) to ${crashersDir}`);
}

process.exit(problems.length === 0 && crashes === 0 && !buildFailed ? 0 : 1);
