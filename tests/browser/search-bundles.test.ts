import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { buildSearchIndex } from '../../src/search/build/index-build.ts';
import type { ListedBundle } from '../../src/search/bundles.ts';
import { launchBrowser, watchErrors } from './support/browser.ts';
import { testArchiveDir, testDistDir } from './support/paths.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';

interface Shown {
  status: string;
  results: { path: string; date: string | null }[];
}

/**
 * A large archive cuts a language into bundles by month (src/search/bundles.ts). The test
 * site is small, so a copy of it gets a search index cut at two pages a bundle, and every
 * search must find on it what it finds on the site with one bundle per language.
 */
describe('search over a language cut into bundles', () => {
  let root: string;
  let browser: Browser;
  let whole: StaticServer;
  let cut: StaticServer;
  let bundles: ListedBundle[];
  /** The cut site with no bundle's foreign words listed: the page then asks every bundle every query. */
  let everyBundle: StaticServer;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'search-bundles-'));
    const dist = path.join(root, 'dist');
    await cp(testDistDir, dist, { recursive: true });
    ({ bundles } = await buildSearchIndex(path.join(testArchiveDir, 'articles'), path.join(dist, 'pagefind'), path.join(root, 'scratch'), { limits: { maxBundlePages: 2 } }));
    const unlisted = path.join(root, 'unlisted');
    await cp(dist, unlisted, { recursive: true });
    await writeFile(path.join(unlisted, 'pagefind/bundles.json'), JSON.stringify(bundles.map(({ foreign: _, ...bundle }) => bundle)));
    whole = await startStaticServer({ root: testDistDir });
    cut = await startStaticServer({ root: dist });
    everyBundle = await startStaticServer({ root: unlisted });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await whole?.close();
    await cut?.close();
    await everyBundle?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Opens a search's address and reads what it shows; with no address, reads the search shown. */
  async function search(page: Page, site: StaticServer, query: string): Promise<Shown> {
    if (query) await page.goto(`${site.url}search/${query}`);
    await page.waitForFunction(() => /\bresults?\b/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    return {
      status: (await page.locator('[data-search-status]').textContent()) ?? '',
      results: await page.$$eval('[data-search-results] > li', (items) =>
        items.map((item) => ({
          path: new URL((item.querySelector('h3 a') as HTMLAnchorElement).href).pathname,
          date: item.querySelector('time')?.getAttribute('datetime') ?? null,
        })),
      ),
    };
  }

  it('is cut into several bundles for a language', async () => {
    const perLang = new Map<string, number>();
    for (const bundle of bundles) perLang.set(bundle.lang, (perLang.get(bundle.lang) ?? 0) + 1);
    expect(Math.max(...perLang.values())).toBeGreaterThan(1);
    expect(JSON.parse(await readFile(path.join(root, 'dist/pagefind/bundles.json'), 'utf8'))).toEqual(bundles);
  });

  it('finds the same articles, counts them alike, and lists them newest first in the same order', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    for (const query of ['?q=18-NQ%2FTW', '?q=parti', '?q=%D0%BF%D0%B0%D1%80%D1%82%D0%B8%D0%B9%D0%BD%D0%BE%D0%B9', '?q=%CF%83%CF%85%CE%BD%CE%AD%CE%B4%CF%81%CE%B9%CE%BF', '?topic=doc-18-nq-tw', '?q=18-NQ%2FTW&sort=date']) {
      const expected = await search(page, whole, query);
      const found = await search(page, cut, query);
      expect(expected.results.length, `${query} finds articles`).toBeGreaterThan(0);
      expect(found.status, query).toBe(expected.status);
      if (query.includes('sort=date') || !query.includes('q=')) {
        expect(found.results.map((result) => result.date), `${query}: one date order`).toEqual(expected.results.map((result) => result.date));
      }
      expect(found.results.map((result) => result.path).sort(), query).toEqual(expected.results.map((result) => result.path).sort());
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('counts a filter’s values over every bundle of a language', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const counted = async (site: StaticServer) => {
      await search(page, site, '?q=parti');
      await page.focus('select[name="topic"]');
      await page.waitForFunction(() => document.querySelectorAll('select[name="topic"] option').length > 1);
      return page.$$eval('select[name="topic"] option', (options) => options.map((option) => option.textContent ?? ''));
    };
    const expected = await counted(whole);
    expect(expected.length).toBeGreaterThan(2);
    expect(await counted(cut)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  /** The bundles whose files a page requested, by folder name. */
  function requestedBundles(page: Page): Set<string> {
    const folders = new Set<string>();
    page.on('request', (request) => {
      const match = /\/pagefind\/([^/]+)\//.exec(new URL(request.url()).pathname);
      if (match) folders.add(match[1]!);
    });
    return folders;
  }

  /** The bundle whose page list a URL is, if it is one: the engine's own, beside the bundles, is none. */
  const bundlePageList = (url: string): string | undefined => /\/pagefind\/([^/]+)\/[^/]+\.pf_meta$/.exec(new URL(url).pathname)?.[1];

  it('asks only the bundles that may hold a word: a Cyrillic query loads no French or Greek file', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const requested = requestedBundles(page);
    const engines: string[] = [];
    page.on('request', (request) => {
      if (/\/wasm\.unknown\.pagefind$/.test(request.url())) engines.push(request.url());
    });
    const { results } = await search(page, cut, `?q=${encodeURIComponent('партийной')}`);
    expect(results.length).toBeGreaterThan(0);
    expect(engines.length, engines.join(' ')).toBe(1);
    expect([...requested].filter((folder) => !folder.startsWith('ru')), [...requested].join(' ')).toEqual([]);
    expect([...requested].some((folder) => folder.startsWith('ru'))).toBe(true);

    // A French word then opens French bundles only, and a Greek one Greek bundles only.
    requested.clear();
    await search(page, cut, '?q=parti');
    expect([...requested].every((folder) => folder.startsWith('fr')), [...requested].join(' ')).toBe(true);
    requested.clear();
    await search(page, cut, `?q=${encodeURIComponent('συνέδριο')}`);
    expect([...requested].every((folder) => folder.startsWith('el')), [...requested].join(' ')).toBe(true);
    // The WebAssembly is fetched once a page, by the first bundle a search opened from its
    // address opens (`parti` opens every French bundle); the others name an empty file.
    expect(engines.length, engines.join(' ')).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens, from the first letter typed, every bundle of the language written in its script, and no other', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const requested = requestedBundles(page);
    const pageLists: string[] = [];
    page.on('request', (request) => {
      const list = bundlePageList(request.url());
      if (list) pageLists.push(list);
    });
    const listed = page.waitForResponse((response) => response.url().endsWith('/pagefind/bundles.json'));
    await page.goto(`${cut.url}search/`);
    // The page loaded: the engine starts and the list of bundles loads, no bundle opens.
    await listed;
    await page.focus('#search-q');
    const russian = bundles.filter((bundle) => bundle.lang === 'ru').map((bundle) => bundle.name);
    expect(russian.length).toBeGreaterThan(1);
    expect([...requested]).toEqual([]);
    // One Cyrillic letter, no Enter: every Russian bundle opens, its page list loaded.
    await page.keyboard.insertText('п');
    await expect.poll(() => [...pageLists].sort(), { timeout: 30_000 }).toEqual([...russian].sort());
    expect([...requested].filter((folder) => !folder.startsWith('ru')), [...requested].join(' ')).toEqual([]);
    // As the reader types, the index chunks of the word load, before any search.
    const chunk = page.waitForRequest((request) => /\/pagefind\/ru[^/]*\/index\//.test(request.url()));
    await page.keyboard.insertText('артийной');
    await chunk;
    // The search then finds what a search opened from its address finds (in an order that
    // may differ, as the bundles answer in another order).
    await page.keyboard.press('Enter');
    const typed = await search(page, cut, '');
    expect(typed.results.length).toBeGreaterThan(0);
    expect([...requested].filter((folder) => !folder.startsWith('ru')), [...requested].join(' ')).toEqual([]);
    const opened = await search(page, cut, `?q=${encodeURIComponent('партийной')}`);
    expect(typed.status).toBe(opened.status);
    expect(typed.results.map((result) => result.path).sort()).toEqual(opened.results.map((result) => result.path).sort());

    // A digit starts a word every bundle is asked, whatever follows: every bundle opens.
    const fresh = await browser.newPage();
    const freshLists = new Set<string>();
    fresh.on('request', (request) => {
      const list = bundlePageList(request.url());
      if (list) freshLists.add(list);
    });
    await fresh.goto(`${cut.url}search/`);
    await fresh.focus('#search-q');
    await fresh.keyboard.insertText('1');
    await expect.poll(() => [...freshLists].sort(), { timeout: 30_000 }).toEqual(bundles.map((bundle) => bundle.name).sort());
    expect(errors).toEqual([]);
    await fresh.close();
    await page.close();
  }, 60_000);

  /**
   * Searches `query` with the page list of `lang`'s smallest bundle held: no other bundle is
   * asked until it is let through (opened at once, the others would have asked their entries
   * before it asked its page list), then every bundle of the language opens.
   */
  async function smallestOpensFirst(page: Page, requested: Set<string>, lang: string, query: string): Promise<void> {
    const own = bundles.filter((bundle) => bundle.lang === lang);
    expect(own.length).toBeGreaterThan(1);
    const smallest = own.reduce((small, bundle) => (bundle.pages < small.pages ? bundle : small));
    const held: Route[] = [];
    let released = false;
    await page.route(`**/pagefind/${smallest.name}/*.pf_meta`, (route) => (released ? route.continue() : void held.push(route)));
    requested.clear();
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    await expect.poll(() => held.length, { message: `the page list of ${smallest.name} was asked`, timeout: 30_000 }).toBeGreaterThan(0);
    expect([...requested].sort()).toEqual([smallest.name]);
    released = true;
    for (const route of held) await route.continue();
    expect((await search(page, cut, '')).results.length).toBeGreaterThan(0);
    await expect.poll(() => [...requested].sort(), { timeout: 30_000 }).toEqual(own.map((bundle) => bundle.name).sort());
  }

  it('opens a language’s smallest bundle first, and the others once its index is ready', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${cut.url}search/`, { waitUntil: 'networkidle' });
    await smallestOpensFirst(page, requestedBundles(page), 'fr', 'parti');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a next query’s language with its smallest bundle too, and the others once its index is ready', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${cut.url}search/`, { waitUntil: 'networkidle' });
    const requested = requestedBundles(page);
    await page.fill('#search-q', 'parti');
    await page.press('#search-q', 'Enter');
    expect((await search(page, cut, '')).results.length).toBeGreaterThan(0);
    // With the engine running, a language the query brings in still waits for its smallest
    // bundle's index: opened at once, its bases' page lists and counts held the worker first.
    await smallestOpensFirst(page, requested, 'ru', 'партийной');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a reference in Latin letters still finds Russian and Greek articles', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${cut.url}search/?q=${encodeURIComponent('NQ/TW')}`);
    await page.waitForFunction(() => /\bresults?\b/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    const langs = await page.$$eval('[data-search-results] > li', (items) => items.map((item) => (item as HTMLElement).dataset.lang));
    expect(new Set(langs)).toEqual(new Set(['fr', 'ru', 'el']));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each bundle’s results as it answers, and never moves a result once shown', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // The newest French bundle answers only when the test lets it: no timing decides what is seen.
    const slow = bundles.filter((bundle) => bundle.lang === 'fr').at(-1)!.name;
    const held: Route[] = [];
    let released = false;
    await page.route(`**/pagefind/${slow}/index/**`, (route) => (released ? route.continue() : void held.push(route)));
    await page.goto(`${cut.url}search/`);
    // Every state of the list, as it grows.
    await page.evaluate(() => {
      const list = document.querySelector('[data-search-results]')!;
      const states: string[][] = [];
      (window as unknown as { __states: string[][] }).__states = states;
      new MutationObserver(() => states.push([...list.children].map((item) => item.querySelector('h3 a')?.getAttribute('href') ?? ''))).observe(list, { childList: true });
    });
    await page.fill('#search-q', 'parti');
    await page.press('#search-q', 'Enter');
    // Bundles open one after another: the others may answer before the held one asks for its index.
    await expect.poll(() => held.length, { message: 'the held bundle was asked', timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] > li').length > 0 && /still searching French/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    const early = await page.$$eval('[data-search-results] > li h3 a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    released = true;
    for (const route of held) await route.continue();
    const { results } = await search(page, cut, '');
    const final = await page.$$eval('[data-search-results] > li h3 a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(final.length).toBeGreaterThan(early.length);
    const states = await page.evaluate(() => (window as unknown as { __states: string[][] }).__states);
    // The list started empty: every state it went through is the start of the final list.
    expect(states.length).toBeGreaterThan(2);
    for (const state of states) expect(final.slice(0, state.length), 'what was shown stays where it was').toEqual(state);
    expect(results.map((result) => result.path).sort()).toEqual((await search(page, everyBundle, '?q=parti')).results.map((result) => result.path).sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds, counts and orders what asking every bundle finds', async () => {
    /** Every query typed into one page, as a reader does: the engine stays open between them. */
    const typed = async (site: StaticServer, queries: readonly string[]): Promise<Shown[]> => {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${site.url}search/`);
      const shown: Shown[] = [];
      for (const query of queries) {
        await page.fill('#search-q', query);
        await page.press('#search-q', 'Enter');
        await page.waitForFunction((q) => (document.querySelector('[data-search-status]')?.textContent ?? '').includes(`“${q}”`), query);
        shown.push(await search(page, site, ''));
      }
      expect(errors).toEqual([]);
      await page.close();
      return shown;
    };
    const queries = ['NQ/TW', 'parti', 'партийной', 'συνέδριο', 'Hanoi', 'parti Ханой', 'zzzz', '2024'];
    const [expected, found] = [await typed(everyBundle, queries), await typed(cut, queries)];
    queries.forEach((query, index) => {
      expect(found[index]!.status, query).toBe(expected[index]!.status);
      expect(found[index]!.results.map((result) => result.path).sort(), query).toEqual(expected[index]!.results.map((result) => result.path).sort());
    });
    // A filtered search and a date order, each opened from its address.
    const page = await browser.newPage();
    for (const query of [`?q=${encodeURIComponent('NQ/TW')}&sort=date`, `?q=${encodeURIComponent('NQ/TW')}&lang=el`]) {
      expect(await search(page, cut, query), query).toEqual(await search(page, everyBundle, query));
    }
    await page.close();
  }, 120_000);
});
