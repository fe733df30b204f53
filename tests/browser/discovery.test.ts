/**
 * How browsers, crawlers and devices find the archive: every page links the OpenSearch
 * description and the web app manifest; the description leads to working searches; robots.txt
 * names the sitemap; Chromium reads the manifest without an error or a CSP violation.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestSite, watchErrors } from './support/browser.ts';
import { testDistDir } from './support/paths.ts';

/** The address the test build was made for (astro.config's default SITE_URL). */
const BUILT_FOR = 'http://127.0.0.1:4321/';

describe('discovery', () => {
  const opened = openTestSite();
  /** The built file's address on the test server, which runs on another port. */
  const served = (address: string): string => address.replace(BUILT_FOR, opened.site.url);

  it('every page links the OpenSearch description and the manifest, once each', async () => {
    const files = (await readdir(testDistDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
    expect(files.length).toBeGreaterThan(20);
    const page = await opened.browser.newPage();
    const problems: string[] = [];
    for (const file of files) {
      const html = await readFile(path.join(testDistDir, file), 'utf8');
      const links = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'text/html');
        const hrefs = (selector: string) => Array.from(doc.head.querySelectorAll(selector)).map((link) => link.getAttribute('href'));
        return { search: hrefs('link[rel="search"][type="application/opensearchdescription+xml"][title]'), manifest: hrefs('link[rel="manifest"]') };
      }, html);
      if (JSON.stringify(links.search) !== '["/opensearch.xml"]') problems.push(`${file}: search ${JSON.stringify(links.search)}`);
      if (JSON.stringify(links.manifest) !== '["/manifest.webmanifest"]') problems.push(`${file}: manifest ${JSON.stringify(links.manifest)}`);
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('the OpenSearch description parses and its template runs a search', async () => {
    const page = await opened.browser.newPage();
    const errors = watchErrors(page);
    // Fetched, not opened: a browser opening a bare XML file asks for /favicon.ico, which is not ours to serve.
    const response = await page.request.get(new URL('opensearch.xml', opened.site.url).href);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const ns = 'http://a9.com/-/spec/opensearch/1.1/';
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        shortName: doc.getElementsByTagNameNS(ns, 'ShortName')[0]?.textContent ?? '',
        html: Array.from(doc.getElementsByTagNameNS(ns, 'Url')).find((url) => url.getAttribute('type') === 'text/html')?.getAttribute('template') ?? '',
      };
    }, xml);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription');
    expect(parsed.shortName.length).toBeGreaterThan(0);
    expect(parsed.shortName.length).toBeLessThanOrEqual(16);
    expect(parsed.html).toBe(`${BUILT_FOR}search/?q={searchTerms}`);

    // What a browser does with it: the terms, URL-encoded, in place of {searchTerms}.
    await page.goto(served(parsed.html.replace('{searchTerms}', encodeURIComponent('Hồ Chí Minh'))));
    await page.locator('main a[href*="/articles/"]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('main input[type="search"]').first().inputValue()).toBe('Hồ Chí Minh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('robots.txt names the sitemap by its absolute URL, and the sitemap is there', async () => {
    const text = await readFile(path.join(testDistDir, 'robots.txt'), 'utf8');
    const sitemaps = text.split('\n').filter((line) => line.startsWith('Sitemap:'));
    expect(sitemaps).toEqual([`Sitemap: ${BUILT_FOR}sitemap-index.xml`]);
    await access(path.join(testDistDir, 'sitemap-index.xml'));
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).not.toMatch(/^Disallow: \/$/m);
  });

  it('Chromium reads the manifest with no error and no CSP violation', async () => {
    const page = await opened.browser.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(new URL('about/', opened.site.url).href);
    const cdp = await page.context().newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data?: string };
    expect(manifest.url).toBe(new URL('manifest.webmanifest', opened.site.url).href);
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ start_url: '/', scope: '/', display: 'minimal-ui' });
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
