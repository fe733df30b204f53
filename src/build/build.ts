/**
 * The incremental build: ingest a folder of raw files, then render the site with Astro while
 * the data files (scripts/publish-data.ts) and the Pagefind index (scripts/index-search.ts)
 * are written beside it, keeping every cache inside the archive folder (src/build/archive-files.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { archiveDir, distDir } from '../config/archive.ts';
import { archivePaths } from '../config/archive-paths.ts';
import { lastRunFile } from '../ingest/run/store.ts';
import { LANGS } from '../schemas/article.ts';
import { buildFiles } from './archive-files.ts';
import { withCompileCache } from './compile-cache.ts';
import { describeHolder, lockArchive, type BuildLock } from './lock.ts';
import { ASTRO_GATE, isGateWaiting, isIngestWrites, type GateOpen } from './astro-gate.ts';
import { codeFingerprint, renderedWith, renderedWithCode, renderFingerprint, recordRender, SITE_INTACT } from './render-skip.ts';
import { run, type RunOptions } from './run.ts';
import { ASTRO_MANIFEST, astroPages, emptyOutput, finishOutput, mayBeStale, prepareOutput } from './site-output.ts';
import { isSearchWaiting, SEARCH_MEMORY, SEARCH_OPEN } from './search-gate.ts';
import { BESIDE_ASTRO_NICENESS, searchMemoryBesideAstro, sideBySideBudget } from './stages.ts';

export interface BuildOptions {
  /** Folder of raw files; the ingest's default when absent. */
  input?: string | undefined;
  /** Archive folder; `ARCHIVE_DIR` or content/archive when absent. */
  out?: string | undefined;
  /** Site folder; `DIST_DIR` or dist when absent. */
  dist?: string | undefined;
  /** Ignore every cache and empty the site folder. */
  clean?: boolean | undefined;
  /** When another build holds the archive folder, wait for it instead of failing. */
  wait?: boolean | undefined;
  /** Have the ingest read and hash every input file, not trust unchanged stats. */
  hashAll?: boolean | undefined;
  /** Check every file of the site folder against the last build, not only the folders changed since. */
  verifySite?: boolean | undefined;
  /** Where each stage's output and progress go (scripts/lib/build-output.ts); inherited when absent. */
  stageOutput?: ((label: string) => Pick<RunOptions, 'onLine' | 'onMessage' | 'onExit'>) | undefined;
}

/** Each stage's wall time, in milliseconds, in the order they finished; the site folder's reading (beside the ingest) with its pass at the end. */
export type StageTimes = [stage: string, ms: number][];

/**
 * Builds the archive and the site, holding the archive folder's lock (src/build/lock.ts);
 * rejects, naming the stage, when a stage fails, and with LockHeldError when another build
 * holds the folder and `wait` is not set.
 */
export async function build(options: BuildOptions): Promise<StageTimes> {
  const archive = options.out ? path.resolve(options.out) : archiveDir;
  const lock = await lockArchive(archive, {
    wait: options.wait ?? false,
    onWait: (holder) => console.log(`build: waiting for the build holding ${archive}: ${describeHolder(holder)}`),
  });
  try {
    return await buildLocked(archive, lock, options);
  } finally {
    lock.release();
  }
}

async function buildLocked(archive: string, lock: BuildLock, options: BuildOptions): Promise<StageTimes> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.out) env.ARCHIVE_DIR = path.resolve(options.out);
  if (options.dist) env.DIST_DIR = path.resolve(options.dist);
  // The default heap makes the garbage collector thrash on large archives (2.5x slower at
  // 30,000 entries); give Astro most of the machine, capped where more stops helping.
  const heapMb = Math.min(16384, Math.floor((os.totalmem() / 2 ** 20) * 0.7));
  env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--max-old-space-size=${heapMb}`].filter(Boolean).join(' ');
  withCompileCache(env);

  const dist = options.dist ? path.resolve(options.dist) : distDir;
  const files = buildFiles(archive);
  let clean = options.clean ?? false;
  if (!clean && existsSync(files.marker)) {
    console.log(`build: the last build in ${archive} did not finish; building clean`);
    clean = true;
  }
  if (clean) {
    for (const dir of files.caches) rmSync(dir, { recursive: true, force: true });
    // Astro does not empty the site folder (astro.config.mjs): a clean build does.
    emptyOutput(dist);
  }

  const node = process.execPath;
  const ingestArgs = ['scripts/ingest.ts'];
  if (options.input) ingestArgs.push('--input', options.input);
  if (options.out) ingestArgs.push('--out', options.out);
  if (options.hashAll) ingestArgs.push('--hash-all');
  const astroArgs = ['node_modules/astro/bin/astro.mjs', 'build'];
  if (clean) astroArgs.push('--force');

  const timings: StageTimes = [];
  const onSpawn = (pid: number) => lock.addStage(pid);
  const stop = new AbortController();
  type StageOutput = ReturnType<NonNullable<BuildOptions['stageOutput']>> | undefined;
  // `more` is given the stage's output, which is asked for once: each call adds a progress line.
  const stage = (args: string[], label: string, niceness: number | undefined, more: (output: StageOutput) => Partial<RunOptions> = () => ({})) => {
    const output = options.stageOutput?.(label);
    return run(node, args, { env, label, onSpawn, signal: stop.signal, ...output, ...(niceness !== undefined ? { niceness } : {}), ...more(output) }).catch((error: unknown) => {
      stop.abort();
      throw error;
    });
  };

  // Astro starts beside the ingest once it is sure to run, and waits at the gate before it
  // reads the archive (src/build/astro-gate.ts): at once with the code changed, a clean build
  // or the site folder not as recorded; otherwise when the ingest says it will write.
  const code = codeFingerprint(process.cwd(), archive, dist, env);
  const astro: { done?: Promise<number>; child?: ChildProcess; waiting: boolean; answer?: GateOpen; dropped: boolean } = { waiting: false, dropped: false };
  const answerGate = () => {
    if (astro.child && astro.waiting && astro.answer) astro.child.send(astro.answer);
  };
  const startAstro = () => {
    if (astro.done) return;
    const output = options.stageOutput?.('astro build');
    astro.done = run(node, astroArgs, {
      env: { ...env, [ASTRO_GATE]: '1' },
      label: 'astro build',
      onSpawn,
      signal: stop.signal,
      ...output,
      onChild: (child) => (astro.child = child),
      onMessage: (message) => {
        if (!isGateWaiting(message)) return output?.onMessage?.(message);
        astro.waiting = true;
        answerGate();
      },
    }).catch((error: unknown) => {
      if (!astro.dropped) stop.abort();
      throw error;
    });
    // Awaited only after the ingest: a failure meanwhile must not go unhandled.
    astro.done.catch(() => undefined);
  };
  const ingestOutput = options.stageOutput?.('ingest');
  // The ingest survives being killed on its own (tests/unit/ingest-faults.test.ts); the marker
  // guards the stages after it.
  const ingest = run(node, ingestArgs, {
    env,
    label: 'ingest',
    onSpawn,
    ...ingestOutput,
    onMessage: (message) => {
      if (isIngestWrites(message)) startAstro();
      else ingestOutput?.onMessage?.(message);
    },
  });
  if (clean || !renderedWithCode(files.renderRecord, code)) startAstro();
  // The ingest writes only the archive folder, so the site folder is read and checked against
  // its record while the ingest runs (src/build/site-output.ts).
  const readStarted = performance.now();
  const { kept, intact } = prepareOutput(dist, files.siteRecord, options.verifySite);
  const siteReadMs = performance.now() - readStarted;
  // No record: the folder was emptied (a clean build, or another folder's record), and every folder this build writes is new.
  const unrecorded = !existsSync(files.siteRecord);
  if (!intact) startAstro();
  // The stages started from here take the site folder's files as the last build left them without reading each.
  if (intact) env[SITE_INTACT] = '1';
  else delete env[SITE_INTACT];
  try {
    timings.push(['ingest', await ingest]);
  } catch (error) {
    stop.abort();
    await astro.done?.catch(() => undefined);
    throw error;
  }
  writeFileSync(files.marker, `${new Date().toISOString()}\n`);
  // Every file the stages write from here has a later change time, on the file system's clock.
  const stagesStartMs = statSync(files.marker).mtimeMs;
  const fingerprint = renderFingerprint(code, lastRunFile(archive));
  const skipAstro = !clean && intact && renderedWith(files.renderRecord, fingerprint);
  if (skipAstro) {
    console.log('build: the archive, the code and the site folder are as the last build left them; astro build skipped');
    // Started on the ingest's word that it would write, yet the archive is as the last build
    // left it: Astro, still at the gate, has read nothing.
    astro.dropped = true;
    astro.child?.kill();
    await astro.done?.catch(() => undefined);
  } else {
    // With the code as at the last render, Astro is given only the pages whose data changed,
    // which its record of that render tells (src/integrations/incremental-pages.ts): without
    // it, a route may leave no page out.
    const renderChangedOnly = !clean && fingerprint !== undefined && renderedWithCode(files.renderRecord, code) && existsSync(path.join(files.astroCache, ASTRO_MANIFEST));
    recordRender(files.renderRecord, undefined);
    startAstro();
    astro.answer = { astroGate: 'open', renderChangedOnly, siteIntact: intact };
    answerGate();
  }
  const articlesDir = path.join(archive, archivePaths.articles);
  const entries = LANGS.reduce((sum, lang) => sum + (existsSync(path.join(articlesDir, lang)) ? readdirSync(path.join(articlesDir, lang)).length : 0), 0);
  // The stages beside Astro need only the entries and raw files, never its pages; at a lower
  // priority they take the time Astro leaves idle instead of slowing it. With Astro skipped
  // there is nothing to yield to, and on a busy machine a lower priority only starves them.
  const besideNiceness = skipAstro ? undefined : BESIDE_ASTRO_NICENESS;
  const astroDone = skipAstro ? undefined : astro.done?.then((ms) => (recordRender(files.renderRecord, fingerprint), ms));
  // The search index runs beside Astro within the memory Astro leaves; a bundle that needs
  // more waits for Astro to finish (src/build/search-gate.ts). With Astro skipped, its memory is free.
  let searchChild: ChildProcess | undefined;
  const searchEnv = astroDone ? { ...env, [SEARCH_MEMORY]: env[SEARCH_MEMORY] ?? String(searchMemoryBesideAstro(entries, sideBySideBudget(os.totalmem()))) } : env;
  // The kept files only Astro's record can still want, sorted out while the stages run. With
  // astro build skipped, the archive and all code are as at the last build, which would make
  // the same files: every file it left is still wanted, the pages Astro writes on every build too.
  const candidates = skipAstro ? Promise.resolve([]) : mayBeStale(kept, { raw: path.join(archive, archivePaths.raw), articles: articlesDir });
  // Awaited after the stages: a failure meanwhile must not go unhandled.
  candidates.catch(() => undefined);
  const [astroMs, dataMs, searchMs] = await Promise.all([
    astroDone,
    stage(['scripts/publish-data.ts'], 'data', besideNiceness),
    stage(['scripts/index-search.ts'], 'search index', besideNiceness, (output) => ({
      env: searchEnv,
      onChild: (child) => (searchChild = child),
      onMessage: (message) => {
        if (!isSearchWaiting(message)) return output?.onMessage?.(message);
        // Astro failing stops the whole build, this stage with it.
        void (astroDone ?? Promise.resolve()).then(
          () => searchChild?.connected && searchChild.send(SEARCH_OPEN),
          () => undefined,
        );
      },
    })),
  ]);
  timings.push([astroMs === undefined ? 'astro build (skipped)' : 'astro build', astroMs ?? 0], ['data (beside it)', dataMs], ['search index (beside it)', searchMs]);
  const finishStarted = performance.now();
  finishOutput(dist, files.siteRecord, await candidates, skipAstro ? new Set() : astroPages(files.astroCache), stagesStartMs, unrecorded);
  timings.push(['site folder read (beside the ingest)', siteReadMs], ['site folder', performance.now() - finishStarted]);
  rmSync(files.marker);
  return timings;
}
