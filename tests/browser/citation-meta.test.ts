import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveTestSite } from './support/browser.ts';
import { testArchiveDir } from './support/paths.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';

interface PageMeta {
  meta: [string, string][];
  ld: Record<string, unknown> & { publisher?: { name: string }; author?: { name: string } };
  canonical: string | null;
  lang: string | null;
  h1: string;
}

/** What reference managers and link previews read, as they read it: from the parsed DOM. */
describe('citation and Open Graph metadata', () => {
  let browser: Browser;
  let site: StaticServer;
  let kept: { file: string; url: string; dateSource?: string; date?: string }[];

  const read = async (pathname: string): Promise<PageMeta> => {
    const page = await browser.newPage();
    const response = await page.goto(new URL(pathname.replace(/^\//, ''), site.url).href);
    expect(response?.status(), pathname).toBe(200);
    const result = await page.evaluate(() => ({
      meta: [...document.querySelectorAll('head meta[name^="citation_"], head meta[property^="og:"], head meta[property^="article:"]')].map(
        (m) => [m.getAttribute('name') ?? m.getAttribute('property') ?? '', m.getAttribute('content') ?? ''] as [string, string],
      ),
      ld: JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}'),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      lang: document.documentElement.getAttribute('lang'),
      h1: document.querySelector('h1')?.textContent ?? '',
    }));
    await page.close();
    return result;
  };
  const all = (m: PageMeta, key: string) => m.meta.filter(([k]) => k === key).map(([, v]) => v);

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: { file: string; status: string; url?: string }[] };
    kept = report.files.filter((r) => r.status === 'kept' && r.url) as typeof kept;
    site = await serveTestSite();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('every article page has Highwire and Open Graph tags that agree with its JSON-LD and its page', async () => {
    expect(kept.length).toBeGreaterThan(5);
    for (const record of kept) {
      const m = await read(record.url);
      const where = record.file;
      expect(all(m, 'citation_title'), where).toEqual([m.h1]);
      expect(all(m, 'og:title'), where).toEqual([m.h1]);
      expect(m.ld.headline, where).toBe(m.h1);
      expect(all(m, 'og:type'), where).toEqual(['article']);
      expect(all(m, 'og:url'), where).toEqual([m.canonical]);
      expect(all(m, 'citation_public_url'), where).toEqual([m.canonical]);
      expect(m.ld.url, where).toBe(m.canonical);
      expect(all(m, 'citation_language'), where).toEqual([m.lang]);
      expect(m.ld.inLanguage, where).toBe(m.lang);
      expect(all(m, 'og:locale')[0]?.slice(0, 2), where).toBe(m.lang);
      expect(all(m, 'citation_publisher'), where).toEqual(m.ld.publisher ? [m.ld.publisher.name] : []);
      expect(all(m, 'citation_author'), where).toEqual(m.ld.author ? [m.ld.author.name] : []);
      const known = record.dateSource === 'publisher-line' || record.dateSource === 'source-url';
      expect(all(m, 'citation_publication_date'), where).toEqual(known ? [record.date?.replaceAll('-', '/')] : []);
      expect(all(m, 'article:published_time'), where).toEqual(known ? [record.date] : []);
      expect(m.ld.datePublished, where).toBe(known ? record.date : undefined);
    }
    // Opens every article of the test site (16), a few seconds each on a loaded machine.
  }, 180_000);

  it('an inferred date (004) and an unknown one (001) reach no tag as a publication date', async () => {
    for (const prefix of ['004_', '001_']) {
      const record = kept.find((r) => r.file.startsWith(prefix));
      const m = await read(record?.url ?? '');
      expect(m.meta.filter(([k]) => /date|time/.test(k))).toEqual([]);
      if (prefix === '004_') expect(record?.dateSource).toBe('inferred');
    }
  });

  it('000 names its publisher and date as Zotero reads them', async () => {
    const m = await read(kept.find((r) => r.file.startsWith('000_'))?.url ?? '');
    expect(all(m, 'citation_publication_date')).toEqual(['2025/01/26']);
    expect(all(m, 'citation_publisher')).toEqual(['Người Lao Động']);
  });

  it('hostile titles stay whole attribute values: no tag is broken or injected', async () => {
    const record = kept.find((r) => r.file === 'hostile-fr.txt');
    const m = await read(record?.url ?? '');
    expect(all(m, 'citation_title')[0]).toContain('</script><script>alert("titre")</script> {braces}');
    expect(all(m, 'citation_title')).toEqual([m.h1]);
    expect(all(m, 'citation_author')).toEqual(['Thu <i>Ha</i> {x}']);
    expect(m.meta.every(([k]) => /^(citation_|og:|article:)[a-z_:]+$/.test(k))).toBe(true);
  });
});
