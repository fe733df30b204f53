import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { testDistDir } from './paths.ts';

import { launchBrowser } from '../../../scripts/lib/chromium.ts';

export { launchBrowser };

export function serveTestSite(headers?: Record<string, string>): Promise<StaticServer> {
  return startStaticServer({ root: testDistDir, ...(headers ? { headers } : {}) });
}

/**
 * Serves the test site and opens Chromium for the tests of the calling `describe` block, and
 * closes both after them: read `browser` and `site` inside the tests, once they have opened.
 */
export function openTestSite(): { readonly browser: Browser; readonly site: StaticServer } {
  const opened = {} as { browser: Browser; site: StaticServer };
  beforeAll(async () => {
    opened.site = await serveTestSite();
    opened.browser = await launchBrowser();
  });
  afterAll(async () => {
    await opened.browser?.close();
    await opened.site?.close();
  });
  return opened;
}

/** Collects console errors and uncaught page errors, which every page test asserts empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Collects (and dismisses) every alert, confirm or prompt the page opens: hostile text must open none. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** What a payload would leave behind if it ran or were parsed as markup. */
export async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`${tag}[${attribute.name}]`);
        if (/^\s*(javascript|data|vbscript):/i.test(attribute.value) && attribute.name !== 'content') {
          found.push(`${tag}[${attribute.name}=${attribute.value.slice(0, 40)}]`);
        }
      }
      if (['iframe', 'object', 'embed', 'style', 'base'].includes(tag)) found.push(tag);
      if (tag === 'img' && element.getAttribute('src') === 'x') found.push('img[src=x]');
      if (tag === 'script') {
        const script = element as HTMLScriptElement;
        const sameOrigin = script.src !== '' && new URL(script.src).origin === location.origin;
        if (!sameOrigin && script.type !== 'application/ld+json') found.push(`script ${script.outerHTML.slice(0, 80)}`);
      }
    }
    return found;
  });
}
