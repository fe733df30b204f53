/**
 * The ingest report page (/report/) names every input file of the test build, with its
 * outcome, links kept files to their articles and duplicates to their kept twin, reads
 * without JavaScript, and shows nothing of the building machine's paths.
 */
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { listInputs } from '../../src/ingest/run/store.ts';
import { parseReport, type Report } from '../../src/schemas/report.ts';
import { launchBrowser, serveTestSite, watchErrors } from './support/browser.ts';
import { testArchiveDir, testDistDir, testInputDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface ShownRow {
  outcome: string;
  file: string;
  links: string[];
  text: string;
}

describe('the ingest report page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let site: StaticServer;
  let report: Report;
  let rows: ShownRow[];
  let counts: string;

  /** Every row of every outcome page the summary links, read with JavaScript off. */
  async function readReport(page: Page): Promise<ShownRow[]> {
    const response = await page.goto(new URL('report/', site.url).href);
    expect(response?.status()).toBe(200);
    counts = (await page.locator('main .counts').textContent()) ?? '';
    const pageLinks = await page.$$eval('main .report-pages a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    const shown: ShownRow[] = [];
    for (const href of pageLinks) {
      const outcome = new URL(href).pathname.split('/').at(-3) ?? '';
      expect((await page.goto(href))?.status(), href).toBe(200);
      const found = await page.$$eval('main table.report-rows tbody tr', (trs) =>
        trs.map((tr) => ({
          file: tr.querySelector('th')?.textContent?.trim() ?? '',
          links: Array.from(tr.querySelectorAll('a')).map((a) => new URL(a.href).pathname),
          text: tr.textContent ?? '',
        })),
      );
      shown.push(...found.map((row) => ({ outcome, ...row })));
    }
    return shown;
  }

  beforeAll(async () => {
    const reportPath = path.join(testArchiveDir, 'ingest-report.json');
    report = parseReport(JSON.parse(await readFile(reportPath, 'utf8')), reportPath);
    site = await serveTestSite();
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    rows = await readReport(page);
    await page.close();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  it('names every input file once, with the outcome the ingest gave it', () => {
    const inputs = listInputs(testInputDir).map((input) => input.path);
    expect(inputs.length).toBeGreaterThan(10);
    expect(rows.map((row) => row.file).sort()).toEqual(inputs);
    const outcomes = new Map(report.files.map((record) => [record.file, record.status]));
    for (const row of rows) expect(row.outcome, row.file).toBe(outcomes.get(row.file));
    // The test input holds one of each outcome, in a subfolder too.
    expect(new Set(rows.map((row) => row.outcome))).toEqual(new Set(['kept', 'skipped', 'duplicate']));
    expect(rows.some((row) => row.file.includes('/'))).toBe(true);
  });

  it('shows the counts at the top', () => {
    const { summary } = report;
    expect(counts).toContain(`${summary.files} input files`);
    expect(counts).toContain(`Kept: ${summary.status.kept}`);
    expect(counts).toContain(`Skipped: ${summary.status.skipped}`);
    expect(counts).toContain(`Duplicates: ${summary.status.duplicate}`);
  });

  it('links kept files to their article, duplicates to their kept twin, and gives reasons', () => {
    const byFile = new Map(report.files.map((record) => [record.file, record]));
    for (const row of rows) {
      const record = byFile.get(row.file);
      if (record?.status === 'kept') expect(row.links, row.file).toEqual([record.url]);
      if (record?.status === 'duplicate') {
        const twin = byFile.get(record.duplicateOf ?? '');
        expect(twin?.status, row.file).toBe('kept');
        expect(row.links, row.file).toEqual([twin?.url]);
        expect(row.text).toContain(twin?.file);
      }
      if (record?.status !== 'kept') expect(row.text, row.file).toContain(record?.reason);
    }
  });

  it('opens every linked article', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    for (const link of new Set(rows.flatMap((row) => row.links))) {
      expect((await page.goto(new URL(link.replace(/^\//, ''), site.url).href))?.status(), link).toBe(200);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows none of the building machine\'s paths', async () => {
    const dir = path.join(testDistDir, 'report');
    const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const machine = [testInputDir, process.cwd(), os.homedir(), os.tmpdir()].filter((p) => p.length > 1);
    for (const file of files) {
      const html = await readFile(path.join(dir, file), 'utf8');
      for (const p of machine) expect(html.includes(p), `${file} contains ${p}`).toBe(false);
    }
  });
});
