import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Article } from '../../src/schemas/article.ts';
import { injected, launchBrowser, serveTestSite, watchDialogs, watchErrors } from './support/browser.ts';
import { testArchiveDir, testDistDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface ReportRecord {
  file: string;
  status: string;
  id?: string;
  url?: string;
}

const entry = async (id: string): Promise<Article> => JSON.parse(await readFile(path.join(testArchiveDir, 'articles', `${id}.json`), 'utf8')) as Article;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The translations of one original, side by side (src/pages/compare/). */
describe('translations side by side', () => {
  let browser: Browser;
  let site: StaticServer;
  let report: ReportRecord[];
  const idOf = (prefix: string): string => {
    const id = report.find((r) => r.file.startsWith(prefix))?.id;
    if (!id) throw new Error(`no kept file starting with ${prefix}`);
    return id;
  };

  beforeAll(async () => {
    report = (JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: ReportRecord[] }).files;
    site = await serveTestSite();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const open = async (pathname: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[]; dialogs: string[] }> => {
    const page = await browser.newPage({ viewport });
    const errors = watchErrors(page);
    const dialogs = watchDialogs(page);
    const response = await page.goto(new URL(pathname.replace(/^\//, ''), site.url).href);
    expect(response?.status(), pathname).toBe(200);
    return { page, errors, dialogs };
  };

  /** The side-by-side page every version of `ids` links to from its "other languages" box. */
  const compareLinkOf = async (ids: string[]): Promise<string> => {
    const links = new Set<string>();
    for (const id of ids) {
      const { page } = await open(`/articles/${id}/`);
      const href = await page.$eval('.other-languages a[href^="/compare/"]', (a) => a.getAttribute('href'));
      await expect(page.locator('.other-languages a[href^="/compare/"]').textContent()).resolves.toBe('Read the versions side by side');
      links.add(href ?? '');
      await page.close();
    }
    expect(links.size, ids.join(', ')).toBe(1);
    return [...links][0] as string;
  };

  it('aligns block n of every version when they have as many blocks, each column in its language', async () => {
    const ids = [idOf('translation-hostile-fr'), idOf('hostile-ru')];
    const entries = await Promise.all(ids.map(entry));
    const blocks = entries[0]?.body.length ?? 0;
    expect(entries.map((e) => e.body.length), 'the fixture is aligned').toEqual([blocks, blocks]);
    const { page, errors, dialogs } = await open(await compareLinkOf(ids));

    await expect(page.locator('.compare-unaligned').count()).resolves.toBe(0);
    const head = await page.$$eval('.parallel-head .cell', (cells) => cells.map((c) => c.getAttribute('lang')));
    expect(head).toEqual(['fr', 'ru']);
    const rows = page.locator('.side-by-side .parallel-row:not(.parallel-head)');
    await expect(rows.count()).resolves.toBe(blocks);
    for (let i = 0; i < blocks; i++) {
      const row = rows.nth(i);
      await expect(row.locator('.para-no').textContent()).resolves.toBe(`¶ ${i + 1}`);
      const cells = await row.locator('.cell').evaluateAll((cs) => cs.map((c) => ({ lang: c.getAttribute('lang'), text: c.textContent ?? '', top: Math.round(c.getBoundingClientRect().top) })));
      expect(cells.map((c) => c.lang)).toEqual(['fr', 'ru']);
      // Hostile text shows as the same characters, in the same row as its counterparts.
      expect(cells.map((c) => squash(c.text))).toEqual(entries.map((e) => squash(e.body[i]?.text ?? '')));
      expect(new Set(cells.map((c) => c.top)).size, `row ${i + 1} starts level`).toBe(1);
    }
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows versions with different numbers of blocks whole, unaligned, and says so', async () => {
    const ids = [idOf('000_'), idOf('translation-000-ru')];
    const entries = await Promise.all(ids.map(entry));
    expect(entries[0]?.body.length, 'the fixture is unaligned').not.toBe(entries[1]?.body.length);
    const { page, errors } = await open(await compareLinkOf(ids));
    await expect(page.locator('.compare-unaligned').textContent()).resolves.toContain('not aligned');
    const sections = await page.$$eval('.parallel-columns > section', (ss) =>
      ss.map((s) => ({ lang: s.getAttribute('lang'), numbers: Array.from(s.querySelectorAll('.para-no'), (n) => n.textContent), blocks: Array.from(s.querySelectorAll('.block'), (b) => b.lastElementChild?.textContent ?? '') })),
    );
    expect(sections.map((s) => s.lang)).toEqual(['fr', 'ru']);
    for (const [i, section] of sections.entries()) {
      const body = entries[i]?.body ?? [];
      expect(section.numbers).toEqual(body.map((_, n) => `¶ ${n + 1}`));
      expect(section.blocks.map(squash)).toEqual(body.map((b) => squash(b.text)));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('becomes tabs on a phone: one language at a time, paragraph numbers kept, no script', async () => {
    const ids = [idOf('translation-hostile-fr'), idOf('hostile-ru')];
    const { page, errors } = await open(await compareLinkOf(ids), { width: 390, height: 844 });
    const visibleLangs = () => page.$$eval('.parallel-row:not(.parallel-head) .cell', (cells) => [...new Set(cells.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getAttribute('lang')))]);
    await expect(page.locator('.compare-tabs').isVisible()).resolves.toBe(true);
    expect(await visibleLangs()).toEqual(['fr']);
    await expect(page.locator('.parallel-row:not(.parallel-head) .para-no').first().isVisible()).resolves.toBe(true);
    await page.locator('.compare-tabs label', { hasText: 'Русский' }).click();
    expect(await visibleLangs()).toEqual(['ru']);
    await page.keyboard.press('ArrowLeft');
    expect(await visibleLangs()).toEqual(['fr']);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.locator('script:not([type="application/ld+json"])').count()).resolves.toBe(0);
    // On a desktop the tabs are gone and every column shows.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.locator('.compare-tabs').isVisible()).resolves.toBe(false);
    expect(await visibleLangs()).toEqual(['fr', 'ru']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exists once per original with two or more versions, and an original in one language has none', async () => {
    const kept = report.filter((r) => r.status === 'kept' && r.id);
    const entries = await Promise.all(kept.map((r) => entry(r.id as string)));
    const perKey = new Map<string, number>();
    for (const e of entries) perKey.set(e.translationKey, (perKey.get(e.translationKey) ?? 0) + 1);
    const groups = [...perKey].filter(([, n]) => n >= 2).map(([key]) => key).sort();
    expect(groups.length).toBeGreaterThanOrEqual(2);
    expect((await readdir(path.join(testDistDir, 'compare'))).sort()).toEqual(groups);
    const { page } = await open(`/articles/${idOf('003_')}/`);
    await expect(page.locator('a[href^="/compare/"]').count()).resolves.toBe(0);
    await page.close();
  });
});
