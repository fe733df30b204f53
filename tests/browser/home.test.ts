import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveTestSite, watchErrors } from './support/browser.ts';
import { testArchiveDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface ReportRecord {
  file: string;
  status: string;
  url?: string;
  title?: string;
}

describe('the sample archive, end to end', () => {
  let browser: Browser;
  let site: StaticServer;
  let samples: ReportRecord[];

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as {
      files: ReportRecord[];
    };
    samples = report.files.filter((record) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(record.file));
    site = await serveTestSite();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('kept all five sample files', () => {
    expect(samples.map((record) => [record.file.slice(0, 3), record.status])).toEqual([
      ['000', 'kept'],
      ['001', 'kept'],
      ['002', 'kept'],
      ['003', 'kept'],
      ['004', 'kept'],
    ]);
  });

  it('home page links every sample article, with no console errors', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const response = await page.goto(site.url);
    expect(response?.status()).toBe(200);
    const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => new URL(link.getAttribute('href') ?? '', document.baseURI).pathname));
    for (const record of samples) expect(hrefs).toContain(record.url);
    await expect(page.getByText('Mettre en œuvre de manière globale et efficace les tâches clés').first().isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('each sample article page opens', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    for (const record of samples) {
      const response = await page.goto(new URL(record.url!.replace(/^\//, ''), site.url).href);
      expect(response?.status(), record.file).toBe(200);
      expect(await page.locator('h1').first().textContent(), record.file).toBe(record.title);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
