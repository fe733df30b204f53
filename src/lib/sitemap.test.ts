import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSitemapEntries, sitemapAlternates } from './sitemap.ts';

describe('sitemapAlternates', () => {
  const entries = [
    { id: 'fr/a', lang: 'fr', translationKey: 'k' },
    { id: 'ru/a', lang: 'ru', translationKey: 'k' },
    { id: 'el/b', lang: 'el', translationKey: 'solo' },
  ];
  it('links every version of a translated article, itself included, under the base path', () => {
    const map = sitemapAlternates(entries, 'https://ex.org', '/archive/');
    const links = [
      { url: 'https://ex.org/archive/articles/fr/a/', lang: 'fr' },
      { url: 'https://ex.org/archive/articles/ru/a/', lang: 'ru' },
    ];
    expect(map.get('https://ex.org/archive/articles/fr/a/')).toEqual(links);
    expect(map.get('https://ex.org/archive/articles/ru/a/')).toEqual(links);
  });
  it('gives an article without translations no alternates', () => {
    expect(sitemapAlternates(entries, 'https://ex.org', '/').has('https://ex.org/articles/el/b/')).toBe(false);
  });
});

describe('readSitemapEntries', () => {
  it('reads entries recursively and names a malformed file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sitemap-'));
    mkdirSync(path.join(dir, 'fr'));
    writeFileSync(path.join(dir, 'fr', 'a.json'), JSON.stringify({ id: 'fr/a', lang: 'fr', translationKey: 'k', title: 't' }));
    expect(readSitemapEntries(dir)).toEqual([{ id: 'fr/a', lang: 'fr', translationKey: 'k' }]);
    writeFileSync(path.join(dir, 'fr', 'b.json'), JSON.stringify({ id: 'fr/b' }));
    expect(() => readSitemapEntries(dir)).toThrow(/b\.json: entry lacks/);
  });
  it('returns nothing when there is no archive yet', () => {
    expect(readSitemapEntries('/nonexistent/articles')).toEqual([]);
  });
});
