import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { testArchiveDir, testDistDir } from './support/paths.ts';

/** The origin the test build was made for (astro.config.mjs's default SITE_URL). */
const site = new URL(process.env.SITE_URL ?? 'http://127.0.0.1:4321');

interface PageLinks {
  ids: string[];
  links: { tag: string; attribute: string; value: string }[];
}

/** Links and anchor ids of one built page, read with the browser's HTML parser (no script runs). */
function readLinks(page: Page, html: string): Promise<PageLinks> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const links: { tag: string; attribute: string; value: string }[] = [];
    for (const element of Array.from(doc.querySelectorAll('[href], [src]'))) {
      for (const attribute of ['href', 'src']) {
        const value = element.getAttribute(attribute);
        if (value !== null) links.push({ tag: element.tagName.toLowerCase(), attribute, value });
      }
    }
    const ids = Array.from(doc.querySelectorAll('[id], a[name]')).map((element) => element.getAttribute('id') ?? element.getAttribute('name') ?? '');
    return { ids, links };
  }, html);
}

/** `articles/fr/x/index.html` -> `/articles/fr/x/`, the address a static host serves it at. */
const pagePath = (file: string): string => `/${file.split(path.sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

describe('links in the built site', () => {
  let browser: Browser;
  let files: string[];
  const pages = new Map<string, PageLinks>();

  beforeAll(async () => {
    files = (await readdir(testDistDir, { recursive: true })).sort();
    browser = await launchBrowser();
    const page = await browser.newPage();
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      pages.set(pagePath(file), await readLinks(page, await readFile(path.join(testDistDir, file), 'utf8')));
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has no broken internal link or anchor, and every outbound link is plain http(s)', () => {
    const existing = new Set(files.map((file) => `/${file.split(path.sep).join('/')}`));
    const resolve = (pathname: string): string | undefined => {
      const decoded = decodeURIComponent(pathname);
      if (existing.has(decoded)) return decoded;
      const index = `${decoded.replace(/\/?$/, '/')}index.html`;
      // Directory URLs must end in a slash (trailingSlash: 'always'); a host would redirect otherwise.
      return decoded.endsWith('/') && existing.has(index) ? decoded : undefined;
    };
    const broken: string[] = [];
    expect(pages.size).toBeGreaterThan(5);
    for (const [from, { links }] of pages) {
      for (const { tag, attribute, value } of links) {
        const where = `${from} <${tag} ${attribute}="${value}">`;
        let target: URL;
        try {
          target = new URL(value, new URL(from, site));
        } catch {
          broken.push(`${where}: not a URL`);
          continue;
        }
        if (target.origin !== site.origin) {
          if (!['http:', 'https:'].includes(target.protocol)) broken.push(`${where}: outbound link is not http(s)`);
          if (target.username || target.password) broken.push(`${where}: outbound link carries credentials`);
          continue;
        }
        const found = resolve(target.pathname);
        if (!found) {
          broken.push(`${where}: no such file`);
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment && !pages.get(found)?.ids.includes(fragment)) broken.push(`${where}: no element with id "${fragment}"`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists every article in the sitemap exactly once, and nothing that does not exist', async () => {
    const sitemaps = files.filter((file) => /^sitemap-\d+\.xml$/.test(file));
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs: string[] = [];
    for (const file of sitemaps) {
      const xml = await readFile(path.join(testDistDir, file), 'utf8');
      locs.push(...[...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname));
    }
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as {
      files: { file: string; status: string; url?: string }[];
    };
    const articles = report.files.filter((record) => record.status === 'kept').map((record) => record.url ?? `${record.file}: kept without url`);
    expect(articles.length).toBeGreaterThanOrEqual(5);
    for (const url of articles) expect(locs.filter((loc) => loc === url), url).toHaveLength(1);
    for (const loc of locs) expect(pages.has(decodeURIComponent(loc)), loc).toBe(true);
  });
});
