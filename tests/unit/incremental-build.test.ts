/**
 * An incremental build gives exactly what a clean build of the same input gives: the site
 * (pages, feeds, sitemap, raw copies) and the archive folder, byte for byte. The search index
 * differs by design (a delta and tombstones, docs/search.md): here it must index the same
 * pages once the tombstoned are left out; tests/browser/search-segments.test.ts compares
 * its answers.
 * Runs the real `scripts/build.ts` on the samples plus a few dozen generated files: build,
 * then add, change and remove files and build again; then kill a build half-way and build
 * again. Each result is compared with a clean build of the same input.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus/corpus.ts';
import { loggedPages, unvisitedPages } from '../../src/build/astro-log.ts';
import { indexedPages, SEARCH_DIR } from './support/search-index.ts';
import { FRAGMENT_DIR } from '../../src/search/bundles.ts';
import { SEARCH_MEMORY } from '../../src/build/search-gate.ts';
import { ASTRO_MANIFEST } from '../../src/build/site-output.ts';
import { archivePaths } from '../../src/config/archive-paths.ts';

const root = process.cwd();
const work = path.join(root, '.cache', 'test-incremental');
const input = path.join(work, 'input');
const held = path.join(work, 'held');
const incremental = { out: path.join(work, 'inc-archive'), dist: path.join(work, 'inc-dist') };
const clean = { out: path.join(work, 'clean-archive'), dist: path.join(work, 'clean-dist') };

/** The caches a build keeps in the archive folder: not part of the archive's content. */
const CACHE_NAMES = new Set(['.cache', '.astro-cache', '.build-incomplete']);

function build(target: { out: string; dist: string }, ...extra: string[]): string {
  return buildWith({}, target, ...extra);
}

function buildWith(env: NodeJS.ProcessEnv, target: { out: string; dist: string }, ...extra: string[]): string {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--verbose', '--input', input, '--out', target.out, '--dist', target.dist, ...extra], { encoding: 'utf8', env: { ...process.env, ...env } });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${output.slice(-3000)}`);
  return output;
}

/** Every file below `dir` (caches and the search index left out), relative path -> bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    const top = relative.split(path.sep)[0] ?? '';
    if (CACHE_NAMES.has(top) || top === SEARCH_DIR) continue;
    files.set(relative, readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/** The paths that differ between two trees: missing on either side, or other bytes. */
function differences(a: string, b: string): string[] {
  const left = tree(a);
  const right = tree(b);
  const out: string[] = [];
  for (const [file, bytes] of left) if (!right.get(file)?.equals(bytes)) out.push(right.has(file) ? `differs: ${file}` : `only in the incremental build: ${file}`);
  for (const file of right.keys()) if (!left.has(file)) out.push(`only in the clean build: ${file}`);
  return out.sort();
}

/** The search stage, allowed no memory beside Astro, must wait for it before indexing any bundle (src/build/search-gate.ts). */
const SEARCH_WAITS = { [SEARCH_MEMORY]: '0' };

/** Builds `clean` from the same input, `env` added, and expects the incremental build to equal it. */
function expectSameAsClean(env: NodeJS.ProcessEnv = {}): string {
  const output = buildWith(env, clean, '--clean');
  expect(differences(incremental.dist, clean.dist)).toEqual([]);
  expect(differences(incremental.out, clean.out)).toEqual([]);
  expect(indexedPages(incremental.dist)).toEqual(indexedPages(clean.dist));
  return output;
}

/** Article pages Astro restored from its cache, and those it rendered. */
const articlePages = (output: string) => loggedPages(output).filter((page) => page.path.startsWith('/articles/'));
const restored = (output: string): number => articlePages(output).filter((page) => page.restored).length;
const rendered = (output: string): number => articlePages(output).filter((page) => !page.restored).length;

/** Groups of paths the routes made, and all their groups (src/lib/route-table.ts). */
function routeGroups(output: string): { made: number; all: number } {
  const match = /route tables: (\d+) of (\d+) groups of paths made/.exec(stripVTControlCharacters(output));
  if (!match) throw new Error('the build logged no route tables');
  return { made: Number(match[1]), all: Number(match[2]) };
}

/**
 * Every page of Astro's record of an archive's last build, by route. Not their keys: a key
 * holds the digest of the entry its page reads, its file's size and modification time.
 */
function recordedPages(archive: string): string[] {
  const record = JSON.parse(readFileSync(path.join(archive, archivePaths.astroCache, ASTRO_MANIFEST), 'utf8')) as { routes: Record<string, { paths: Record<string, unknown> }> };
  return Object.entries(record.routes)
    .flatMap(([component, route]) => Object.keys(route.paths).map((pathname) => `${component} ${pathname}`))
    .sort();
}

/** Doubles a file's first sentence after its title: a changed body, in any language. */
function changeBody(file: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines[1] ?? '';
  lines[1] = `${line} ${line.split('. ')[0]}.`;
  writeFileSync(file, lines.join('\n'));
}

describe('an incremental build', () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(input, { recursive: true });
  mkdirSync(held, { recursive: true });
  cpSync(path.join(root, 'content', 'raw'), input, { recursive: true });
  // 30 generated files in the first build; 10 newer ones added later, as an archive grows.
  for (const file of generateCorpus({ articles: 30, seed: 13 })) writeFileSync(path.join(input, file.name), file.bytes);
  for (const file of generateCorpus({ articles: 10, seed: 14, year: 2026 })) writeFileSync(path.join(held, file.name), file.bytes);
  const generated = readdirSync(input).filter((name) => /^\d{6}_/.test(name)).sort();
  afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

  it('after files are added, changed and removed equals a clean build, and restores pages', { timeout: 480_000 }, () => {
    build(incremental);
    cpSync(held, input, { recursive: true });
    changeBody(path.join(input, generated[3] as string));
    changeBody(path.join(input, generated[17] as string));
    rmSync(path.join(input, generated[9] as string));
    rmSync(path.join(input, readdirSync(path.join(root, 'content', 'raw')).sort()[0] as string));
    const output = build(incremental);
    // On so small an archive most related lists hold most articles, so many pages change; what
    // counts is that unchanged ones are restored and that the result is right.
    expect(restored(output) + unvisitedPages(output)).toBeGreaterThan(0);
    expect(rendered(output)).toBeGreaterThan(0);
    // Records were added and removed: no route's table of paths can be kept.
    const groups = routeGroups(output);
    expect(groups.made).toBe(groups.all);
    // The clean build's search stage, allowed no memory beside Astro, indexes once Astro is done.
    // Astro colours its log when the environment says CI.
    const lines = stripVTControlCharacters(expectSameAsClean(SEARCH_WAITS)).split('\n');
    const waiting = lines.findIndex((line) => line.startsWith('search index: waiting for astro build to finish'));
    const astroDone = lines.findIndex((line) => line.includes('[build] Complete!'));
    const indexing = lines.indexOf('search index: astro build is done; indexing');
    expect(waiting).toBeGreaterThanOrEqual(0);
    expect(astroDone).toBeGreaterThanOrEqual(0);
    expect(indexing).toBeGreaterThan(astroDone);
  });

  it('after one body alone changed, renders that page again', { timeout: 480_000 }, () => {
    changeBody(path.join(input, generated[21] as string));
    const output = build(incremental);
    expect(rendered(output)).toBeGreaterThanOrEqual(1);
    // With the code unchanged, Astro is handed only the pages whose data changed.
    expect(unvisitedPages(output)).toBeGreaterThan(loggedPages(output).length);
    // Every record is as it was: the routes keep their tables and make again only the groups
    // that read the changed entry (its article page, feeds, a side-by-side page).
    const groups = routeGroups(output);
    expect(groups.made).toBeGreaterThanOrEqual(1);
    expect(groups.made).toBeLessThan(groups.all / 4);
    // The site folder is as the last build left it: the routes give only the groups made again,
    // and the pages of the others are carried over in Astro's record without being listed.
    expect(stripVTControlCharacters(output)).toMatch(/route tables: .*; [1-9]\d* unchanged pages not listed/);
    // One language's search pages changed: its delta is written again, every base is kept,
    // beside Astro: a delta fits in the memory Astro leaves.
    expect(output).not.toContain('search index: waiting');
    expect(output).toMatch(/search index: .* pages; built (fr|ru|el)-delta, kept fr, ru, el(, \w+-delta)*; \d+ tombstoned/);
    expectSameAsClean();
    // Astro's record still holds every page, as a clean build's does: the next build keeps them.
    expect(recordedPages(incremental.out)).toEqual(recordedPages(clean.out));
  });

  it('after nothing changed, skips astro build and still equals a clean build', { timeout: 480_000 }, () => {
    const output = build(incremental);
    expect(output).toContain('astro build skipped');
    expect(loggedPages(output)).toEqual([]);
    expectSameAsClean();
  });

  it('after Astro\'s record was deleted and a body changed, gives every page again and equals a clean build', { timeout: 480_000 }, () => {
    // The site folder is as the last build left it, but no record says which pages it holds:
    // no route may leave a page out.
    rmSync(path.join(incremental.out, archivePaths.astroCache, ASTRO_MANIFEST));
    changeBody(path.join(input, generated[21] as string));
    const output = build(incremental);
    expect(stripVTControlCharacters(output)).not.toContain('unchanged pages not listed');
    expectSameAsClean();
    expect(recordedPages(incremental.out)).toEqual(recordedPages(clean.out));
  });

  it('after files of the site folder were added or deleted by hand, puts it right', { timeout: 480_000 }, () => {
    // The build keeps the site folder between builds (src/build/site-output.ts): what it
    // did not write itself must not survive, and what it wrote must be there.
    const pages = readdirSync(path.join(incremental.dist, 'articles'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('index.html')).sort();
    rmSync(path.join(incremental.dist, 'articles', pages[1] as string));
    writeFileSync(path.join(incremental.dist, 'stray.html'), 'not built');
    mkdirSync(path.join(incremental.dist, 'topics', 'stray'));
    writeFileSync(path.join(incremental.dist, 'topics', 'stray', 'index.html'), 'not built');
    const fragments = path.join(incremental.dist, 'pagefind', 'fr', FRAGMENT_DIR);
    rmSync(path.join(fragments, readdirSync(fragments, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.pf_fragment')).sort()[0] as string));
    const output = build(incremental);
    expect(output).not.toContain('astro build skipped');
    expect(output).toMatch(/search index: .* pages; built fr(, fr-delta)?, kept ru, el/);
    expectSameAsClean();
  });

  it('after files of the site folder were edited in place, puts them right with --verify-site', { timeout: 480_000 }, () => {
    const pages = readdirSync(path.join(incremental.dist, 'articles'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('index.html')).sort();
    writeFileSync(path.join(incremental.dist, 'articles', pages[0] as string), 'edited');
    // A citation file of an unchanged entry: the data pass leaves those it finds in place.
    const citations = readdirSync(path.join(incremental.dist, 'articles'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.bib')).sort();
    writeFileSync(path.join(incremental.dist, 'articles', citations[0] as string), 'edited');
    const output = build(incremental, '--verify-site');
    expect(output).not.toContain('astro build skipped');
    expectSameAsClean();
  });

  it('after a killed build, builds clean and still equals a clean build', { timeout: 480_000 }, async () => {
    changeBody(path.join(input, generated[21] as string));
    rmSync(path.join(input, generated[22] as string));
    // Killed while Astro writes pages: some page copies in its cache are then newer than its record.
    const child = spawn(process.execPath, ['scripts/build.ts', '--verbose', '--input', input, '--out', incremental.out, '--dist', incremental.dist], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error('the build ended before it could be killed')));
      child.stdout.on('data', (chunk: Buffer) => {
        if (!chunk.toString().includes('├─')) return;
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        process.kill(-(child.pid as number), 'SIGKILL');
      });
    });
    expect(build(incremental)).toContain('did not finish; building clean');
    expectSameAsClean();
  });
});
