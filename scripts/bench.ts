/**
 * `npm run bench -- --articles N [--seed S]`: times every stage of the build on a generated
 * corpus and records wall time, peak memory of each stage's whole process tree, and what the
 * built site weighs. Results go to bench-results/bench-<N>.json (not committed).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseGnuTime, sampleTree } from './bench/proc.ts';
import { loggedPages, unvisitedPages } from '../src/build/astro-log.ts';
import { CHROMIUM_PATH } from './lib/chromium.ts';
import { run } from '../src/build/run.ts';
import { checkTargets, formatBytes, formatResult, REFERENCE_QUERY, SEARCH_QUERIES, STAGES, type BenchResult, type SearchStep, type StageResult } from './bench/report.ts';
import { changeOneFile, linkCorpus, updateCorpus } from './bench/update.ts';
import { RACY_MS } from '../src/ingest/run/store.ts';
import { coldQueries, pageAssets, staticImports } from './bench/weight.ts';
import { errorMessage } from '../src/lib/errors.ts';
import { BUNDLES_FILE } from '../src/search/bundles.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'e2e-only': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: npm run bench -- [--articles N] [--seed S] [--e2e-only]

  Generates (or reuses) .cache/bench/corpus-<N>-<S>/, then times: ingest cold, ingest with
  nothing changed, astro build, Pagefind indexing, scripts/build.ts end to end, an update
  (scripts/build.ts again after 1 % new files, 0.1 % changed and 0.1 % removed), a build with
  nothing changed and one with one file changed, then the search page of the updated site in
  Chromium (${SEARCH_QUERIES.join(', ')}, then a cold ${REFERENCE_QUERY}, then
  ${SEARCH_QUERIES.join(', ')} on a throttled network and CPU; npm run measure-search).
  --e2e-only skips the four stages run alone (at 100,000 files they take an hour).
  Writes bench-results/bench-<N>.json.`);
  process.exit(0);
}
const articles = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(seed)) {
  console.error(`bench: --articles must be a positive integer and --seed an integer (got "${values.articles}", "${values.seed}")`);
  process.exit(1);
}

// Checked first: the search is measured last, after what can be an hour of building.
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`bench: no Chromium at ${CHROMIUM_PATH} to measure the search page (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}

const root = process.cwd();
const node = process.execPath;
const cacheDir = path.join(root, '.cache/bench');
const corpusDir = path.join(cacheDir, `corpus-${articles}-${seed}`);
const runDir = path.join(cacheDir, `run-${articles}`);
const logDir = path.join(runDir, 'logs');
const stageArchive = path.join(runDir, 'archive');
const stageDist = path.join(runDir, 'dist');
const e2eArchive = path.join(runDir, 'e2e-archive');
const e2eDist = path.join(runDir, 'e2e-dist');
const updateInput = path.join(runDir, 'update-input');
const resultsDir = path.join(root, 'bench-results');
// Same heap as scripts/build.ts gives every stage, so the stages add up to the end-to-end run.
const heapMb = Math.min(16384, Math.floor((os.totalmem() / 2 ** 20) * 0.7));
const hasGnuTime = existsSync('/usr/bin/time');

const slug = (stage: string): string => stage.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

/** Pages Astro rendered, and those kept from the previous build (restored by Astro, or never handed to it). */
function countPages(log: string): { pagesRendered: number; pagesRestored: number } {
  const pages = loggedPages(log);
  const restored = pages.filter((page) => page.restored).length;
  return { pagesRendered: pages.length - restored, pagesRestored: restored + unvisitedPages(log) };
}

/** Runs one command, sampling its process tree's memory every 100 ms; its output goes to a log. */
async function measure(stage: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<StageResult> {
  const logPath = path.join(logDir, `${slug(stage)}.log`);
  const log = createWriteStream(logPath);
  const started = performance.now();
  // GNU time reports user+sys CPU of the command and every child it waited for (Astro's
  // workers, Pagefind's binary): unlike wall time, that barely moves when the machine is busy.
  const timeFile = path.join(logDir, `${slug(stage)}.cpu`);
  const [command, commandArgs] = hasGnuTime ? ['/usr/bin/time', ['-f', '%U %S', '-o', timeFile, node, ...args]] : [node, args];
  const child = spawn(command, commandArgs, { env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let peakRssBytes = 0;
  const ticks = new Map<number, number>();
  const sample = (): void => {
    if (child.pid === undefined) return;
    const now = sampleTree(child.pid);
    peakRssBytes = Math.max(peakRssBytes, now.rssBytes);
    for (const [pid, used] of now.cpuTicks) ticks.set(pid, Math.max(used, ticks.get(pid) ?? 0));
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  clearInterval(timer);
  const wallMs = performance.now() - started;
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) {
    const tail = (await readFile(logPath, 'utf8')).split('\n').slice(-25).join('\n');
    throw new Error(`${stage} failed (exit code ${code}); last lines of ${path.relative(root, logPath)}:\n${tail}`);
  }
  const sampledCpuMs = [...ticks.values()].reduce((sum, t) => sum + t, 0) * 10;
  const cpu = Math.max(sampledCpuMs, (hasGnuTime ? parseGnuTime(await readFile(timeFile, 'utf8')) : undefined) ?? 0);
  const logText = await readFile(logPath, 'utf8');
  const counted = countPages(logText);
  // A build that skips astro build logs no page: it rendered none.
  const pages = counted.pagesRendered + counted.pagesRestored > 0 || args[0] === 'scripts/build.ts' ? counted : undefined;
  console.log(`  ${stage}: ${(wallMs / 1000).toFixed(1)} s, peak ${formatBytes(peakRssBytes)}${pages ? `, ${pages.pagesRendered} pages rendered, ${pages.pagesRestored} restored` : ''}`);
  return { stage, wallMs, peakRssBytes, cpuMs: cpu, ...(pages ?? {}) };
}

async function walk(dir: string): Promise<{ path: string; bytes: number }[]> {
  const out: { path: string; bytes: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.push({ path: full, bytes: (await stat(full)).size });
  }
  return out;
}

async function ensureCorpus(): Promise<number | undefined> {
  if (existsSync(corpusDir)) return undefined;
  const partial = `${corpusDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  const started = performance.now();
  await measure('generate corpus', ['scripts/generate-corpus.ts', '--articles', String(articles), '--seed', String(seed), '--out', partial, '--quiet']);
  // Renamed only when complete, so an interrupted run never leaves a short corpus to reuse.
  await rename(partial, corpusDir);
  return performance.now() - started;
}

/** The median-sized article page and the gzipped bytes of everything it loads at once. */
async function articlePageWeight(dist: string, files: { path: string; bytes: number }[]): Promise<BenchResult['output']['articlePage']> {
  const pages = files.filter((f) => f.path.startsWith(path.join(dist, 'articles') + path.sep) && f.path.endsWith('index.html')).sort((a, b) => a.bytes - b.bytes || a.path.localeCompare(b.path));
  const page = pages[Math.floor(pages.length / 2)];
  if (!page) return undefined;
  const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  const toFile = (url: string, from: string): string | undefined => {
    if (/^(?:[a-z]+:)?\/\//i.test(url)) return undefined;
    const fromUrl = '/' + path.relative(dist, from).split(path.sep).join('/');
    let pathname = new URL(url, `http://site${fromUrl}`).pathname;
    if (pathname.startsWith(base)) pathname = '/' + pathname.slice(base.length);
    const file = path.join(dist, decodeURIComponent(pathname));
    return existsSync(file) ? file : undefined;
  };
  const html = await readFile(page.path);
  const seen = new Set<string>();
  const queue = pageAssets(html.toString('utf8')).flatMap((url) => toFile(url, page.path) ?? []);
  let cssGzip = 0;
  let jsGzip = 0;
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const body = await readFile(file);
    const gz = gzipSync(body).length;
    if (file.endsWith('.css')) cssGzip += gz;
    else {
      jsGzip += gz;
      queue.push(...staticImports(body.toString('utf8')).flatMap((url) => toFile(url, file) ?? []));
    }
  }
  const htmlGzip = gzipSync(html).length;
  return {
    path: path.relative(dist, page.path),
    htmlGzip,
    cssGzip,
    jsGzip,
    totalGzip: htmlGzip + cssGzip + jsGzip,
    assets: [...seen].map((f) => path.relative(dist, f)).sort(),
  };
}

async function pagefindWeight(dist: string, files: { path: string; bytes: number }[]): Promise<BenchResult['output']['pagefind']> {
  const inPagefind = files.filter((f) => f.path.split(path.sep).includes('pagefind'));
  const bundles: BenchResult['output']['pagefind']['bundles'] = [];
  // The folder holding the bundle list is the engine's own, beside the bundles, with an empty index of its own: not a bundle.
  const engineDirs = new Set(inPagefind.filter((f) => path.basename(f.path) === BUNDLES_FILE).map((f) => path.dirname(f.path)));
  for (const entryFile of inPagefind.filter((f) => path.basename(f.path) === 'pagefind-entry.json').sort((a, b) => a.path.localeCompare(b.path))) {
    const dir = path.dirname(entryFile.path);
    if (engineDirs.has(dir)) continue;
    const bundleFiles = inPagefind.filter((f) => f.path.startsWith(dir + path.sep)).map((f) => ({ path: path.relative(dir, f.path).split(path.sep).join('/'), bytes: f.bytes }));
    const gzCache = new Map<string, number>();
    for (const name of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']) {
      const file = path.join(dir, name);
      if (existsSync(file)) gzCache.set(name, gzipSync(await readFile(file)).length);
    }
    bundles.push({ dir: path.relative(dist, dir), coldQueries: coldQueries(await readFile(entryFile.path, 'utf8'), bundleFiles, (name) => gzCache.get(name) ?? 0) });
  }
  return { bytes: inPagefind.reduce((sum, f) => sum + f.bytes, 0), files: inPagefind.length, bundles };
}

async function loadOtherResults(): Promise<BenchResult[]> {
  if (!existsSync(resultsDir)) return [];
  const out: BenchResult[] = [];
  for (const name of (await readdir(resultsDir)).sort()) {
    if (!/^bench-\d+\.json$/.test(name) || name === `bench-${articles}.json`) continue;
    out.push(JSON.parse(await readFile(path.join(resultsDir, name), 'utf8')) as BenchResult);
  }
  return out;
}

try {
  await rm(runDir, { recursive: true, force: true });
  await mkdir(logDir, { recursive: true });
  console.log(`bench: ${articles} files, seed ${seed}`);
  const loadBefore = os.loadavg()[0] ?? 0;
  const generateMs = await ensureCorpus();
  const corpusFiles = await walk(corpusDir);

  const stageEnv = { ARCHIVE_DIR: stageArchive, DIST_DIR: stageDist };
  const ingestArgs = ['scripts/ingest.ts', '--input', corpusDir, '--out', stageArchive, '--quiet'];
  const stages: StageResult[] = [];
  if (!values['e2e-only']) {
    stages.push(await measure(STAGES.ingestCold, ingestArgs));
    stages.push(await measure(STAGES.ingestWarm, ingestArgs));
    stages.push(await measure(STAGES.astro, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], stageEnv));
    stages.push(await measure(STAGES.pagefind, ['scripts/index-search.ts'], stageEnv));
    // Free the disk before the end-to-end run writes its own.
    await rm(stageArchive, { recursive: true, force: true });
    await rm(stageDist, { recursive: true, force: true });
  }
  // The end-to-end builds read one folder, updated in place between them, as a scraper's is. Its
  // links are new: waited on, so the ingest takes them for settled files, not racily clean ones.
  linkCorpus(corpusDir, updateInput);
  await delay(RACY_MS);
  stages.push(await measure(STAGES.endToEnd, ['scripts/build.ts', '--verbose', '--input', updateInput, '--out', e2eArchive, '--dist', e2eDist], { NODE_OPTIONS: '' }));

  const distFiles = await walk(e2eDist);
  const entries = existsSync(path.join(e2eArchive, 'articles')) ? (await walk(path.join(e2eArchive, 'articles'))).filter((f) => f.path.endsWith('.json')).length : 0;
  const output: BenchResult['output'] = {
    distBytes: distFiles.reduce((sum, f) => sum + f.bytes, 0),
    distFiles: distFiles.length,
    htmlPages: distFiles.filter((f) => f.path.endsWith('.html')).length,
    articlePage: await articlePageWeight(e2eDist, distFiles),
    pagefind: await pagefindWeight(e2eDist, distFiles),
  };

  const plan = updateCorpus(updateInput, seed);
  console.log(`  update: ${plan.added} files added, ${plan.changed} changed, ${plan.removed} removed`);
  const rebuild = ['scripts/build.ts', '--verbose', '--input', updateInput, '--out', e2eArchive, '--dist', e2eDist];
  stages.push(await measure(STAGES.update, rebuild, { NODE_OPTIONS: '' }));
  stages.push(await measure(STAGES.unchanged, rebuild, { NODE_OPTIONS: '' }));
  console.log(`  one file changed: ${changeOneFile(updateInput)}`);
  stages.push(await measure(STAGES.oneChanged, rebuild, { NODE_OPTIONS: '' }));

  /** One run of measure-search on the updated site: its queries' figures. */
  const measureSearch = async (name: string, queries: readonly string[], extra: string[] = []): Promise<SearchStep[]> => {
    const json = path.join(logDir, `${name}.json`);
    await run(node, ['scripts/measure-search.ts', '--dist', e2eDist, '--runs', '1', '--json', json, ...extra, ...queries.flatMap((q) => ['--query', q])], { label: `search measurement (${name})` });
    return JSON.parse(await readFile(json, 'utf8')) as SearchStep[];
  };
  const search = await measureSearch('search', SEARCH_QUERIES);
  const [searchReference] = await measureSearch('search-reference', [REFERENCE_QUERY]);
  const searchThrottled = await measureSearch('search-throttled', SEARCH_QUERIES, ['--throttle']);

  const cpus = os.cpus();
  const result: BenchResult = {
    articles,
    seed,
    takenAt: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryBytes: os.totalmem(), node: process.version, kernel: os.release() },
    load: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
    heapMb,
    corpus: { files: corpusFiles.length, bytes: corpusFiles.reduce((sum, f) => sum + f.bytes, 0), ...(generateMs === undefined ? {} : { generateMs }) },
    entries,
    stages,
    search,
    searchReference,
    searchThrottled,
    output,
  };
  await mkdir(resultsDir, { recursive: true });
  const resultPath = path.join(resultsDir, `bench-${articles}.json`);
  await writeFile(resultPath, JSON.stringify(result, null, 2) + '\n');
  console.log('\n' + formatResult(result) + '\n');
  for (const check of checkTargets(result, await loadOtherResults())) console.log(`${check.ok ? 'ok  ' : 'MISS'} ${check.target}: ${check.detail}`);
  console.log(`\nbench: wrote ${path.relative(root, resultPath)}; stage logs in ${path.relative(root, logDir)}`);
} catch (error) {
  console.error(`bench: ${errorMessage(error)}`);
  process.exit(1);
}
