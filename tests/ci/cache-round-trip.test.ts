/**
 * What a scheduled run of deploy/github/pages.yml does on a fresh runner: a fresh checkout of
 * the repository at the same place, the workflow's caches unpacked into it the way
 * actions/cache packs and unpacks them (GNU tar, POSIX format), new raw files, a build. That
 * build must take the incremental path (keep the restored pages in place, take the ingest's
 * results from its cache) and give byte for byte what a clean build of the same files gives,
 * all but the search index, which must index the same pages (docs/search.md).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { generateCorpus } from '../../scripts/corpus/corpus.ts';
import { loggedPages, unvisitedPages } from '../../src/build/astro-log.ts';
import { diffSites, formatSiteDiff } from '../../scripts/lib/site-diff.ts';
import { indexedPages, SEARCH_DIR } from '../unit/support/search-index.ts';

const root = process.cwd();
const work = path.join(root, '.cache', 'test-ci-cache');
// The runner's workspace: the same path on every run, as on GitHub's runners.
const checkout = path.join(work, 'workspace');
const cacheFile = path.join(work, 'cache.tar');
const previousSite = path.join(work, 'previous-site');
const clean = { out: path.join(work, 'clean-archive'), dist: path.join(work, 'clean-dist') };
const WORKFLOWS = ['deploy/github/pages.yml', 'deploy/github/s3.yml'];
const RAW_DIR = 'content/raw';

interface Step {
  uses?: string;
  with?: Record<string, string>;
}

/** The paths each actions/cache step of a workflow names. */
function cacheSteps(workflow: string): { uses: string; paths: string[] }[] {
  const doc = YAML.parse(readFileSync(path.join(root, workflow), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  return Object.values(doc.jobs)
    .flatMap((job) => job.steps)
    .filter((step) => step.uses?.startsWith('actions/cache'))
    .map((step) => ({ uses: step.uses as string, paths: (step.with?.path ?? '').split('\n').filter(Boolean) }));
}

function sh(command: string, args: string[], cwd = root): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-3000)}`);
  return result.stdout;
}

/**
 * A fresh checkout: the repository's files (as the working tree has them, so that uncommitted
 * work is tested too) written anew, with new modification times and inodes, as `git clone`
 * gives them; the installed packages linked in, as `npm install` would lay them.
 */
function freshCheckout(rawFiles: { name: string; bytes: Uint8Array }[]): void {
  rmSync(checkout, { recursive: true, force: true });
  for (const file of sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0')) {
    if (file === '' || !existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(checkout, file));
  }
  sh('cp', ['-al', path.join(root, 'node_modules'), path.join(checkout, 'node_modules')]);
  for (const file of rawFiles) writeFileSync(path.join(checkout, RAW_DIR, file.name), file.bytes);
}

/** The workflow's build step (no terminal, as in CI): defaults for the archive and site folders, the raw folder as input. */
function tryBuild(...extra: string[]): { status: number | null; output: string } {
  const env = { ...process.env };
  delete env.ARCHIVE_DIR;
  delete env.DIST_DIR;
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--input', RAW_DIR, ...extra], { cwd: checkout, env, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function build(...extra: string[]): string {
  const { status, output } = tryBuild(...extra);
  if (status !== 0) throw new Error(`build failed (${status}):\n${output.slice(-3000)}`);
  return output;
}

/** Differences between two folders, caches and the search index left out: empty when they hold the same bytes. */
function differences(a: string, b: string): string[] {
  const diff = diffSites(a, b, new Set(['.cache', '.astro-cache', '.build-incomplete', SEARCH_DIR]));
  return [...diff.added.map((f) => `only in ${b}: ${f}`), ...diff.changed.map((f) => `differs: ${f}`), ...diff.removed.map((f) => `only in ${a}: ${f}`)];
}

describe('the CI cache round trip', () => {
  const first = [...generateCorpus({ articles: 16, seed: 21 })];
  const added = [...generateCorpus({ articles: 4, seed: 22, year: 2026 })];
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('both workflows restore and save the same folders', () => {
    const steps = WORKFLOWS.flatMap(cacheSteps);
    expect(steps.map((step) => step.uses.replace(/@.*/, ''))).toEqual(['actions/cache/restore', 'actions/cache/save', 'actions/cache/restore', 'actions/cache/save']);
    for (const step of steps) expect(step.paths).toEqual(['content/archive', 'dist']);
  });

  it('a fresh runner with the restored caches builds only what changed, and equals a clean build', () => {
    const cached = (cacheSteps(WORKFLOWS[0] as string)[0] as { paths: string[] }).paths;
    freshCheckout(first);
    // What a CI log shows: no line per page, a progress line now and then.
    const log = build('--progress-every', '1');
    expect(log).not.toContain('├─');
    expect(log).toMatch(/^pages: \d+ pages, \d+ s$/m);
    expect(log).toMatch(/^pages: \d+ \(\d+ rendered, 0 kept from the last build\)$/m);
    // Each stage's last line, counted by the stage itself (scripts/lib/stage-progress.ts): 16 files and the 5 samples.
    expect(log).toMatch(/^ingest: done, 21 files in /m);
    expect(log).toMatch(/^pages: done, \d+ pages in /m);
    expect(log).toMatch(/^data files: done, (\d+) dump members \(\1 rebuilt, [1-9]\d* citation files written\) in /m);
    expect(log).toMatch(/^search index: done, [1-9]\d* pages indexed \(3 of 3 bundles built\) in /m);
    // As actions/cache saves (tar --posix -cf ... -P -C <workspace> <paths>) and restores.
    sh('tar', ['--posix', '-cf', cacheFile, '-P', '-C', checkout, ...cached]);
    freshCheckout([...first, ...added]);
    sh('tar', ['-xf', cacheFile, '-P', '-C', checkout]);
    cpSync(path.join(checkout, 'dist'), previousSite, { recursive: true });

    const output = build('--verbose');
    expect(output).not.toContain('building clean');
    // The restored files of the raw folder were read again (new inodes and times) but their
    // results came from the ingest's cache.
    expect(output).toMatch(new RegExp(`ingest: ${first.length + added.length + 5} files in .* \\(${first.length + 5} unchanged, from cache\\)`));
    // Unchanged pages stayed where the restored site folder had them (kept without a visit, or
    // "(cached)"), none had to be copied back from Astro's cache ("(restored)"): the site
    // folder's record survived. Article pages among them: their cache keys hold their entries'
    // digests, which survived, so not every article page was rendered again.
    expect(output).not.toContain('(restored)');
    const articles = loggedPages(output).filter((page) => page.path.startsWith('/articles/'));
    const kept = loggedPages(output).filter((page) => page.restored).length + unvisitedPages(output);
    const renderedArticles = articles.filter((page) => !page.restored).length;
    expect(kept).toBeGreaterThan(0);
    expect(renderedArticles).toBeLessThan(first.length + added.length + 5);
    console.log(`article pages: ${renderedArticles} rendered; pages kept: ${kept}`);

    // --quiet: the summary alone.
    const quiet = build('--out', clean.out, '--dist', clean.dist, '--clean', '--quiet');
    expect(quiet.trim().split('\n')).toEqual([expect.stringMatching(/^pages: \d+ \(\d+ rendered, 0 kept/), expect.stringMatching(/^ingest: [\d.]+ s · astro build: /)]);
    expect(differences(path.join(checkout, 'dist'), clean.dist)).toEqual([]);
    expect(differences(path.join(checkout, 'content/archive'), clean.out)).toEqual([]);
    expect(indexedPages(path.join(checkout, 'dist'))).toEqual(indexedPages(clean.dist));

    // What deploy/github/s3.yml would upload: the files whose bytes changed, not the site.
    const diff = diffSites(previousSite, path.join(checkout, 'dist'));
    console.log(`after adding ${added.length} articles to ${first.length + 5}: ${formatSiteDiff(diff)}`);
    expect(diff.added.length).toBeGreaterThan(0);
    expect(diff.unchanged).toBeGreaterThan(diff.added.length + diff.changed.length);
  });

  it('names what failed, even with --quiet', () => {
    const failed = tryBuild('--quiet', '--input', 'no-such-folder');
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(/ingest: .*no-such-folder/);
    expect(failed.output).toContain('build: ingest failed (exit code 1)');
  });
});
