import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { articleSchema } from '../../src/schemas/article.ts';
import { launchBrowser } from './support/browser.ts';
import { testArchiveDir, testDistDir, testInputDir, testSiteDir } from './support/paths.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface ReportRecord {
  file: string;
  status: string;
  id?: string;
  url?: string;
}

describe('preserved raw copies', () => {
  let browser: Browser;
  let kept: (ReportRecord & { id: string; url: string })[];

  beforeAll(async () => {
    const report = JSON.parse(await readFile(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: ReportRecord[] };
    kept = report.files.filter((record): record is ReportRecord & { id: string; url: string } => record.status === 'kept');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('are named by, and hash to, their own SHA-256', async () => {
    const names = await readdir(path.join(testDistDir, 'raw'));
    expect(names.length).toBeGreaterThanOrEqual(kept.length);
    for (const name of names) {
      expect(name).toMatch(/^[0-9a-f]{64}\.txt$/);
      expect(sha256(await readFile(path.join(testDistDir, 'raw', name))), name).toBe(name.slice(0, 64));
    }
  });

  it('match the hash each article page shows, the entry records and the input file', async () => {
    const page = await browser.newPage();
    for (const record of kept) {
      const html = await readFile(path.join(testDistDir, decodeURIComponent(record.url), 'index.html'), 'utf8');
      const shown = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'text/html');
        return { href: doc.querySelector('a.raw-copy')?.getAttribute('href'), hash: doc.querySelector('.raw-sha256')?.textContent?.trim() };
      }, html);
      expect(shown.hash, record.file).toMatch(/^[0-9a-f]{64}$/);
      expect(shown.href, record.file).toBeTruthy();
      const rawPath = new URL(shown.href ?? '', new URL(record.url, 'http://site.invalid')).pathname;
      const served = await readFile(path.join(testDistDir, decodeURIComponent(rawPath)));
      expect(sha256(served), `${record.file}: ${rawPath}`).toBe(shown.hash);
      const entry = articleSchema.parse(JSON.parse(await readFile(path.join(testArchiveDir, 'articles', `${record.id}.json`), 'utf8')));
      expect(entry.raw.sha256, record.file).toBe(shown.hash);
      const input = await readFile(path.join(testInputDir, record.file));
      expect(sha256(input), record.file).toBe(shown.hash);
      expect(entry.raw.bytes, record.file).toBe(input.length);
    }
    await page.close();
  });
});

describe('a build with an invalid entry', () => {
  it('fails loudly and names the file', { timeout: 240_000 }, async () => {
    const workDir = path.join(testSiteDir, 'integrity-invalid');
    const archive = path.join(workDir, 'archive');
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    await cp(testArchiveDir, archive, { recursive: true, filter: (source) => !source.includes(`${path.sep}.astro-cache`) });
    const valid = JSON.parse(await readFile(path.join(archive, 'articles', 'fr', (await readdir(path.join(archive, 'articles', 'fr')))[0] ?? ''), 'utf8')) as Record<string, unknown>;
    // A plausible entry with one field wrong: the schema, not a JSON parse error, must reject it.
    await writeFile(
      path.join(archive, 'articles', 'fr', 'forged-entry-0badc0de.json'),
      JSON.stringify({ ...valid, id: 'fr/forged-entry-0badc0de', sourceUrl: 'javascript:alert(1)' }),
    );
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      env: { ...process.env, ARCHIVE_DIR: archive, DIST_DIR: path.join(workDir, 'dist') },
      encoding: 'utf8',
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output.slice(-2000)).not.toBe(0);
    expect(output).toContain('forged-entry-0badc0de');
    expect(output).toMatch(/sourceUrl/);
    await rm(workDir, { recursive: true, force: true });
  });
});
