import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSearchIndex, type SearchIndexResult } from '../../src/search/build/index-build.ts';
import type { SegmentLimits } from '../../src/search/bundles.ts';
import type { Article } from '../../src/schemas/article.ts';
import { routes } from '../../src/lib/urls.ts';
import { watchErrors } from './support/browser.ts';
import { testArchiveDir, testDistDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import { serveCleanAndUpdated, type SearchSites } from './support/search-sites.ts';
import { writeEntryFile } from '../unit/support/articles.ts';

interface Answer {
  status: string;
  paths: string[];
}

/**
 * Pagefind answers a query word that no word of its index starts with by the longest index
 * word the query word starts with. A delta holding a Greek sample that has `1` and
 * `15-NQ/TW` but no word starting with `18` would so answer `18-NQ/TW` with that sample,
 * which a clean index of the language, holding `18-NQ/TW` elsewhere, never finds. The test
 * archive's Greek sample of November 2024 is such a text: changed once, it is the Greek delta.
 */
describe('search over a delta lacking every word that starts with a query word', () => {
  const limits: SegmentLimits = { maxBundlePages: 1_000, deltaPages: 1_000, staleShare: 1 };
  let root: string;
  let browser: Browser;
  let clean: StaticServer;
  let updated: StaticServer;
  let sites: SearchSites | undefined;
  let update: SearchIndexResult;
  let changedPath = '';

  async function search(page: Page, site: StaticServer, query: string): Promise<Answer> {
    await page.goto(`${site.url}search/${query}`);
    await page.waitForFunction(() => /\bresults?\b/i.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    return {
      status: (await page.locator('[data-search-status]').textContent()) ?? '',
      paths: (await page.$$eval('[data-search-results] > li h3 a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))).sort(),
    };
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'search-fallback-'));
    const entries = path.join(root, 'articles');
    await cp(path.join(testArchiveDir, 'articles'), entries, { recursive: true });
    const greek = (await readdir(path.join(entries, 'el'))).filter((name) => name.endsWith('.json')).map((name) => path.join(entries, 'el', name));
    const texts = await Promise.all(greek.map(async (file) => ({ file, entry: JSON.parse(await readFile(file, 'utf8')) as Article })));
    const words = (entry: Article) => new Set(entry.body.flatMap((block) => ('text' in block ? block.text : '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
    const sample = texts.find(({ entry }) => words(entry).has('1') && words(entry).has('nq') && ![...words(entry)].some((word) => word.startsWith('18')));
    if (!sample) throw new Error('the test archive has no Greek article with `1` and `NQ` but no word starting with `18`');
    changedPath = `/${routes.article(sample.entry.id)}`;

    const incremental = { dist: path.join(root, 'incremental'), scratch: path.join(root, 'incremental-scratch'), state: path.join(root, 'state.json') };
    await cp(testDistDir, incremental.dist, { recursive: true });
    const build = () => buildSearchIndex(entries, path.join(incremental.dist, 'pagefind'), incremental.scratch, { stateFile: incremental.state, limits });
    await build();
    writeEntryFile(sample.file, { ...sample.entry, body: [...sample.entry.body, { kind: 'paragraph', text: 'Ενημέρωση του κειμένου.' }] });
    update = await build();

    sites = await serveCleanAndUpdated(root, entries, incremental.dist);
    ({ clean, updated, browser } = sites);
  }, 120_000);

  afterAll(async () => {
    await sites?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('puts the changed Greek sample alone in the Greek delta', () => {
    expect(update.bundles.filter((bundle) => bundle.lang === 'el').map((bundle) => [bundle.name, bundle.pages])).toEqual([
      ['el', 2],
      ['el-delta', 1],
    ]);
  });

  it('answers as a clean build does, never through a shorter word of the delta', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    for (const query of ['?q=18-NQ%2FTW', '?q=18', '?q=18%20NQ', '?q=NQ%2FTW', '?q=1', '?q=18-NQ%2FTW&lang=el']) {
      const expected = await search(page, clean, query);
      const found = await search(page, updated, query);
      expect(found, query).toEqual(expected);
      if (query !== '?q=NQ%2FTW' && query !== '?q=1') expect(found.paths, query).not.toContain(changedPath);
    }
    expect((await search(page, updated, '?q=NQ%2FTW')).paths).toContain(changedPath);
    expect(errors).toEqual([]);
    await page.close();
  });
});
