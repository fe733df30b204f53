import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSitemap } from './incremental-pages.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function siteAndCache(): { out: string; cache: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-'));
  folders.push(dir);
  mkdirSync(path.join(dir, 'out'));
  return { out: path.join(dir, 'out'), cache: path.join(dir, 'cache') };
}

const files = (xml: string) => () => new Map([['sitemap-index.xml', `<index>${xml}</index>`], ['sitemap-0.xml', xml]]);

describe('writeSitemap', () => {
  it('copies the kept files while the key is the same, and makes them again when it changes', () => {
    const { out, cache } = siteAndCache();
    expect(writeSitemap(out, cache, 'k1', files('<a/>'))).toEqual({ names: ['sitemap-index.xml', 'sitemap-0.xml'], copied: false });
    rmSync(path.join(out, 'sitemap-0.xml'));
    let made = 0;
    const again = writeSitemap(out, cache, 'k1', () => (made++, files('<other/>')()));
    expect(again.copied).toBe(true);
    expect(made).toBe(0);
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).toBe('<a/>');

    // New pages: a new key, and the files are made from them.
    expect(writeSitemap(out, cache, 'k2', files('<b/>')).copied).toBe(false);
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).toBe('<b/>');
    expect(readFileSync(path.join(cache, 'sitemap-0.xml'), 'utf8')).toBe('<b/>');
    expect(writeSitemap(out, cache, 'k2', files('<c/>')).copied).toBe(true);
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).toBe('<b/>');
  });

  it('makes the files again when a kept copy is gone or the key file is damaged', () => {
    const { out, cache } = siteAndCache();
    writeSitemap(out, cache, 'k1', files('<a/>'));
    rmSync(path.join(cache, 'sitemap-0.xml'));
    expect(writeSitemap(out, cache, 'k1', files('<a2/>')).copied).toBe(false);
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).toBe('<a2/>');
    writeFileSync(path.join(cache, 'key.json'), '{"key":');
    expect(writeSitemap(out, cache, 'k1', files('<a3/>')).copied).toBe(false);
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).toBe('<a3/>');
    expect(readdirSync(cache).sort()).toEqual(['key.json', 'sitemap-0.xml', 'sitemap-index.xml']);
  });
});
