import { describe, expect, it } from 'vitest';
import { SITEMAP_URLS_PER_FILE, sitemapAlternates, sitemapFiles, sitemapKey } from './sitemap.ts';

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

describe('sitemapFiles', () => {
  const site = 'https://ex.org';
  it('lists each page once, numbers by value, with its alternates, escaped, under the base path', () => {
    const alternates = sitemapAlternates(
      [
        { id: 'fr/a', lang: 'fr', translationKey: 'k' },
        { id: 'ru/a', lang: 'ru', translationKey: 'k' },
      ],
      site,
      '/archive/',
    );
    const files = sitemapFiles(['/topics/page/10/', '/topics/page/2', '/articles/fr/a/', '/q&a/', '/topics/page/2/'], alternates, site, '/archive/');
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    const urls = [...(files.get('sitemap-0.xml') ?? '').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
    expect(urls).toEqual([
      'https://ex.org/archive/articles/fr/a/',
      'https://ex.org/archive/q&amp;a/',
      'https://ex.org/archive/topics/page/2/',
      'https://ex.org/archive/topics/page/10/',
    ]);
    expect(files.get('sitemap-0.xml')).toContain(
      '<url><loc>https://ex.org/archive/articles/fr/a/</loc><xhtml:link rel="alternate" hreflang="fr" href="https://ex.org/archive/articles/fr/a/"/><xhtml:link rel="alternate" hreflang="ru" href="https://ex.org/archive/articles/ru/a/"/></url>',
    );
    expect(files.get('sitemap-index.xml')).toContain('<sitemap><loc>https://ex.org/archive/sitemap-0.xml</loc></sitemap></sitemapindex>');
  });
  it('starts a new file past the protocol limit and names every file in the index', () => {
    const pages = Array.from({ length: SITEMAP_URLS_PER_FILE + 1 }, (_, index) => `/p/${index}/`);
    const files = sitemapFiles(pages, new Map(), site, '/');
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
    expect(files.get('sitemap-1.xml')).toContain(`<loc>https://ex.org/p/${SITEMAP_URLS_PER_FILE}/</loc>`);
    expect(files.get('sitemap-index.xml')?.match(/<sitemap>/g)).toHaveLength(2);
  });
});

describe('sitemapKey', () => {
  const entries = [
    { id: 'fr/a', lang: 'fr', translationKey: 'k1' },
    { id: 'ru/a', lang: 'ru', translationKey: 'k1' },
    { id: 'el/b', lang: 'el', translationKey: 'k2' },
  ];
  const pages = ['/', '/articles/fr/a/', '/articles/ru/a/', '/articles/el/b/'];
  const key = sitemapKey(pages, entries, 'https://example.org', '/');

  it('changes with whatever the sitemap is made of', () => {
    expect(sitemapKey([...pages, '/topics/party/'], entries, 'https://example.org', '/')).not.toBe(key);
    expect(sitemapKey(pages.slice(1), entries, 'https://example.org', '/')).not.toBe(key);
    // el/b becomes a translation of fr/a: new alternates, with the same pages.
    expect(sitemapKey(pages, [...entries.slice(0, 2), { id: 'el/b', lang: 'el', translationKey: 'k1' }], 'https://example.org', '/')).not.toBe(key);
    expect(sitemapKey(pages, entries, 'https://example.net', '/')).not.toBe(key);
    expect(sitemapKey(pages, entries, 'https://example.org', '/archive/')).not.toBe(key);
  });

  it('does not depend on the order the records were read in, or the pages listed in', () => {
    expect(sitemapKey(pages, [...entries].reverse(), 'https://example.org', '/')).toBe(key);
    expect(sitemapKey([...pages].reverse(), entries, 'https://example.org', '/')).toBe(key);
  });
});
