import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchIndexSummary } from './index-search.ts';

const article = (lang: string, title: string) =>
  `<!doctype html><html lang="${lang}"><body><nav>Navigation words</nav><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${title} body text</p></article></body></html>`;

describe('buildSearchIndex', () => {
  let site: string;
  let summary: SearchIndexSummary;

  beforeAll(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'index-search-'));
    const pages: [string, string][] = [
      ['articles/fr/a/index.html', article('fr', 'Réforme')],
      ['articles/fr/b/index.html', article('fr', 'Congrès')],
      ['articles/ru/c/index.html', article('ru', 'Съезд')],
      ['index.html', '<!doctype html><html lang="en"><body><h1>Home</h1></body></html>'],
      ['topics/x/index.html', '<!doctype html><html lang="en"><body><h1>Listing</h1></body></html>'],
    ];
    for (const [file, html] of pages) {
      await mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await writeFile(path.join(site, file), html);
    }
    summary = await buildSearchIndex(site);
  }, 60_000);

  afterAll(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it('indexes the article pages of each language into that language’s own bundle', () => {
    expect(summary).toEqual({ fr: 2, ru: 1, el: 0 });
  });

  it('lists only the bundles it wrote, and writes none for a language without articles', async () => {
    expect(JSON.parse(await readFile(path.join(site, 'pagefind/languages.json'), 'utf8'))).toEqual({ fr: 2, ru: 1 });
    expect((await readdir(path.join(site, 'pagefind'))).sort()).toEqual(['fr', 'languages.json', 'ru']);
  });

  it('each bundle holds its language’s stemmer and none of Pagefind’s unused ready-made UIs', async () => {
    const fr = await readdir(path.join(site, 'pagefind/fr'));
    expect(fr).toContain('wasm.fr.pagefind');
    expect(fr).toContain('pagefind.js');
    expect(fr.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    const entry = JSON.parse(await readFile(path.join(site, 'pagefind/ru/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['ru']);
  });
});
