import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSearchIndex } from '../../../src/search/build/index-build.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { launchBrowser } from './browser.ts';
import { testDistDir } from './paths.ts';

/** A site whose search was updated in steps, served beside the test site indexed from nothing, and a browser to ask both. */
export interface SearchSites {
  clean: StaticServer;
  updated: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Indexes `entries` from nothing into a copy of the test site under `root`, then serves it and
 * `updatedDist` (the same pages, its search index built incrementally) side by side.
 */
export async function serveCleanAndUpdated(root: string, entries: string, updatedDist: string): Promise<SearchSites> {
  const cleanDist = path.join(root, 'clean');
  await cp(testDistDir, cleanDist, { recursive: true });
  await buildSearchIndex(entries, path.join(cleanDist, 'pagefind'), path.join(root, 'clean-scratch'));
  const clean = await startStaticServer({ root: cleanDist });
  const updated = await startStaticServer({ root: updatedDist });
  const browser = await launchBrowser();
  return {
    clean,
    updated,
    browser,
    async close() {
      await browser.close();
      await clean.close();
      await updated.close();
    },
  };
}
