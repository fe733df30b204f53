import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveTestSite } from './support/browser.ts';
import { testArchiveDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

const AXE = path.resolve('node_modules/axe-core/axe.min.js');
/** An audit takes 2-15 s with the machine's load; each test runs four to six in a row. */
const AUDITS_TIMEOUT = 180_000;

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

describe('accessibility (axe-core)', () => {
  let browser: Browser;
  let site: StaticServer;
  let articleUrl: string;
  let hostileRuUrl: string;

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: { file: string; url?: string }[] };
    articleUrl = report.files.find((r) => r.file.startsWith('000_'))?.url ?? '';
    hostileRuUrl = report.files.find((r) => r.file === 'hostile-ru.txt')?.url ?? '';
    site = await serveTestSite();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const audit = async (pathname: string, scheme: 'light' | 'dark', viewport = { width: 1280, height: 720 }) => {
    // Our CSP rightly refuses injected scripts; the audit bypasses it, the site does not.
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport });
    const page = await context.newPage();
    const response = await page.goto(new URL(pathname.replace(/^\//, ''), site.url).href);
    expect(response?.status(), pathname).toBe(200);
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate('axe.run(document)')) as AxeResult;
    await context.close();
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  const firstLink = async (from: string, selector: string): Promise<string> => {
    const page = await browser.newPage();
    await page.goto(new URL(from, site.url).href);
    const href = await page.$eval(selector, (a) => a.getAttribute('href'));
    await page.close();
    if (!href) throw new Error(`${from}: no link at ${selector}`);
    return href;
  };

  for (const scheme of ['light', 'dark'] as const) {
    it(`home, an article, a topic, a listing and the report pages have no violations (${scheme})`, async () => {
      const topicPage = await firstLink('topics/', 'main table a');
      const duplicatesPage = await firstLink('report/', 'section:has(#duplicate) .report-pages a');
      for (const pathname of ['/', articleUrl, topicPage, '/languages/fr/', '/report/', duplicatesPage]) {
        expect(await audit(pathname, scheme), pathname).toEqual([]);
      }
    }, AUDITS_TIMEOUT);

    it(`side-by-side pages, aligned and not, on a desktop and a phone have no violations (${scheme})`, async () => {
      // Sample 000 and its Russian translation differ in blocks; the hostile Russian text and its French translation do not.
      const unaligned = await firstLink(articleUrl.replace(/^\//, ''), '.other-languages a[href^="/compare/"]');
      const aligned = await firstLink(hostileRuUrl.replace(/^\//, ''), '.other-languages a[href^="/compare/"]');
      for (const pathname of [unaligned, aligned]) {
        expect(await audit(pathname, scheme), pathname).toEqual([]);
        expect(await audit(pathname, scheme, { width: 390, height: 844 }), `${pathname} (phone)`).toEqual([]);
      }
    }, AUDITS_TIMEOUT);
  }
});
