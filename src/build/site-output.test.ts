import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsByListing } from '../lib/exists-by-listing.ts';
import { entryFile } from '../lib/archive-entries.ts';
import { routes } from '../lib/urls.ts';
import { ASTRO_MANIFEST, astroPages, emptyOutput, finishOutput, mayBeStale, prepareOutput, SiteFiles } from './site-output.ts';

let root: string;
let dist: string;
let record: string;

/**
 * Lets the file system's clock move on: its times are taken from a coarse clock (a few
 * milliseconds), and what a test does next must be later than what it did before.
 */
const later = (): Promise<unknown> => sleep(30);

/** The end of a build whose stages wrote every file the folder holds: the next build's reading learns them all. */
async function recordOutput(): Promise<void> {
  finishOutput(dist, record, [], new Set(), 0);
  await later();
}

/** Marks the start of a build's stages, as src/build/build.ts does, on the file system's clock. */
function stagesStart(): number {
  const marker = path.join(root, 'marker');
  writeFileSync(marker, 'x');
  return statSync(marker).mtimeMs;
}

function put(relative: string, text: string): void {
  const file = path.join(dist, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const files = (kept: SiteFiles): string[] => [...kept.files()].sort();

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'site-output-'));
  dist = path.join(root, 'dist');
  record = path.join(root, 'cache', 'site-output.json');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('prepareOutput', () => {
  it('deletes what was added by hand, notices what was deleted, and leaves no empty folder', async () => {
    put('articles/fr/a/index.html', 'a');
    put('articles/fr/b/index.html', 'b');
    put('_astro/site.css', 'css');
    await recordOutput();
    rmSync(path.join(dist, 'articles/fr/b/index.html'));
    put('articles/fr/c/index.html', 'not made by a build');
    put('stray/file.txt', 'x');

    const { kept, intact } = prepareOutput(dist, record);
    expect(intact).toBe(false);
    expect(files(kept)).toEqual(['_astro/site.css', 'articles/fr/a/index.html']);
    expect(existsSync(path.join(dist, 'articles/fr/a/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'articles/fr/c'))).toBe(false);
    expect(existsSync(path.join(dist, 'stray'))).toBe(false);
  });

  it('reads only the folders changed since the last build: a file edited in place is found only with verify', async () => {
    put('index.html', 'home');
    put('articles/fr/a/index.html', 'a');
    await recordOutput();
    expect(prepareOutput(dist, record).intact).toBe(true);
    await later();
    // The same size, written in place: no folder changes.
    put('articles/fr/a/index.html', 'b');
    expect(prepareOutput(dist, record)).toMatchObject({ intact: true });
    expect(readFileSync(path.join(dist, 'articles/fr/a/index.html'), 'utf8')).toBe('b');
    const verified = prepareOutput(dist, record, true);
    expect(verified.intact).toBe(false);
    expect(files(verified.kept)).toEqual(['index.html']);
    expect(existsSync(path.join(dist, 'articles'))).toBe(false);
  });

  it('says the folder is intact only when nothing was added or is missing', async () => {
    put('index.html', 'home');
    put('articles/fr/a/index.html', 'a');
    await recordOutput();
    expect(prepareOutput(dist, record).intact).toBe(true);
    rmSync(path.join(dist, 'articles'), { recursive: true });
    expect(prepareOutput(dist, record)).toMatchObject({ intact: false });
    expect(files(prepareOutput(dist, record).kept)).toEqual(['index.html']);
    await recordOutput();
    put('stray.html', 'not built');
    expect(prepareOutput(dist, record).intact).toBe(false);
    expect(existsSync(path.join(dist, 'stray.html'))).toBe(false);
    rmSync(record);
    expect(prepareOutput(dist, record).intact).toBe(false);
  });

  it('keeps nothing when there is no record, or the record is of another folder', async () => {
    put('index.html', 'home');
    expect(prepareOutput(dist, record).kept.files().next().done).toBe(true);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(false);

    put('index.html', 'home');
    await recordOutput();
    const other = path.join(root, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'index.html'), 'home');
    expect(prepareOutput(other, record).kept.files().next().done).toBe(true);
    expect(existsSync(path.join(other, 'index.html'))).toBe(false);
  });

  it('leaves a deployment’s .git alone, as Astro does, and so does emptyOutput', async () => {
    put('.git/HEAD', 'ref: refs/heads/main');
    put('index.html', 'home');
    prepareOutput(dist, record);
    expect(readFileSync(path.join(dist, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main');
    put('index.html', 'home');
    await recordOutput();
    put('.git/ORIG_HEAD', 'x');
    expect(prepareOutput(dist, record, true)).toMatchObject({ intact: true });
    expect(prepareOutput(dist, record)).toMatchObject({ intact: true });
    emptyOutput(dist);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(false);
    expect(existsSync(path.join(dist, '.git/HEAD'))).toBe(true);
  });
});

describe('finishOutput', () => {
  it('deletes kept files this build neither wants nor wrote again, and records what the stages wrote and deleted', async () => {
    put('articles/fr/kept/index.html', 'skipped by Astro');
    put('articles/fr/removed/index.html', 'an article no longer in the archive');
    put('sitemap-0.xml', 'old');
    put('_astro/old.css', 'old code');
    put('pagefind/fr/fragment/a.pf', 'a');
    put('pagefind/fr/fragment/b.pf', 'b');
    await recordOutput();
    const { kept } = prepareOutput(dist, record);
    const since = stagesStart();
    // What the stages do: write in place, add a file and a folder, replace a bundle.
    put('sitemap-0.xml', 'new');
    put('_astro/new.css', 'new code');
    put('articles/fr/new/index.html', 'a new article');
    rmSync(path.join(dist, 'pagefind/fr'), { recursive: true });
    put('pagefind/fr/fragment/c.pf', 'c');

    const wanted = new Set(['articles/fr/kept/index.html', 'articles/fr/new/index.html']);
    const { removed } = finishOutput(dist, record, [...kept.files()].filter((file) => !file.startsWith('pagefind/')), wanted, since);
    expect(removed).toBe(2);
    expect(existsSync(path.join(dist, 'articles/fr/kept/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'articles/fr/removed'))).toBe(false);
    expect(readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8')).toBe('new');
    expect(existsSync(path.join(dist, '_astro/old.css'))).toBe(false);
    // The next build's reading learns what the stages wrote and deleted: nobody else changed the folder.
    await later();
    const next = prepareOutput(dist, record);
    expect(next.intact).toBe(true);
    const learned = ['_astro/new.css', 'articles/fr/kept/index.html', 'articles/fr/new/index.html', 'pagefind/fr/fragment/c.pf', 'sitemap-0.xml'];
    expect(files(next.kept)).toEqual(learned);
    expect(prepareOutput(dist, record, true)).toMatchObject({ intact: true });
    expect(files(prepareOutput(dist, record).kept)).toEqual(learned);
  });
});

describe('the reading after a build', () => {
  /** A build that starts from the folder as recorded, and whose stages do `stages`. */
  async function buildWith(stages: () => void): Promise<void> {
    prepareOutput(dist, record);
    const since = stagesStart();
    stages();
    finishOutput(dist, record, [], new Set(), since);
    await later();
  }

  it('counts a change made after the build ended, even one that leaves every recorded name in place: a file the build wrote may be missing', async () => {
    put('articles/fr/a/index.html', 'a');
    await recordOutput();
    prepareOutput(dist, record);
    await later();
    // In a recorded folder, and in a folder the build made.
    await buildWith(() => put('articles/fr/new/index.html', 'a new article'));
    // Gone before any build recorded it: only the folder's change time tells.
    rmSync(path.join(dist, 'articles/fr/new'), { recursive: true });
    let { kept, intact } = prepareOutput(dist, record);
    expect(intact).toBe(false);
    expect(files(kept)).toEqual(['articles/fr/a/index.html']);
    await later();
    await buildWith(() => put('topics/x/y/index.html', 'a new listing'));
    rmSync(path.join(dist, 'topics/x/y'), { recursive: true });
    ({ kept, intact } = prepareOutput(dist, record));
    expect(intact).toBe(false);
    expect(files(kept)).toEqual(['articles/fr/a/index.html']);
  });

  it('deletes a file added by hand after the build, in a folder the build also changed, and keeps what the build wrote there', async () => {
    put('articles/fr/a/index.html', 'a');
    await recordOutput();
    await buildWith(() => put('articles/fr/b/index.html', 'b'));
    put('articles/fr/c/index.html', 'not made by a build');
    put('articles/fr/b/notes.txt', 'not made by a build');
    const { kept, intact } = prepareOutput(dist, record);
    expect(intact).toBe(false);
    expect(files(kept)).toEqual(['articles/fr/a/index.html', 'articles/fr/b/index.html']);
    expect(existsSync(path.join(dist, 'articles/fr/c'))).toBe(false);
    expect(existsSync(path.join(dist, 'articles/fr/b/notes.txt'))).toBe(false);
    expect(existsSync(path.join(dist, 'articles/fr/b/index.html'))).toBe(true);
  });

  it('writes the record again only when a folder changed since it was made', async () => {
    put('articles/fr/a/index.html', 'a');
    await recordOutput();
    prepareOutput(dist, record);
    const made = statSync(record).mtimeMs;
    const text = readFileSync(record, 'utf8');
    await buildWith(() => put('articles/fr/a/index.html', 'a, written again in place'));
    expect(prepareOutput(dist, record).intact).toBe(true);
    expect(statSync(record).mtimeMs).toBe(made);
    await buildWith(() => put('articles/fr/b/index.html', 'b'));
    expect(prepareOutput(dist, record).intact).toBe(true);
    expect(statSync(record).mtimeMs).toBeGreaterThan(made);
    expect(readFileSync(record, 'utf8')).not.toBe(text);
  });

  it('learns what the last build wrote from a restored cache, whose every change time is the restore’s', async () => {
    put('articles/fr/a/index.html', 'a');
    await recordOutput();
    prepareOutput(dist, record);
    await later();
    await buildWith(() => put('articles/fr/b/index.html', 'b'));
    // As CI saves and restores its caches: GNU tar in POSIX format, as actions/cache packs
    // them, keeps modification times to the nanosecond, not change times. (Its default format
    // keeps whole seconds: a build that straddled a second then read as changed by hand.)
    const saved = path.join(os.tmpdir(), `${path.basename(root)}.tar`);
    execFileSync('tar', ['--posix', '-cf', saved, '-C', root, 'dist', 'cache']);
    rmSync(dist, { recursive: true });
    rmSync(path.dirname(record), { recursive: true });
    await later();
    execFileSync('tar', ['-xf', saved, '-C', root]);
    rmSync(saved);
    const { kept, intact } = prepareOutput(dist, record);
    expect(intact).toBe(true);
    expect(files(kept)).toEqual(['articles/fr/a/index.html', 'articles/fr/b/index.html']);
  });

  it('is read at the end of a build that started with no record when asked to settle, so the next build reads no folder', async () => {
    prepareOutput(dist, record);
    let since = stagesStart();
    put('index.html', 'home');
    put('articles/fr/a/index.html', 'a');
    finishOutput(dist, record, [], new Set(), since);
    await later();
    // Not settled: the next build's reading learns the folders, and records them.
    expect(existsSync(record)).toBe(false);
    prepareOutput(dist, record);
    expect(existsSync(record)).toBe(true);

    emptyOutput(dist);
    rmSync(record);
    prepareOutput(dist, record);
    since = stagesStart();
    put('index.html', 'home');
    put('articles/fr/a/index.html', 'a');
    finishOutput(dist, record, [], new Set(), since, true);
    const made = statSync(record).mtimeMs;
    await later();
    const next = prepareOutput(dist, record);
    expect(next.intact).toBe(true);
    expect(files(next.kept)).toEqual(['articles/fr/a/index.html', 'index.html']);
    expect(statSync(record).mtimeMs).toBe(made);
  });

  it('learns a folder filled after it was emptied for want of its own record', async () => {
    put('index.html', 'home');
    await recordOutput();
    prepareOutput(dist, record);
    const other = path.join(root, 'other');
    mkdirSync(other);
    // The record is of `dist`: `other` is emptied, and the build that fills it is learned.
    writeFileSync(path.join(other, 'stray.html'), 'x');
    prepareOutput(other, record);
    const since = stagesStart();
    writeFileSync(path.join(other, 'index.html'), 'home');
    finishOutput(other, record, [], new Set(), since);
    await later();
    const next = prepareOutput(other, record);
    expect(next.intact).toBe(true);
    expect(files(next.kept)).toEqual(['index.html']);
  });
});

describe('a site folder of 150,000 files in one folder', () => {
  it('is recorded, and forgotten when the folder goes, however many files a folder holds', async () => {
    const many = 150_000;
    mkdirSync(path.join(dist, 'raw'), { recursive: true });
    for (let i = 0; i < many; i++) writeFileSync(path.join(dist, 'raw', `${i}.txt`), '');
    // A cold build: every file written by its stages.
    await recordOutput();
    const first = prepareOutput(dist, record);
    expect(first.intact).toBe(true);
    expect([...first.kept.files()].length).toBe(many);
    await later();
    rmSync(path.join(dist, 'raw'), { recursive: true });
    const { kept, intact } = prepareOutput(dist, record);
    expect(intact).toBe(false);
    expect(files(kept)).toEqual([]);
  }, 120_000);
});

describe('SiteFiles', () => {
  it('forgets a folder with everything below it, and only that', () => {
    const site = SiteFiles.of(['a/b/c.html', 'a/b/d/e.html', 'a/bb.html', 'x.html']);
    expect(site.remove('a/b').sort()).toEqual(['a/b/c.html', 'a/b/d/e.html']);
    expect(files(site)).toEqual(['a/bb.html', 'x.html']);
  });
});

describe('mayBeStale', () => {
  it('leaves out what the stages keep in place without writing it: bundles, the dump, raw copies and citation files of what the archive holds', async () => {
    const raw = path.join(root, 'archive', 'raw');
    const articles = path.join(root, 'archive', 'articles');
    mkdirSync(raw, { recursive: true });
    writeFileSync(path.join(raw, 'kept.txt'), 'x');
    mkdirSync(path.dirname(entryFile(articles, 'fr/a')), { recursive: true });
    writeFileSync(entryFile(articles, 'fr/a'), '{}');
    const keptAnyway = ['pagefind/fr/fragment/x.pf', routes.dataDump(), routes.dataCsv(), routes.dataSchema(), 'raw/kept.txt', `${routes.articleCitations('fr/a')}.bib`];
    const onlyAstroWants = ['articles/fr/a/index.html', 'articles/fr/gone/index.html', 'raw/gone.txt', `${routes.articleCitations('fr/gone')}.bib`, '_astro/old.css', 'data/other.csv'];
    expect((await mayBeStale(SiteFiles.of([...keptAnyway, ...onlyAstroWants]), { raw, articles })).sort()).toEqual(onlyAstroWants.sort());
  });
});

describe('existsByListing', () => {
  it('tells from each folder’s listing whether a file is there', () => {
    put('raw/a.txt', 'a');
    const exists = existsByListing();
    expect(exists(path.join(dist, 'raw', 'a.txt'))).toBe(true);
    expect(exists(path.join(dist, 'raw', 'b.txt'))).toBe(false);
    expect(exists(path.join(dist, 'none', 'a.txt'))).toBe(false);
  });
});

describe('astroPages', () => {
  it('reads the output file of every page in Astro’s manifest, decoded', () => {
    const cache = path.join(root, 'astro-cache');
    mkdirSync(cache);
    writeFileSync(
      path.join(cache, ASTRO_MANIFEST),
      JSON.stringify({ routes: { 'src/pages/a.astro': { paths: { '/a/': { outputFile: 'articles/ru/%D1%81%D1%8A%D0%B5%D0%B7%D0%B4/index.html' }, '/b/': { outputFile: 'topics/x/rss.xml' } } } } }),
    );
    expect([...astroPages(cache)].sort()).toEqual(['articles/ru/съезд/index.html', 'topics/x/rss.xml']);
    expect(astroPages(path.join(root, 'none')).size).toBe(0);
  });
});
