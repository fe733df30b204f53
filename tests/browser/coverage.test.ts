import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openTestSite, watchErrors } from './support/browser.ts';

/** The coverage chart on the home page and on the newest page of topic, publisher and language listings. */
describe('coverage chart', () => {
  const opened = openTestSite();

  const open = async (pathname: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> => {
    const page = await opened.browser.newPage({ viewport });
    const errors = watchErrors(page);
    const response = await page.goto(new URL(pathname.replace(/^\//, ''), opened.site.url).href);
    expect(response?.status(), pathname).toBe(200);
    return { page, errors };
  };

  /** The table's rows: month link, its text, and the total column (the last). */
  const tableRows = (page: Page) =>
    page.$$eval('.coverage-numbers tbody tr', (rows) =>
      rows.map((row) => ({
        href: row.querySelector('th a')?.getAttribute('href') ?? '',
        month: row.querySelector('th')?.textContent?.trim() ?? '',
        counts: Array.from(row.querySelectorAll('td'), (td) => Number(td.textContent)),
      })),
    );

  it('the home page charts every dated article, says so in words, and links each month with articles', async () => {
    const { page, errors } = await open('/');
    const chart = page.locator('section.coverage');
    await expect(chart.locator('h2').textContent()).resolves.toBe('Articles per month, by language');
    const summary = (await chart.locator('.coverage-summary').textContent()) ?? '';
    const dated = Number(/^(\d+) articles?, /.exec(summary)?.[1]);
    expect(summary).toMatch(/^\d+ articles?, [A-Z][a-z]{2} \d{4} – [A-Z][a-z]{2} \d{4}; most in [A-Z][a-z]{2} \d{4}\./);

    const rows = await tableRows(page);
    expect(rows.length).toBeGreaterThan(1);
    // Three languages: each row ends with its total, which is the sum of the others.
    for (const row of rows) expect(row.counts.at(-1), row.month).toBe(row.counts.slice(0, -1).reduce((a, b) => a + b, 0));
    expect(rows.reduce((sum, row) => sum + (row.counts.at(-1) ?? 0), 0)).toBe(dated);

    // The chart links exactly the months the table lists, to the same listings.
    const svgLinks = await page.$$eval('svg.coverage-chart a', (links) => links.map((a) => ({ href: a.getAttribute('href'), label: a.querySelector('title')?.textContent ?? '' })));
    expect(svgLinks.map((l) => l.href)).toEqual(rows.map((r) => r.href));
    for (const [i, link] of svgLinks.entries()) expect(link.label).toMatch(new RegExp(`^${rows[i]?.month}: ${rows[i]?.counts.at(-1)} articles?`));
    // Its <title> is the link's accessible name, as a screen reader announces it.
    const firstLabel = svgLinks[0]?.label;
    if (!firstLabel) throw new Error('the chart links no month');
    await expect(page.locator('svg.coverage-chart').getByRole('link', { name: firstLabel, exact: true }).count()).resolves.toBe(1);

    // Following a month on the chart opens that month's listing, which holds as many articles.
    const first = rows[0];
    if (!first) throw new Error('no month row');
    await page.locator('svg.coverage-chart a').first().click();
    await page.waitForURL((u) => u.pathname === first.href);
    await expect(page.locator('h1').textContent()).resolves.toContain(first.month);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells the languages apart by dash, marker and name, not by colour alone, and styles nothing inline', async () => {
    const { page, errors } = await open('/');
    const lines = await page.$$eval('svg.coverage-chart path.series-line', (paths) =>
      paths.map((p) => ({ dash: getComputedStyle(p).strokeDasharray, marker: p.getAttribute('marker-mid') })),
    );
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.dash)).size).toBe(3);
    const markers = await page.$$eval('svg.coverage-chart marker path', (paths) => paths.map((p) => p.getAttribute('d')));
    expect(new Set(markers).size).toBe(3);
    const names = await page.$$eval('svg.coverage-chart text.series-label', (texts) => texts.map((t) => t.textContent));
    expect(names.sort()).toEqual(['French', 'Greek', 'Russian']);
    await expect(page.locator('.coverage-legend li').allTextContents()).resolves.toEqual(['Français (French)', 'Русский (Russian)', 'Ελληνικά (Greek)']);
    // The CSP forbids inline style: nothing on the page may rely on it.
    await expect(page.locator('[style]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sits on the newest page of topic, publisher and language listings, with one line per language there', async () => {
    const linksOn = async (pathname: string, selector: string) => {
      const { page } = await open(pathname);
      const hrefs = await page.$$eval(selector, (links) => links.map((a) => a.getAttribute('href') ?? ''));
      await page.close();
      return hrefs;
    };
    const topic = (await linksOn('/topics/', 'main table a'))[0] ?? '';
    const publishers = await linksOn('/publishers/', 'main a[href^="/publishers/"]:not([href="/publishers/"])');
    let charted = 0;
    for (const pathname of [topic, '/languages/ru/', ...publishers]) {
      const { page, errors } = await open(pathname);
      const summary = (await page.locator('section.coverage .coverage-summary').textContent()) ?? '';
      if (summary.startsWith('No dated article to chart')) {
        // A listing of undated texts only: said in words, no empty chart.
        await expect(page.locator('svg.coverage-chart').count(), pathname).resolves.toBe(0);
      } else {
        charted++;
        await expect(page.locator('section.coverage svg.coverage-chart').count(), pathname).resolves.toBe(1);
        const rows = await tableRows(page);
        const listed = await page.locator('.article-list a.title').count();
        expect(rows.length, pathname).toBeGreaterThan(0);
        expect(rows.length, pathname).toBeLessThanOrEqual(listed);
      }
      if (pathname === '/languages/ru/') {
        await expect(page.locator('svg.coverage-chart path.series-line').count()).resolves.toBe(1);
        await expect(page.locator('.coverage-legend li').allTextContents()).resolves.toEqual(['Русский (Russian)']);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(charted).toBeGreaterThanOrEqual(3);
  });

  it('fits a phone’s width with legible text, and prints in black with its dashes', async () => {
    const { page, errors } = await open('/', { width: 360, height: 740 });
    const fit = await page.evaluate(() => {
      const svg = document.querySelector('svg.coverage-chart') as SVGSVGElement;
      const label = svg.querySelector('.coverage-axes text') as SVGTextElement;
      return { overflow: document.documentElement.scrollWidth - window.innerWidth, right: svg.getBoundingClientRect().right, label: label.getBoundingClientRect().height };
    });
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(360);
    // 11 units of text drawn at least about 10 px tall on a 360 px screen.
    expect(fit.label).toBeGreaterThanOrEqual(10);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.$$eval('svg.coverage-chart path.series-line', (paths) => paths.map((p) => [getComputedStyle(p).stroke, getComputedStyle(p).strokeDasharray]));
    expect(new Set(printed.map(([stroke]) => stroke))).toEqual(new Set(['rgb(0, 0, 0)']));
    expect(new Set(printed.map(([, dash]) => dash)).size).toBe(3);
    await expect(page.locator('svg.coverage-chart').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
