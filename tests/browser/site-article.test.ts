import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveTestSite, watchErrors } from './support/browser.ts';
import { testArchiveDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface ReportRecord {
  file: string;
  status: string;
  url?: string;
}

const SOURCE_000 = 'https://nld.com.vn/thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-196250121140352663.htm';

describe('article pages', () => {
  let browser: Browser;
  let site: StaticServer;
  let urls: Map<string, string>;

  const urlOf = (prefix: string) => {
    const url = [...urls].find(([file]) => file.startsWith(prefix))?.[1];
    if (!url) throw new Error(`no kept file starting with ${prefix} in the ingest report`);
    return url;
  };
  const openArticle = async (prefix: string): Promise<{ page: Page; errors: string[] }> => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const response = await page.goto(new URL(urlOf(prefix).replace(/^\//, ''), site.url).href);
    expect(response?.status()).toBe(200);
    return { page, errors };
  };

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: ReportRecord[] };
    urls = new Map(report.files.filter((r) => r.url).map((r) => [r.file, r.url!]));
    site = await serveTestSite();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('000 links its archived copies with the right URLs and Robust Links data', async () => {
    const { page, errors } = await openArticle('000_');
    const block = page.locator('.archived-copies');
    const source = block.locator('a.source-url');
    expect(await source.getAttribute('href')).toBe(SOURCE_000);
    expect(await source.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await source.getAttribute('data-versionurl')).toBe(`https://web.archive.org/web/20250126/${SOURCE_000}`);
    const wayback = block.locator('a.wayback');
    expect(await wayback.getAttribute('href')).toBe(`https://web.archive.org/web/20250126/${SOURCE_000}`);
    expect(await wayback.getAttribute('data-originalurl')).toBe(SOURCE_000);
    expect(await wayback.getAttribute('data-versiondate')).toBe('2025-01-26');
    expect(await block.locator('a.archive-today').getAttribute('href')).toBe(`https://archive.ph/newest/${SOURCE_000}`);
    for (const link of await block.locator('a[href^="http"]').all()) expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the raw copy it links is served untouched: its bytes hash to the SHA-256 shown', async () => {
    const { page } = await openArticle('000_');
    const href = await page.locator('a.raw-copy').getAttribute('href');
    const shown = (await page.locator('.raw-sha256').textContent())?.trim();
    expect(href).toBe(`/raw/${shown}.txt`);
    const bytes = Buffer.from(await (await fetch(new URL(href!.slice(1), site.url))).arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
    const original = await readFile(path.resolve('content/raw', [...urls.keys()].find((f) => f.startsWith('000_'))!));
    expect(bytes.equals(original)).toBe(true);
    await page.close();
  });

  it('shows the date with its provenance and the publisher', async () => {
    const { page } = await openArticle('000_');
    const meta = page.locator('.article-meta');
    await expect(meta.locator('time[datetime="2025-01-26"]').count()).resolves.toBe(1);
    expect(await meta.textContent()).toContain('date from the publisher line');
    expect(await meta.textContent()).toContain('Người Lao Động');
    await page.close();
  });

  it('says when a title was derived and when the date is unknown; ships no JSON-LD date it did not read', async () => {
    const { page, errors } = await openArticle('001_');
    await expect(page.getByText('title derived from the opening sentence').isVisible()).resolves.toBe(true);
    await expect(page.locator('.article-meta').getByText('date unknown').isVisible()).resolves.toBe(true);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld).not.toHaveProperty('datePublished');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks an inferred date as inferred and keeps it out of datePublished', async () => {
    const { page } = await openArticle('004_');
    expect(await page.locator('html').getAttribute('lang')).toBe('el');
    await expect(page.locator('.article-meta').getByText('date inferred from the text').isVisible()).resolves.toBe(true);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
    expect(ld).not.toHaveProperty('datePublished');
    await page.close();
  });

  it('links the translations of one original to each other, with hreflang alternates', async () => {
    const fr = urlOf('000_');
    const ru = urlOf('translation-000-ru');
    for (const [self, other, otherLang] of [[fr, ru, 'ru'], [ru, fr, 'fr']] as const) {
      const page = await browser.newPage();
      await page.goto(new URL(self.slice(1), site.url).href);
      const links = await page.$$eval('.other-languages li a', (as) => as.map((a) => ({ href: a.getAttribute('href'), hreflang: a.getAttribute('hreflang'), text: a.textContent })));
      expect(links).toHaveLength(1);
      expect(links[0]).toMatchObject({ href: other, hreflang: otherLang });
      expect(links[0]?.text).toContain(otherLang === 'ru' ? 'Русский' : 'Français');
      const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (ls) => ls.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname]));
      expect(alternates).toEqual([['fr', fr], ['ru', ru]]);
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { translationOfWork?: { url: string; workTranslation: { url: string }[] } };
      expect(ld.translationOfWork?.url).toBe(SOURCE_000);
      expect(ld.translationOfWork?.workTranslation.map((t) => new URL(t.url).pathname)).toEqual([other]);
      await page.close();
    }
  });

  it('an article without translations has no hreflang alternates', async () => {
    const { page } = await openArticle('003_');
    await expect(page.locator('link[rel="alternate"][hreflang]').count()).resolves.toBe(0);
    await expect(page.locator('.other-languages').count()).resolves.toBe(0);
    await page.close();
  });
});
