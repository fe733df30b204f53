import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSearchIndex, type SearchIndexResult } from '../../src/search/build/index-build.ts';
import type { SegmentLimits } from '../../src/search/bundles.ts';
import type { Article } from '../../src/schemas/article.ts';
import { routes } from '../../src/lib/urls.ts';
import { watchErrors } from './support/browser.ts';
import { testArchiveDir, testDistDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { serveCleanAndUpdated, type SearchSites } from './support/search-sites.ts';
import { writeEntryFile } from '../unit/support/articles.ts';

interface Answer {
  status: string;
  paths: string[];
  dates: (string | null)[];
}

/**
 * The equality an incremental build keeps for the search (docs/search.md): after additions,
 * changes and removals, a site whose search is bases, deltas and tombstones answers every
 * query of a fixed list as a clean build of the same entries does: the same articles, the
 * same counts and filter counts, the same dates in a newest-first list. The test archive is
 * small, so its bundles are cut at three pages and nothing is compacted.
 */
describe('search over bases, a delta and tombstones', () => {
  const limits: SegmentLimits = { maxBundlePages: 3, deltaPages: 1_000, staleShare: 1 };
  let root: string;
  let browser: Browser;
  let clean: StaticServer;
  let updated: StaticServer;
  let sites: SearchSites | undefined;
  const updates: SearchIndexResult[] = [];
  let removedPath = '';

  const queries = [
    '?q=18-NQ%2FTW',
    '?q=18-NQ%2FTW&sort=date',
    '?q=parti',
    '?q=parti&sort=date',
    '?q=parti%20congr%C3%A8s',
    // Inflected forms, stemmed by the page.
    '?q=%D0%BF%D0%B0%D1%80%D1%82%D0%B8%D0%B9%D0%BD%D0%BE%D0%B9',
    '?q=%CF%83%CF%85%CE%BD%CE%AD%CE%B4%CF%81%CE%B9%CE%BF',
    '?topic=doc-18-nq-tw',
    '?q=parti&lang=fr',
    '?year=2025',
    '?year=2025&sort=date',
    // Words only the changed or removed versions held, and those only the new ones hold. (A
    // word no page has as a prefix is not listed: Pagefind then falls back, per bundle, to the
    // longest word of its own index that the word starts with; see docs/search.md.)
    '?q=xylophonique',
    '?q=parti%20xylophonique',
    '?q=yodleuse',
    '?q=yodleuse&sort=date',
  ];

  async function search(page: Page, site: StaticServer, query: string): Promise<Answer> {
    await page.goto(`${site.url}search/${query}`);
    await page.waitForFunction(() => /\bresults?\b/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    const status = (await page.locator('[data-search-status]').textContent()) ?? '';
    // Every result, not just the first screen: a relevance order may differ between the two.
    while (await page.locator('[data-search-more]').isVisible()) {
      const shown = await page.locator('[data-search-results] > li').count();
      await page.click('[data-search-more]');
      await page.waitForFunction((count) => document.querySelectorAll('[data-search-results] > li').length > count || (document.querySelector('[data-search-more]') as HTMLElement).hidden, shown);
    }
    const results = await page.$$eval('[data-search-results] > li', (items) =>
      items.map((item) => ({
        path: new URL((item.querySelector('h3 a') as HTMLAnchorElement).href).pathname,
        date: item.querySelector('time')?.getAttribute('datetime') ?? null,
      })),
    );
    return { status, paths: results.map((result) => result.path), dates: results.map((result) => result.date) };
  }

  async function facet(page: Page, site: StaticServer, query: string, name: string): Promise<string[]> {
    await search(page, site, query);
    await page.focus(`select[name="${name}"]`);
    await page.waitForFunction((key) => document.querySelectorAll(`select[name="${key}"] option`).length > 1, name);
    return page.$$eval(`select[name="${name}"] option`, (options) => options.map((option) => option.textContent ?? ''));
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'search-segments-'));
    const entries = path.join(root, 'articles');
    await cp(path.join(testArchiveDir, 'articles'), entries, { recursive: true });
    const names = (await readdir(entries, { recursive: true })).filter((name) => name.endsWith('.json')).sort();
    const ofLang = (lang: string) => names.filter((name) => name.startsWith(`${lang}${path.sep}`));
    const [fr, ru, el] = [ofLang('fr'), ofLang('ru'), ofLang('el')];
    const read = async (name: string) => JSON.parse(await readFile(path.join(entries, name), 'utf8')) as Article;
    const write = (name: string, entry: Article) => writeEntryFile(path.join(entries, name), entry);
    const withText = (entry: Article, text: string): Article => ({ ...entry, body: [...entry.body, { kind: 'paragraph', text }] });
    const copyOf = async (name: string, date: string): Promise<[string, Article]> => {
      const entry = await read(name);
      const slug = path.basename(name, '.json');
      return [path.join(entry.lang, `${slug}-copie.json`), { ...entry, id: `${entry.lang}/${slug}-copie`, title: `${entry.title} (yodleuse)`, date, dateSource: 'publisher-line' }];
    };
    const incremental = { dist: path.join(root, 'incremental'), scratch: path.join(root, 'incremental-scratch'), state: path.join(root, 'state.json') };
    await cp(testDistDir, incremental.dist, { recursive: true });
    const update = async () => updates.push(await buildSearchIndex(entries, path.join(incremental.dist, 'pagefind'), incremental.scratch, { stateFile: incremental.state, limits }));

    // The first build: two articles with words that a change and a removal take away.
    const [changed, removed] = [fr[0]!, fr[1]!];
    await write(changed, withText(await read(changed), 'Un débat xylophonique.'));
    await write(removed, withText(await read(removed), 'Une quokkalogie du parti.'));
    removedPath = `/${routes.article((await read(removed)).id)}`;
    await update();

    // An update: one French body changed, a Greek date moved to another month, a Russian
    // article's topics dropped; two articles removed; two added, one of them old.
    await write(changed, withText(await read(fr[0]!), 'Une chanteuse yodleuse.'));
    const greek = await read(el[0]!);
    await write(el[0]!, { ...greek, date: '2019-06-15', dateSource: 'publisher-line' });
    const russian = await read(ru[0]!);
    await write(ru[0]!, { ...russian, topics: [] });
    await rm(path.join(entries, removed));
    await rm(path.join(entries, ru[1]!));
    for (const [name, entry] of [await copyOf(fr[2]!, '2026-11-30'), await copyOf(el[1]!, '2020-02-02')]) await write(name, entry);
    await update();

    // Another: an added article changed again, and one more removed.
    const [name, entry] = await copyOf(fr[2]!, '2026-12-01');
    await write(name, { ...entry, body: [{ kind: 'paragraph', text: 'Le parti et la yodleuse.' }] });
    await rm(path.join(entries, fr[3]!));
    await update();

    sites = await serveCleanAndUpdated(root, entries, incremental.dist);
    ({ clean, updated, browser } = sites);
  }, 120_000);

  afterAll(async () => {
    await sites?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('is built as bases, a delta and tombstones, not from nothing', () => {
    const last = updates.at(-1)!;
    expect(last.bundles.filter((bundle) => bundle.delta).map((bundle) => bundle.name).sort()).toEqual(['el-delta', 'fr-delta', 'ru-delta']);
    expect(last.tombstones).toBeGreaterThanOrEqual(5);
    // The last update wrote only the French delta; every base was kept.
    expect(last.rebuilt).toEqual(['fr-delta']);
  });

  it('answers every query of the list with the articles, counts and dates a clean build gives', { timeout: 300_000 }, async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const mismatches: string[] = [];
    let sameOrder = 0;
    let ranked = 0;
    for (const query of queries) {
      const expected = await search(page, clean, query);
      const found = await search(page, updated, query);
      if (found.status !== expected.status) mismatches.push(`${query}: ${found.status} | clean: ${expected.status}`);
      if ([...found.paths].sort().join() !== [...expected.paths].sort().join()) mismatches.push(`${query}: ${[...found.paths].sort().join()} | clean: ${[...expected.paths].sort().join()}`);
      if (query.includes('sort=date') || !query.includes('q=')) {
        if (found.dates.join() !== expected.dates.join()) mismatches.push(`${query}: dates ${found.dates.join()} | clean: ${expected.dates.join()}`);
      } else {
        ranked += 1;
        if (found.paths.join() === expected.paths.join()) sameOrder += 1;
      }
    }
    expect(mismatches).toEqual([]);
    // A removed page is never listed, even for its own words; the new words find the new versions.
    for (const query of ['?q=quokkalogie', '?q=parti%20quokkalogie']) expect((await search(page, updated, query)).paths, query).not.toContain(removedPath);
    expect((await search(page, updated, '?q=yodleuse')).paths.length).toBe(3);
    console.info(`search segments: ${sameOrder} of ${ranked} relevance-ordered queries list in the clean build's order`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts every filter’s values as a clean build does', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    for (const [query, name] of [
      ['?q=parti', 'topic'],
      ['?q=parti', 'year'],
      ['?q=parti', 'publisher'],
      ['?year=2025', 'topic'],
    ] as const) {
      const expected = await facet(page, clean, query, name);
      expect(expected.length, `${query} ${name}`).toBeGreaterThan(1);
      expect(await facet(page, updated, query, name), `${query} ${name}`).toEqual(expected);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
