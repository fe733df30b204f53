import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cspHeader, cspMeta } from '../../src/config/csp.ts';
import { launchBrowser, serveTestSite, watchErrors } from './support/browser.ts';
import { testArchiveDir, testDistDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface PageAudit {
  metas: string[];
  inline: string[];
}

/**
 * Parses a built page with the browser's own HTML parser (DOMParser runs no script), so text
 * that merely looks like a tag inside an attribute or a paragraph is never mistaken for one.
 */
function audit(page: Page, html: string): Promise<PageAudit> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const snippet = (element: Element): string => element.outerHTML.slice(0, 120);
    const inline: string[] = [];
    for (const script of Array.from(doc.querySelectorAll('script'))) {
      if (!script.hasAttribute('src') && script.getAttribute('type') !== 'application/ld+json') inline.push(`inline script: ${snippet(script)}`);
    }
    for (const style of Array.from(doc.querySelectorAll('style'))) inline.push(`inline style: ${snippet(style)}`);
    for (const element of Array.from(doc.querySelectorAll('*'))) {
      if (element.hasAttribute('style')) inline.push(`style attribute: ${snippet(element)}`);
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) inline.push(`${attribute.name} handler: ${snippet(element)}`);
      }
    }
    const metas = Array.from(doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')).map((meta) => meta.getAttribute('content') ?? '');
    return { metas, inline };
  }, html);
}

/** Records violations from inside the page: addInitScript runs whatever the page's CSP says. */
async function watchViolations(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return console;
}

const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['violation recorder missing']);

/** The `/*` block of the generated `_headers` file, as the headers a host would send. */
async function hostHeaders(): Promise<Record<string, string>> {
  const text = await readFile(path.join(testDistDir, '_headers'), 'utf8');
  const block = text.split(/\n(?=\S)/).find((chunk) => chunk.startsWith('/*'));
  if (!block) throw new Error(`${testDistDir}/_headers: no "/*" block`);
  return Object.fromEntries(
    block
      .split('\n')
      .slice(1)
      .map((line) => /^\s+([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] as string, match[2] as string]),
  );
}

describe('every built page carries the CSP and nothing inline', () => {
  it('has the CSP meta tag, no inline script or style, no handlers', async () => {
    const files = (await readdir(testDistDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
    expect(files.length).toBeGreaterThan(5);
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const problems: string[] = [];
    for (const file of files) {
      const { metas, inline } = await audit(page, await readFile(path.join(testDistDir, file), 'utf8'));
      if (metas.length !== 1 || metas[0] !== cspMeta) problems.push(`${file}: CSP meta ${JSON.stringify(metas)}`);
      problems.push(...inline.map((problem) => `${file}: ${problem}`));
    }
    await browser.close();
    expect(problems).toEqual([]);
  });

  it('writes the same policy (plus frame-ancestors) into _headers', async () => {
    const headers = await hostHeaders();
    expect(headers['Content-Security-Policy']).toBe(cspHeader);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('no CSP violation in the browser', () => {
  let browser: Browser;
  let metaOnly: StaticServer;
  let withHeaders: StaticServer;
  let articleUrl: string;

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as {
      files: { file: string; status: string; url?: string }[];
    };
    const hostile = report.files.find((record) => record.file === 'hostile-fr.txt' && record.status === 'kept');
    if (!hostile?.url) throw new Error('hostile-fr.txt was not kept: the CSP test needs its article page');
    articleUrl = hostile.url.replace(/^\//, '');
    metaOnly = await serveTestSite();
    withHeaders = await serveTestSite(await hostHeaders());
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await metaOnly?.close();
    await withHeaders?.close();
  });

  for (const mode of ['meta tag', 'meta tag and host headers'] as const) {
    const server = (): StaticServer => (mode === 'meta tag' ? metaOnly : withHeaders);

    it(`search works and reports no violation (${mode})`, async () => {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      const consoleViolations = await watchViolations(page);
      await page.goto(new URL('search/', server().url).href);
      await page.locator('main input[type="search"], #site-search').first().fill('Ho Chi Minh');
      await page.locator('main input[type="search"], #site-search').first().press('Enter');
      const firstResult = page.locator('main a[href*="/articles/"]').first();
      await firstResult.waitFor({ timeout: 20_000 });
      expect(await firstResult.getAttribute('href')).toMatch(/\/articles\/(fr|ru|el)\//);
      expect(await violations(page)).toEqual([]);
      expect(consoleViolations).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`an article page with hostile text reports no violation (${mode})`, async () => {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      const consoleViolations = await watchViolations(page);
      const response = await page.goto(new URL(articleUrl, server().url).href);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('load');
      expect(await violations(page)).toEqual([]);
      expect(consoleViolations).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
