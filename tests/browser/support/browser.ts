import type { Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { testDistDir } from './paths.ts';

export { launchBrowser } from '../../../scripts/lib/chromium.ts';

export function serveTestSite(headers?: Record<string, string>): Promise<StaticServer> {
  return startStaticServer({ root: testDistDir, ...(headers ? { headers } : {}) });
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
