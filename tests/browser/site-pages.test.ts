import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveTestSite, watchErrors } from './support/browser.ts';
import { testArchiveDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface ReportRecord {
  file: string;
  status: string;
  url?: string;
}

/** Every page type of the site opens, without console errors, and ships no script. */
describe('site pages', () => {
  let browser: Browser;
  let site: StaticServer;
  let page: Page;
  let errors: string[];
  let articleUrl: string;

  const open = async (pathname: string) => {
    const response = await page.goto(new URL(pathname.replace(/^\//, ''), site.url).href);
    expect(response?.status(), pathname).toBe(200);
    return response;
  };
  /** The first link under `selector` whose path starts with `prefix`, as a site path. */
  const firstLink = async (selector: string, prefix: string) => {
    const hrefs = await page.$$eval(selector, (links) => links.map((l) => new URL((l as HTMLAnchorElement).href).pathname));
    const href = hrefs.find((h) => h.startsWith(prefix) && h !== prefix);
    if (!href) throw new Error(`no link under ${selector} starting with ${prefix} on ${page.url()}`);
    return href;
  };
  const scriptsOnPage = () =>
    page.$$eval('script', (scripts) => scripts.map((s) => (s as HTMLScriptElement).type || 'text/javascript').filter((t) => t !== 'application/ld+json'));

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: ReportRecord[] };
    const sample = report.files.find((r) => r.file.startsWith('000_'));
    if (!sample?.url) throw new Error('sample 000 has no url in the ingest report');
    articleUrl = sample.url;
    site = await serveTestSite();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage();
    errors = watchErrors(page);
  });

  afterEach(async () => {
    expect(errors).toEqual([]);
    await page.close();
  });

  it('home: counts per language, latest articles, entry points and the search form', async () => {
    await open('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('form[role="search"] input[type="search"][name="q"]').count()).resolves.toBe(1);
    expect(await page.locator('form[role="search"]').getAttribute('action')).toBe('/search/');
    for (const name of ['Français', 'Русский', 'Ελληνικά']) await expect(page.getByText(name).first().isVisible()).resolves.toBe(true);
    const hrefs = await page.$$eval('a[href]', (links) => links.map((l) => new URL(l.getAttribute('href') ?? '', document.baseURI).pathname));
    for (const entry of ['/topics/', '/languages/fr/', '/publishers/', '/years/', '/search/', articleUrl]) expect(hrefs).toContain(entry);
    expect(await scriptsOnPage()).toEqual([]);
  });

  it('article: html lang is the article language, no client script', async () => {
    await open(articleUrl);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await scriptsOnPage()).toEqual([]);
    // The first element of head is the CSP, so it governs everything after it.
    expect(await page.$eval('head > :first-child', (el) => el.getAttribute('http-equiv'))).toBe('Content-Security-Policy');
  });

  it('topic index, a topic page and its language-filtered page', async () => {
    await open('/topics/');
    const topic = await firstLink('main a', '/topics/');
    await open(topic);
    expect(await page.$eval('a[href*="search/?topic="]', (a) => (a as HTMLAnchorElement).href)).toContain('/search/?topic=');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').count()).resolves.toBe(1);
    const filtered = await firstLink('nav[aria-label="Filter by language"] a', topic);
    await open(filtered);
    expect(await page.locator('nav[aria-label="Filter by language"] a[aria-current="page"]').getAttribute('href')).toBe(filtered);
    await expect(page.locator('.article-list li').count()).resolves.toBeGreaterThan(0);
  });

  it('language page lists that language only, with search-within', async () => {
    await open('/languages/');
    await open('/languages/ru/');
    const langs = await page.$$eval('.article-list a.title', (links) => links.map((l) => l.getAttribute('lang')));
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set(['ru']));
    expect(await page.$eval('a[href*="search/?lang="]', (a) => a.getAttribute('href'))).toBe('/search/?lang=ru');
  });

  it('publisher index and a publisher page', async () => {
    await open('/publishers/');
    const publisher = await firstLink('main a', '/publishers/');
    await open(publisher);
    await expect(page.locator('.article-list li').count()).resolves.toBeGreaterThan(0);
    expect(await page.$eval('a[href*="search/?publisher="]', (a) => a.getAttribute('href'))).toMatch(/^\/search\/\?publisher=.+/);
  });

  it('years index, a year and a month page; undated articles have their own page', async () => {
    await open('/years/');
    const year = await firstLink('main h2 a', '/years/');
    expect(year).toMatch(/^\/years\/\d{4}\/$/);
    await open(year);
    const month = await firstLink('main nav a', year);
    expect(month).toMatch(/^\/years\/\d{4}\/\d{2}\/$/);
    await open(month);
    await expect(page.locator('.article-list li').count()).resolves.toBeGreaterThan(0);
    await open('/undated/');
    await expect(page.locator('.article-list li').count()).resolves.toBeGreaterThan(0);
  });

  it('about page, written in MDX', async () => {
    await open('/about/');
    await expect(page.getByRole('heading', { name: 'How dates are determined' }).isVisible()).resolves.toBe(true);
  });

  it('404 page is served for an unknown address', async () => {
    const response = await page.goto(new URL('no/such/page/', site.url).href);
    expect(response?.status()).toBe(404);
    // Chromium logs the 404 response itself as a console error; that one is expected.
    errors.splice(0, errors.length, ...errors.filter((e) => !/status of 404/.test(e)));
    await expect(page.getByRole('heading', { name: 'Page not found' }).isVisible()).resolves.toBe(true);
  });

  it('feeds per language and per topic parse as RSS', async () => {
    await open('/');
    const feeds = await page.$$eval('link[type="application/rss+xml"]', (links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(feeds).toEqual(['/languages/fr/rss.xml', '/languages/ru/rss.xml', '/languages/el/rss.xml']);
    await open('/topics/');
    const topic = await firstLink('main a', '/topics/');
    // Fetched rather than opened: Chromium asks for /favicon.ico when showing a bare XML file.
    for (const feed of [...feeds, `${topic}rss.xml`]) {
      const response = await fetch(new URL(feed.slice(1), site.url));
      expect(response.status, feed).toBe(200);
      const xml = await response.text();
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.nodeName, items: doc.querySelectorAll('item').length };
      }, xml);
      expect(parsed, feed).toMatchObject({ error: false, root: 'rss' });
      expect(parsed.items, feed).toBeGreaterThan(0);
    }
  });
});
