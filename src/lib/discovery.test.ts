import { describe, expect, it } from 'vitest';
import { openSearchDescription, robotsTxt, searchTemplate, siteIdentity, webManifest, type SiteAddress } from './discovery.ts';

const root: SiteAddress = { site: new URL('https://archive.example.org'), base: '/' };
const subPath: SiteAddress = { site: new URL('https://user.github.io'), base: '/archive/' };

describe('openSearchDescription', () => {
  it('points the browser at the search page with the query in q, under the base path', () => {
    expect(searchTemplate(root)).toBe('https://archive.example.org/search/?q={searchTerms}');
    expect(searchTemplate(subPath)).toBe('https://user.github.io/archive/search/?q={searchTerms}');
    const xml = openSearchDescription(subPath, siteIdentity);
    expect(xml).toContain('<Url type="text/html" method="get" template="https://user.github.io/archive/search/?q={searchTerms}"/>');
    expect(xml).toContain('template="https://user.github.io/archive/opensearch.xml"');
    expect(xml).toContain('<Language>fr</Language>');
  });

  it('escapes what it is given', () => {
    const xml = openSearchDescription(root, { ...siteIdentity, shortName: 'A & <B>', name: '"Q" & R' });
    expect(xml).toContain('<ShortName>A &amp; &lt;B&gt;</ShortName>');
    expect(xml).toContain('<LongName>&quot;Q&quot; &amp; R</LongName>');
  });

  it('refuses a ShortName over the 16 characters OpenSearch allows', () => {
    expect(() => openSearchDescription(root, { ...siteIdentity, shortName: 'Political News Archive' })).toThrow(/16 characters/);
    expect(siteIdentity.shortName.length).toBeLessThanOrEqual(16);
  });
});

describe('robotsTxt', () => {
  it('names the sitemap index by its absolute URL', () => {
    expect(robotsTxt(root).split('\n')).toContain('Sitemap: https://archive.example.org/sitemap-index.xml');
    expect(robotsTxt(subPath).split('\n')).toContain('Sitemap: https://user.github.io/archive/sitemap-index.xml');
    expect(robotsTxt(root)).toMatch(/^User-agent: \*\n/);
  });
});

describe('webManifest', () => {
  it('starts and stays within the base path, with the site icon', () => {
    const manifest = JSON.parse(webManifest(subPath, siteIdentity)) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: siteIdentity.name,
      short_name: siteIdentity.shortName,
      start_url: '/archive/',
      scope: '/archive/',
      id: '/archive/',
      icons: [{ src: '/archive/favicon.svg', type: 'image/svg+xml', sizes: 'any' }],
    });
    expect(JSON.parse(webManifest(root, siteIdentity))).toMatchObject({ start_url: '/', scope: '/' });
  });
});
