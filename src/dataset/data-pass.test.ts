import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterClockTick } from '../../tests/unit/support/fs-clock.ts';
import { makeArticle } from '../../tests/unit/support/articles.ts';
import type { Article } from '../schemas/article.ts';
import { isCitationFileOfEntry, writeArchiveData, type DataPassOptions } from './data-pass.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes an entry as the ingest does: a new file renamed over the old one. */
function writeEntry(articlesDir: string, article: Article): void {
  const file = path.join(articlesDir, `${article.id}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(article, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Every file a pass wrote into the site folder, by relative path. */
function published(out: string): Map<string, Buffer> {
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.'));
  return new Map(files.sort().map((name) => [name, readFileSync(path.join(out, name))]));
}

function setup(count: number) {
  const root = mkdtempSync(path.join(tmpdir(), 'data-pass-'));
  dirs.push(root);
  const articlesDir = path.join(root, 'articles');
  const articles = Array.from({ length: count }, (_, i) => makeArticle(`${['fr', 'ru', 'el'][i % 3]}/article-${String(i).padStart(4, '0')}`, { body: [{ kind: 'paragraph', text: `Paragraph ${i} `.repeat(20) }] }));
  for (const article of articles) writeEntry(articlesDir, article);
  afterClockTick(root);
  const options = (name: string, cache = 'cache'): DataPassOptions => ({
    articlesDir,
    out: path.join(root, name),
    cacheDir: path.join(root, cache),
    absolute: (sitePath) => `https://ex.org/${sitePath}`,
    codeKey: 'code',
  });
  return { root, articlesDir, articles, options };
}

describe('writeArchiveData', () => {
  it('writes one dump line per entry in id order, across gzip members that any gzip reader joins', () => {
    const { articles, options } = setup(300);
    const result = writeArchiveData(options('site'));
    expect(result.members).toBeGreaterThan(2);
    expect(result.rebuilt).toBe(result.members);
    const lines = gunzipSync(readFileSync(path.join(options('site').out, 'data/articles.jsonl.gz'))).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => (JSON.parse(line) as Article).id)).toEqual(articles.map((a) => a.id).sort());
    const csv = readFileSync(path.join(options('site').out, 'data/articles.csv'), 'utf8').split('\r\n');
    expect(csv).toHaveLength(articles.length + 2);
    for (const extension of ['bib', 'ris', 'csl.json']) expect(readFileSync(path.join(options('site').out, `articles/fr/article-0000.${extension}`), 'utf8')).toContain('article-0000');
  });

  it('takes unchanged members from the cache and gives byte for byte what a clean pass gives', () => {
    const { articlesDir, articles, options } = setup(300);
    const first = writeArchiveData(options('site-1'));
    const again = writeArchiveData(options('site-2'));
    expect(again.rebuilt).toBe(0);
    // Another site folder: every entry's citation files are made and compared.
    expect(again.read).toBe(300);
    expect(published(options('site-2').out)).toEqual(published(options('site-1').out));

    // One entry changed, one added, one removed: only the members holding them are rebuilt.
    writeEntry(articlesDir, { ...(articles[7] as Article), title: 'Changed title' });
    writeEntry(articlesDir, makeArticle('fr/article-0150-added'));
    rmSync(path.join(articlesDir, `${articles[200]?.id}.json`));
    const update = writeArchiveData({ ...options('site-2'), siteIntact: true });
    expect(update.rebuilt).toBeGreaterThan(0);
    expect(update.rebuilt).toBeLessThanOrEqual(6);
    // Only the changed and the added entry are read: the rebuilt members' other entries come from the cache.
    expect(update.read).toBe(2);
    expect(update.members).toBeGreaterThanOrEqual(first.members - 2);
    const clean = writeArchiveData(options('site-clean', 'cache-clean'));
    expect(clean.rebuilt).toBe(clean.members);
    // The removed entry's files are the build's to delete (src/build/site-output.ts).
    const site = published(options('site-2').out);
    for (const extension of ['bib', 'ris', 'csl.json']) site.delete(`articles/${articles[200]?.id}.${extension}`);
    expect(site).toEqual(published(options('site-clean').out));
    expect(readFileSync(path.join(options('site-2').out, 'articles/fr/article-0150-added.bib'), 'utf8')).toContain('article-0150-added');
    // The cache holds this pass's members and its record, nothing else.
    expect(readdirSync(options('site-2').cacheDir).filter((name) => !name.startsWith('pass'))).toHaveLength(update.members * 2);
    // Four passes over 300 entries: more than the default 5 s on a busy machine.
  }, 60_000);

  it('leaves everything as it is when nothing changed and the site folder is intact', () => {
    const { options } = setup(200);
    writeArchiveData(options('site'));
    const dump = path.join(options('site').out, 'data/articles.jsonl.gz');
    const before = statSync(dump).mtimeMs;
    const result = writeArchiveData({ ...options('site'), siteIntact: true });
    expect(result).toMatchObject({ rebuilt: 0, read: 0, written: 0 });
    expect(statSync(dump).mtimeMs).toBe(before);
  });

  it('reads again the entries of a member whose cache is damaged, and starts afresh without a whole record', () => {
    const { options } = setup(120);
    writeArchiveData(options('site-1'));
    const cacheDir = options('site-1').cacheDir;
    const [gzip] = readdirSync(cacheDir).filter((name) => name.endsWith('.gz')).sort();
    const [csv] = readdirSync(cacheDir).filter((name) => name.endsWith('.csv') && !name.startsWith(gzip?.slice(0, -3) as string)).sort();
    writeFileSync(path.join(cacheDir, gzip as string), readFileSync(path.join(cacheDir, gzip as string)).subarray(0, 100));
    writeFileSync(path.join(cacheDir, csv as string), 'x');
    // Not with the site folder intact and nothing changed: that pass opens nothing.
    const repaired = writeArchiveData(options('site-1'));
    expect(repaired.rebuilt).toBe(2);
    expect(repaired.read).toBeGreaterThan(0);
    writeArchiveData(options('site-clean', 'cache-clean'));
    expect(published(options('site-1').out)).toEqual(published(options('site-clean').out));

    writeFileSync(path.join(cacheDir, 'pass.json'), '{"format": 1, "entries": [');
    const afresh = writeArchiveData({ ...options('site-1'), siteIntact: true });
    expect(afresh.rebuilt).toBe(afresh.members);
    expect(afresh.read).toBe(120);
    expect(published(options('site-1').out)).toEqual(published(options('site-clean').out));
  });

  it('writes again, into the folder it last wrote, only the citation files that changed or went missing', () => {
    const { articlesDir, articles, options } = setup(300);
    const first = writeArchiveData(options('site'));
    expect(first.written).toBe(first.entries * 3);
    const out = options('site').out;
    const bib = (id: string) => path.join(out, `articles/${id}.bib`);
    expect(writeArchiveData(options('site')).written).toBe(0);

    const changed = articles[7] as Article;
    writeEntry(articlesDir, { ...changed, title: 'Changed title' });
    // Edited in place: left alone, since the build keeps only the files this pass left (src/build/site-output.ts).
    const untouched = articles[250] as Article;
    writeFileSync(bib(untouched.id), readFileSync(bib(untouched.id), 'utf8').replace('article', 'ARTICLE'));
    // Missing, with the site folder not intact: written again.
    const deleted = articles[180] as Article;
    rmSync(bib(deleted.id));
    const update = writeArchiveData(options('site'));
    // The changed entry's member is rebuilt, and only the changed entry's files written; one file besides.
    expect(update.rebuilt).toBe(1);
    expect(update.written).toBe(3 + 1);
    expect(readFileSync(bib(changed.id), 'utf8')).toContain('Changed title');
    expect(readFileSync(bib(deleted.id), 'utf8')).toContain(deleted.id.split('/')[1]);
    expect(readFileSync(bib(untouched.id), 'utf8')).toContain('ARTICLE');
    // With the site folder intact, an unchanged entry's files are not looked at.
    rmSync(bib(deleted.id));
    expect(writeArchiveData({ ...options('site'), siteIntact: true }).written).toBe(0);
  });

  it('tells the citation files of the entries it holds from every other file', () => {
    const { articlesDir } = setup(3);
    expect(isCitationFileOfEntry(articlesDir, 'articles/fr/article-0000.bib')).toBe(true);
    expect(isCitationFileOfEntry(articlesDir, 'articles/ru/article-0001.ris')).toBe(true);
    expect(isCitationFileOfEntry(articlesDir, 'articles/el/article-0002.csl.json')).toBe(true);
    expect(isCitationFileOfEntry(articlesDir, 'articles/fr/article-0003.bib')).toBe(false);
    expect(isCitationFileOfEntry(articlesDir, 'articles/fr/article-0000.json')).toBe(false);
    expect(isCitationFileOfEntry(articlesDir, 'articles/fr/article-0000/index.html')).toBe(false);
    expect(isCitationFileOfEntry(articlesDir, 'topics/fr/article-0000.bib')).toBe(false);
  });

  it('rebuilds everything when the code key changes', () => {
    const { options } = setup(40);
    writeArchiveData(options('site-1'));
    const result = writeArchiveData({ ...options('site-2'), codeKey: 'other code' });
    expect(result.rebuilt).toBe(result.members);
  });

  it('publishes a valid empty dump for an empty archive', () => {
    const { options } = setup(0);
    expect(writeArchiveData(options('site')).entries).toBe(0);
    expect(gunzipSync(readFileSync(path.join(options('site').out, 'data/articles.jsonl.gz'))).length).toBe(0);
  });
});
