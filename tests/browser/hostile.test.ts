import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import { injected, launchBrowser, serveTestSite, watchDialogs, watchErrors } from './support/browser.ts';
import { testArchiveDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface ReportRecord {
  file: string;
  status: string;
  id?: string;
  url?: string;
}

interface Hostile {
  record: ReportRecord & { id: string; url: string };
  entry: Article;
}

describe('hostile text renders as inert characters', () => {
  let browser: Browser;
  let site: StaticServer;
  let hostile: Hostile[];

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: ReportRecord[] };
    const records = report.files.filter((record) => record.file.startsWith('hostile-'));
    expect(records.map((record) => [record.file, record.status])).toEqual([
      ['hostile-el.txt', 'kept'],
      ['hostile-fr-credentials.txt', 'kept'],
      ['hostile-fr.txt', 'kept'],
      ['hostile-ru.txt', 'kept'],
    ]);
    hostile = await Promise.all(
      records.map(async (record) => {
        const json = await readFile(path.join(testArchiveDir, 'articles', `${record.id}.json`), 'utf8');
        return { record: record as Hostile['record'], entry: articleSchema.parse(JSON.parse(json)) };
      }),
    );
    site = await serveTestSite();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('keeps payload characters as text in the entries (entity-decoded, not stripped away)', () => {
    const text = (entry: Article): string => [entry.title, entry.byline ?? '', ...entry.photoCredits, ...entry.body.map((b) => b.text)].join('\n');
    const all = hostile.map((h) => text(h.entry)).join('\n');
    for (const survivor of ['{braces}', '*stars*', '[links](javascript:alert(1))', '# headings', '${alert(2)}', '<script>', '</script>', '<img src=x onerror=', '&']) {
      expect(all, survivor).toContain(survivor);
    }
  });

  it('drops source URLs that are not http(s) and never publishes credentials', () => {
    const byFile = new Map(hostile.map((h) => [h.record.file, h.entry]));
    expect(byFile.get('hostile-fr.txt')?.sourceUrl).toBeUndefined();
    expect(byFile.get('hostile-el.txt')?.sourceUrl).toBeUndefined();
    expect(byFile.get('hostile-ru.txt')?.sourceUrl).toBe('https://daibieunhandan.vn/hostile-fixture-ru-10999901.html');
    // The refused URL may be quoted in a warning (that is the record of why); nowhere else.
    for (const { entry } of hostile) expect(JSON.stringify({ ...entry, warnings: [] }), entry.id).not.toMatch(/user:pass@|javascript:alert\(document\.cookie|data:text/);
    expect(JSON.stringify(byFile.get('hostile-fr-credentials.txt')?.warnings)).not.toContain('user:pass@');
  });

  it('shows every field as the same characters, runs nothing and injects nothing', async () => {
    for (const { record, entry } of hostile) {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      const dialogs = watchDialogs(page);
      const pageUrl = new URL(record.url.replace(/^\//, ''), site.url).href;
      const response = await page.goto(pageUrl);
      expect(response?.status(), record.file).toBe(200);
      await page.waitForLoadState('load');

      expect(await page.locator('h1').first().textContent(), record.file).toBe(entry.title);
      expect(await page.title(), record.file).toContain(entry.title);
      const shown = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      const expected = [...entry.body.map((b) => b.text), ...(entry.byline ? [entry.byline] : []), ...entry.photoCredits];
      for (const text of expected) expect(shown, `${record.file}: ${text.slice(0, 60)}`).toContain(text.replace(/\s+/g, ' ').trim());

      expect(await injected(page), record.file).toEqual([]);
      expect(dialogs, record.file).toEqual([]);
      expect(page.url(), record.file).toBe(pageUrl);
      expect(errors, record.file).toEqual([]);

      const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => (link as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const target = new URL(href);
        expect(['http:', 'https:'], `${record.file}: ${href}`).toContain(target.protocol);
        expect(target.username + target.password, `${record.file}: ${href}`).toBe('');
      }
      const sources = await page.$$eval('a.source-url', (links) => links.map((link) => link.getAttribute('href')));
      expect(sources, record.file).toEqual(entry.sourceUrl ? [entry.sourceUrl] : []);
      await page.close();
    }
  });

  it('search results show hostile titles and excerpts as text and inject nothing', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const dialogs = watchDialogs(page);
    // "braces" only occurs in the hostile titles and bodies, so every result carries payloads.
    const searchUrl = new URL('search/?q=braces', site.url).href;
    await page.goto(searchUrl);
    const fr = hostile.find((h) => h.record.file === 'hostile-fr.txt');
    const result = page.locator(`main a[href$="${fr?.record.url}"]`).first();
    await result.waitFor({ timeout: 20_000 });
    expect((await result.textContent())?.replace(/\s+/g, ' ').trim()).toBe(fr?.entry.title);
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(page.url()).toBe(searchUrl);
    expect(errors).toEqual([]);
    await page.close();
  });
});
