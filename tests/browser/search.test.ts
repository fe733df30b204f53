import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { cspHeader } from '../../src/config/csp.ts';
import { launchBrowser, serveTestSite, watchErrors } from './support/browser.ts';
import { testArchiveDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface ReportRecord {
  file: string;
  status: string;
  url?: string;
}

interface ShownResult {
  lang: string;
  badge: string;
  path: string;
  date: string | null;
  excerptMarks: string[];
}

/** Waits for the search the page is running to finish and reads what it shows. */
async function shownResults(page: Page, query?: string): Promise<{ status: string; results: ShownResult[] }> {
  await page.waitForFunction((expected) => {
    const text = document.querySelector('[data-search-status]')?.textContent ?? '';
    return /\bresults?\b/i.test(text) && (expected === null || text.includes(`“${expected}”`));
  }, query ?? null);
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  const results = await page.$$eval('[data-search-results] > li', (items) =>
    items.map((item) => ({
      lang: (item as HTMLElement).dataset.lang ?? '',
      badge: item.querySelector('.lang-badge')?.textContent ?? '',
      path: new URL((item.querySelector('h3 a') as HTMLAnchorElement).href).pathname,
      date: item.querySelector('time')?.getAttribute('datetime') ?? null,
      excerptMarks: Array.from(item.querySelectorAll('.excerpt mark')).map((mark) => mark.textContent ?? ''),
    })),
  );
  return { status, results };
}

describe('search across French, Russian and Greek', () => {
  let browser: Browser;
  let site: StaticServer;
  /** Sample number (`000`) or fixture name -> article page path. */
  const urls = new Map<string, string>();

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: ReportRecord[] };
    for (const record of report.files) {
      if (record.status !== 'kept' || !record.url) continue;
      const name = path.basename(record.file);
      urls.set(/^\d{3}_/.test(name) ? name.slice(0, 3) : name.replace(/\.txt$/, ''), record.url);
    }
    site = await serveTestSite();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const open = async (page: Page, query: string) => {
    await page.goto(`${site.url}search/${query}`);
    return shownResults(page);
  };
  /** Searches from the page's own box, as a reader does once the page is open. */
  const type = async (page: Page, query: string) => {
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    return shownResults(page, query);
  };
  const paths = (results: ShownResult[]) => results.map((result) => result.path);

  it('finds French, Russian and Greek words, with or without accents and in any case', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const cases: [query: string, sample: string, lang: string][] = [
      ['réforme', '000', 'fr'],
      ['reforme', '000', 'fr'],
      ['REFORME', '000', 'fr'],
      ['лидерство', '002', 'ru'],
      ['подвел', 'translation-000-ru', 'ru'],
      ['ПОДВЁЛ', 'translation-000-ru', 'ru'],
      ['συνέδριο', '004', 'el'],
      ['συνεδριο', '004', 'el'],
      ['ΣΥΝΕΔΡΙΟ', '004', 'el'],
    ];
    await page.goto(`${site.url}search/`);
    for (const [query, sample, lang] of cases) {
      const { results } = await type(page, query);
      const hit = results.find((result) => result.path === urls.get(sample));
      expect(hit, `${query} should find ${sample}`).toBeDefined();
      expect(hit!.lang).toBe(lang);
      expect(hit!.badge).toBe(lang.toUpperCase());
      expect(hit!.excerptMarks.length, `${query}: highlighted match in the excerpt`).toBeGreaterThan(0);
      expect(new Set(results.map((r) => r.lang)), query).toEqual(new Set([lang]));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every inflected form of a word finds the same articles in its language', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // Word families from the sample texts: case, number, and verb against participle.
    const families: [lang: string, forms: string[]][] = [
      ['ru', ['партийный', 'партийной', 'партийного', 'партийных', 'партийном']],
      ['ru', ['городской', 'городского', 'городских']],
      ['ru', ['решение', 'решения', 'решений']],
      ['el', ['συνέδριο', 'συνεδρίου', 'συνέδρια']],
      ['el', ['επιτροπή', 'επιτροπής', 'επιτροπές']],
      ['el', ['πραγματοποίησε', 'πραγματοποιήθηκε']],
      ['fr', ['résolution', 'résolutions']],
      ['fr', ['organiser', 'organisé', 'organisées']],
    ];
    await page.goto(`${site.url}search/`);
    for (const [lang, forms] of families) {
      const found: string[][] = [];
      for (const form of forms) {
        const { results } = await type(page, form);
        found.push(paths(results.filter((result) => result.lang === lang)).sort());
      }
      expect(found[0]!.length, `${forms[0]} finds articles`).toBeGreaterThan(0);
      for (const [index, form] of forms.entries()) expect(found[index], `${form} finds what ${forms[0]} finds`).toEqual(found[0]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a reference typed in part finds it however the text spaces it', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // 003 writes 18-NQ/TW, 000 writes 18- NQ/TW, the Greek 004 15-NQ/TW.
    for (const [query, expected] of [
      ['NQ/TW', ['000', '003', '004']],
      ['18-NQ', ['000', '003']],
      ['18-NQ/TW', ['000', '003']],
    ] as const) {
      const { results } = await open(page, `?q=${encodeURIComponent(query)}`);
      for (const sample of expected) expect(paths(results), `${query} finds ${sample}`).toContain(urls.get(sample));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('indexes what articles say, not the site around them', async () => {
    const page = await browser.newPage();
    // Every article page with a source links to the Wayback Machine; no article text names it.
    // (Pagefind also matches word beginnings and stems, so a common English word would not do.)
    const { status, results } = await open(page, '?q=Wayback');
    expect(results).toEqual([]);
    expect(status).toMatch(/^No results/);
    await page.close();
  });

  it('finds a document reference as typed, and one query returns hits in two languages with their badges', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const reference = await open(page, `?q=${encodeURIComponent('18-NQ/TW')}`);
    expect(paths(reference.results)).toContain(urls.get('003'));

    const both = await open(page, `?q=${encodeURIComponent('98/2023/QH15')}`);
    const french = both.results.find((result) => result.path === urls.get('000'));
    const russian = both.results.find((result) => result.path === urls.get('translation-000-ru'));
    expect(french?.badge).toBe('FR');
    expect(russian?.badge).toBe('RU');
    expect(both.status).toMatch(/French [1-9].*Russian [1-9]/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the language filter keeps one language, shows counts, and goes into the URL', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const all = await open(page, `?q=${encodeURIComponent('98/2023/QH15')}`);
    const russianCount = all.results.filter((result) => result.lang === 'ru').length;
    expect(await page.locator('select[name="lang"] option[value="ru"]').textContent()).toBe(`Russian (${russianCount})`);

    await page.selectOption('select[name="lang"]', 'ru');
    await page.waitForURL(/lang=ru/);
    const filtered = await shownResults(page);
    expect(filtered.results.length).toBe(russianCount);
    expect(filtered.results.every((result) => result.lang === 'ru')).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('98/2023/QH15');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads no filter data to search; opening a filter counts its values for the search shown', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const filterData: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/filter/')) filterData.push(new URL(request.url()).pathname);
    });
    const { results } = await open(page, `?q=${encodeURIComponent('18-NQ/TW')}`);
    expect(results.length).toBeGreaterThan(1);
    expect(filterData, 'a search loads no filter data').toEqual([]);
    expect(await page.locator('select[name="topic"] option').count(), 'not counted yet').toBe(1);

    await page.focus('select[name="topic"]');
    await page.waitForFunction(() => document.querySelectorAll('select[name="topic"] option').length > 1);
    // One key's data per language bundle, not every filter's.
    const bundles = (await (await fetch(`${site.url}pagefind/bundles.json`)).json()) as unknown[];
    expect(filterData.length).toBe(bundles.length);
    expect(await page.locator('select[name="publisher"] option').count(), 'other filters stay uncounted').toBe(1);
    const label = (await page.locator('select[name="topic"] option[value="doc-18-nq-tw"]').textContent()) ?? '';
    const count = Number(/\((\d+)\)$/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(0);

    await page.selectOption('select[name="topic"]', 'doc-18-nq-tw');
    await page.waitForURL(/topic=doc-18-nq-tw/);
    const filtered = await shownResults(page);
    expect(filtered.results.length, `${label} lists as many`).toBe(count);
    expect(new URL(page.url()).searchParams.get('q')).toBe('18-NQ/TW');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows results as each language answers and never reorders them once all have', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // The Greek index answers only when the test lets it: no timing decides what is seen.
    const held: Route[] = [];
    let released = false;
    await page.route('**/pagefind/el/index/**', (route) => (released ? route.continue() : void held.push(route)));
    await page.goto(`${site.url}search/`);
    await page.fill('#search-q', '18-NQ/TW');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => /still searching Greek/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    const early = await page.$$eval('[data-search-results] > li', (items) => items.map((item) => `${(item as HTMLElement).dataset.lang} ${item.querySelector('h3 a')?.getAttribute('href')}`));
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((item) => !item.startsWith('el '))).toBe(true);
    expect(await page.locator('[data-search-results-section]').getAttribute('aria-busy')).toBe('true');

    released = true;
    for (const route of held) await route.continue();
    const { results } = await shownResults(page, '18-NQ/TW');
    const final = results.map((result) => `${result.lang} ${result.path}`);
    expect(final.slice(0, early.length), 'what was shown stays where it was').toEqual(early);
    expect(final.slice(early.length).some((item) => item.startsWith('el ')), 'Greek follows').toBe(true);
    expect(paths(results)).toEqual(expect.arrayContaining([urls.get('000'), urls.get('003')]));
    expect(await page.locator('[data-search-results-section]').getAttribute('aria-busy')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('nothing on the page moves as the script starts and results arrive (no layout shift)', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 412, height: 823 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const shifts: string[] = [];
        (window as unknown as { __shifts: string[] }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
            if (!entry.hadRecentInput) shifts.push(`${entry.value.toFixed(4)} ${(entry.sources ?? []).map((source) => (source.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? source.node?.nodeName).join(' | ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${site.url}search/?q=${encodeURIComponent('18-NQ/TW')}`);
      await shownResults(page, '18-NQ/TW');
      // Layout shifts are reported after the frame that made them: let two frames pass.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts), `${viewport.width}px`).toEqual([]);
      await context.close();
    }
  });

  it('newest first is one date order across languages, undated last', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const { results } = await open(page, `?q=${encodeURIComponent('18-NQ/TW')}&sort=date`);
    const langs = new Set(results.map((result) => result.lang));
    expect(langs.size, 'the query matches in more than one language').toBeGreaterThan(1);
    const dates = results.map((result) => result.date);
    const firstUndated = dates.indexOf(null);
    const dated = (firstUndated === -1 ? dates : dates.slice(0, firstUndated)) as string[];
    expect(dated.length).toBeGreaterThan(1);
    expect(dated).toEqual([...dated].sort().reverse());
    if (firstUndated !== -1) expect(dates.slice(firstUndated).every((date) => date === null)).toBe(true);
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('date');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores a search from its URL and walks back through searches', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const first = await open(page, `?q=${encodeURIComponent('συνεδριο')}`);
    expect(await page.locator('#search-q').inputValue()).toBe('συνεδριο');
    expect(paths(first.results)).toContain(urls.get('004'));

    const second = await type(page, '18-NQ/TW');
    await page.waitForURL(/q=18-NQ%2FTW/);
    expect(paths(second.results)).toContain(urls.get('003'));

    await page.goBack();
    await page.waitForURL(/q=%CF%83/);
    await page.waitForFunction(() => (document.querySelector('#search-q') as HTMLInputElement).value === 'συνεδριο');
    const back = await shownResults(page);
    expect(paths(back.results)).toEqual(paths(first.results));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('still searches when a topic shard fails to load, without topic hints', async () => {
    const page = await browser.newPage();
    let refused = 0;
    await page.route('**/search/topics/**', (route) => {
      refused += 1;
      return route.fulfill({ status: 503, body: 'unavailable' });
    });
    await page.goto(`${site.url}search/`);
    const { results } = await type(page, 'συνέδριο');
    expect(refused).toBeGreaterThan(0);
    expect(results.length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-topics]').isHidden()).toBe(true);
    await page.close();
  });

  it('says so when an index fails to open, instead of searching forever', async () => {
    const page = await browser.newPage();
    await page.route('**/pagefind/ru/pagefind-entry.json*', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto(`${site.url}search/`);
    // A Cyrillic word: the Russian index is the one it needs.
    await page.fill('#search-q', 'Ханой');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => /could not load/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    expect(await page.locator('[data-search-results-section]').getAttribute('aria-busy')).toBe('false');
    await page.close();
  });

  it('offers the topic page when a query names a topic in any language', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const topicFiles: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/search/topic')) topicFiles.push(pathname);
    });
    await page.goto(`${site.url}search/`);
    for (const query of ['Ανόι', 'Ханой', 'Hanoï', 'hanoi']) {
      await type(page, query);
      const links = await page.$$eval('[data-search-topic-list] a', (anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links, query).toContain('/topics/hanoi/');
    }
    // Only the shards of the queries' first letters (α, х, h), each once; no topic names for the filter.
    expect(topicFiles.sort()).toEqual(['/search/topics/3b1.json', '/search/topics/445.json', '/search/topics/68.json']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"search within this" on a topic page lists that topic across languages', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.url}topics/hanoi/`);
    await page.getByRole('link', { name: 'Search within this' }).click();
    await page.waitForURL(/\/search\/\?topic=hanoi/);
    const { results } = await shownResults(page);
    expect(paths(results)).toEqual(expect.arrayContaining([urls.get('002'), urls.get('004')]));
    expect(await page.locator('select[name="topic"]').inputValue()).toBe('hanoi');
    // No words to rank by: the listing is newest first, the undated after.
    const dates = results.map((result) => result.date);
    const dated = dates.filter((date): date is string => date !== null);
    expect(dates.slice(0, dated.length)).toEqual([...dated].sort().reverse());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('announces results in a live region; the page starts the engine as it loads and opens no index until a search', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}search/`, { waitUntil: 'networkidle' });
    await expect(page.locator('[data-search-status]').getAttribute('role')).resolves.toBe('status');
    await expect(page.getByLabel('Words to find').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-search-nojs]').isVisible()).resolves.toBe(false);
    // The engine and the list of bundles, all beside the bundles: nothing from a bundle's folder.
    const inPagefind = () => requested.flatMap((url) => (url.includes('/pagefind/') ? [url.slice(url.indexOf('/pagefind/') + '/pagefind/'.length)] : []));
    const loaded = inPagefind();
    expect(loaded.filter((name) => name.includes('/'))).toEqual([]);
    expect(loaded.filter((name) => !/^pagefind\.zxx_\w+\.pf_meta$/.test(name)).sort()).toEqual([
      'bundles.json',
      'pagefind-entry.json',
      'pagefind-worker.js',
      'pagefind.js',
      'wasm.unknown.pagefind',
    ]);
    // A search then loads its bundles' files only: the engine runs.
    requested.length = 0;
    await page.fill('#search-q', 'parti');
    await page.press('#search-q', 'Enter');
    await shownResults(page, 'parti');
    const searched = inPagefind();
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.filter((name) => !name.startsWith('fr/')), searched.join(' ')).toEqual([]);
    // A search opened from its address starts the engine from its first bundle, without the
    // engine's own index.
    requested.length = 0;
    await page.goto(`${site.url}search/?q=parti`);
    await shownResults(page, 'parti');
    await page.waitForLoadState('networkidle');
    const opened = inPagefind();
    expect(opened.filter((name) => !name.startsWith('fr/')).sort(), opened.join(' ')).toEqual(['bundles.json', 'pagefind.js']);
    expect(opened).toContain('fr/wasm.unknown.pagefind');
    await page.close();

    const article = await browser.newPage();
    await article.goto(new URL(urls.get('000')!.replace(/^\//, ''), site.url).href);
    expect(await article.locator('script[src], script:not([type="application/ld+json"])').count()).toBe(0);
    await article.close();
  });

  it('without JavaScript, says search needs it and links to the topic index', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}search/?q=reforme`);
    await expect(page.getByText('needs JavaScript').isVisible()).resolves.toBe(true);
    const href = await page.getByRole('link', { name: /Browse the archive by topic/ }).getAttribute('href');
    expect(href).toBe('/topics/');
    await expect(page.locator('[data-search]').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('runs under the site CSP without a violation, as a meta tag and as host headers', async () => {
    const headerSite = await serveTestSite({ 'Content-Security-Policy': cspHeader });
    for (const origin of [site.url, headerSite.url]) {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.addInitScript(() => {
        const store: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
        document.addEventListener('securitypolicyviolation', (event) => store.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${origin}search/?q=${encodeURIComponent('18-NQ/TW')}&sort=date`);
      const { results } = await shownResults(page);
      expect(results.length, origin).toBeGreaterThan(0);
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      expect(violations, origin).toEqual([]);
      expect(errors, origin).toEqual([]);
      await page.close();
    }
    await headerSite.close();
  });

  it('axe finds no violations on the search page with results shown', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await open(page, `?q=${encodeURIComponent('98/2023/QH15')}`);
    await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
