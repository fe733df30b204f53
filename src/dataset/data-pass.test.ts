import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
    expect(writeArchiveData(options('site-2')).rebuilt).toBe(0);
    expect(published(options('site-2').out)).toEqual(published(options('site-1').out));

    // One entry changed, one added, one removed: only the members holding them are rebuilt.
    writeEntry(articlesDir, { ...(articles[7] as Article), title: 'Changed title' });
    writeEntry(articlesDir, makeArticle('fr/article-0150-added'));
    rmSync(path.join(articlesDir, `${articles[200]?.id}.json`));
    const update = writeArchiveData(options('site-3'));
    expect(update.rebuilt).toBeGreaterThan(0);
    expect(update.rebuilt).toBeLessThanOrEqual(6);
    expect(update.members).toBeGreaterThanOrEqual(first.members - 2);
    const clean = writeArchiveData(options('site-clean', 'cache-clean'));
    expect(clean.rebuilt).toBe(clean.members);
    expect(published(options('site-3').out)).toEqual(published(options('site-clean').out));
    expect(readFileSync(path.join(options('site-3').out, 'articles/fr/article-0150-added.bib'), 'utf8')).toContain('article-0150-added');
    // The cache holds this pass's members and nothing else.
    expect(readdirSync(options('site-3').cacheDir)).toHaveLength(update.members * 2);
  });

  it('makes again a cached member that is damaged or not what this code writes', () => {
    const { options } = setup(120);
    writeArchiveData(options('site-1'));
    const cacheDir = options('site-1').cacheDir;
    const [broken, stale] = readdirSync(cacheDir).filter((name) => name.endsWith('.json')).sort();
    writeFileSync(path.join(cacheDir, broken as string), '{"csv": "x", "citat');
    writeFileSync(path.join(cacheDir, stale as string), JSON.stringify({ csv: 'x', citations: [['fr/a', ['only one format']]] }));
    expect(writeArchiveData(options('site-2')).rebuilt).toBe(2);
    expect(published(options('site-2').out)).toEqual(published(options('site-1').out));
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
    // Same size, other bytes: left alone, since scripts/build.ts keeps only the files this pass left.
    const untouched = articles[250] as Article;
    writeFileSync(bib(untouched.id), readFileSync(bib(untouched.id), 'utf8').replace('article', 'ARTICLE'));
    // Another size, or missing: written again.
    const shortened = articles[120] as Article;
    writeFileSync(bib(shortened.id), 'edited');
    const deleted = articles[180] as Article;
    rmSync(bib(deleted.id));
    const update = writeArchiveData(options('site'));
    // The changed entry's member is rebuilt, and only the changed entry's files written; two files besides.
    expect(update.rebuilt).toBe(1);
    expect(update.written).toBe(3 + 2);
    expect(readFileSync(bib(changed.id), 'utf8')).toContain('Changed title');
    expect(readFileSync(bib(shortened.id), 'utf8')).toContain(shortened.id.split('/')[1]);
    expect(readFileSync(bib(deleted.id), 'utf8')).toContain(deleted.id.split('/')[1]);
    expect(readFileSync(bib(untouched.id), 'utf8')).toContain('ARTICLE');
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
