import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASTRO_MANIFEST, astroPages, emptyOutput, finishOutput, prepareOutput, type KeptFiles } from './site-output.ts';

/** What a first build leaves: every file recorded. */
const recordOutput = (dist: string, record: string): void => {
  finishOutput(dist, record, new Map() as KeptFiles, () => true);
};

let root: string;
let dist: string;
let record: string;

function put(relative: string, text: string): void {
  const file = path.join(dist, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Gives a file a modification time of its own, as a write in a later build would. */
function rewrite(relative: string, text: string): void {
  put(relative, text);
  const later = new Date(Date.now() + 60_000);
  utimesSync(path.join(dist, relative), later, later);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'site-output-'));
  dist = path.join(root, 'dist');
  record = path.join(root, 'cache', 'site-output.json');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('prepareOutput', () => {
  it('keeps the recorded files that are unchanged and deletes every other file, leaving no empty folder', () => {
    put('articles/fr/a/index.html', 'a');
    put('articles/fr/b/index.html', 'b');
    put('_astro/site.css', 'css');
    recordOutput(dist, record);
    put('articles/fr/b/index.html', 'b, edited by hand');
    put('articles/fr/c/index.html', 'not made by a build');
    put('stray/file.txt', 'x');

    const { kept } = prepareOutput(dist, record);
    expect([...kept.keys()].sort()).toEqual(['_astro/site.css', 'articles/fr/a/index.html']);
    expect(existsSync(path.join(dist, 'articles/fr/a/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'articles/fr/b/index.html'))).toBe(false);
    expect(existsSync(path.join(dist, 'articles/fr/c'))).toBe(false);
    expect(existsSync(path.join(dist, 'stray'))).toBe(false);
  });

  it('says the folder is intact only when it is exactly as recorded: nothing changed, added or missing', () => {
    put('index.html', 'home');
    put('articles/fr/a/index.html', 'a');
    recordOutput(dist, record);
    expect(prepareOutput(dist, record).intact).toBe(true);
    rmSync(path.join(dist, 'articles/fr/a/index.html'));
    expect(prepareOutput(dist, record)).toMatchObject({ intact: false, kept: new Map([['index.html', expect.anything()]]) });
    recordOutput(dist, record);
    put('stray.html', 'not built');
    expect(prepareOutput(dist, record).intact).toBe(false);
    recordOutput(dist, record);
    rewrite('index.html', 'edited');
    expect(prepareOutput(dist, record).intact).toBe(false);
    rmSync(record);
    expect(prepareOutput(dist, record).intact).toBe(false);
  });

  it('keeps nothing when there is no record, or the record is of another folder', () => {
    put('index.html', 'home');
    expect(prepareOutput(dist, record).kept.size).toBe(0);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(false);

    put('index.html', 'home');
    recordOutput(dist, record);
    const other = path.join(root, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'index.html'), 'home');
    expect(prepareOutput(other, record).kept.size).toBe(0);
    expect(existsSync(path.join(other, 'index.html'))).toBe(false);
  });

  it('leaves a deployment’s .git alone, as Astro does, and so does emptyOutput', () => {
    put('.git/HEAD', 'ref: refs/heads/main');
    put('index.html', 'home');
    prepareOutput(dist, record);
    expect(readFileSync(path.join(dist, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main');
    put('index.html', 'home');
    emptyOutput(dist);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(false);
    expect(existsSync(path.join(dist, '.git/HEAD'))).toBe(true);
  });
});

describe('finishOutput', () => {
  it('deletes kept files this build neither wants nor wrote again, and keeps the rest', () => {
    put('articles/fr/kept/index.html', 'skipped by Astro');
    put('articles/fr/removed/index.html', 'an article no longer in the archive');
    put('sitemap-0.xml', 'old');
    put('_astro/old.css', 'old code');
    recordOutput(dist, record);
    const { kept } = prepareOutput(dist, record);
    rewrite('sitemap-0.xml', 'new');
    put('_astro/new.css', 'new code');

    const { removed, recorded } = finishOutput(dist, record, kept, (file) => file === 'articles/fr/kept/index.html');
    expect({ removed, recorded }).toEqual({ removed: 2, recorded: 3 });
    expect(existsSync(path.join(dist, 'articles/fr/kept/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'articles/fr/removed'))).toBe(false);
    expect(readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8')).toBe('new');
    expect(existsSync(path.join(dist, '_astro/old.css'))).toBe(false);
    expect(existsSync(path.join(dist, '_astro/new.css'))).toBe(true);
    // What it recorded is what the next build keeps.
    expect([...prepareOutput(dist, record).kept.keys()].sort()).toEqual(['_astro/new.css', 'articles/fr/kept/index.html', 'sitemap-0.xml']);
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
