import { createHash } from 'node:crypto';
import { joinBase, routes } from './urls.ts';
import { compareStrings } from './sort.ts';
import { groupTranslations } from './translations.ts';

/** What the sitemap needs of an article: the article records hold it (src/lib/record-store.ts). */
interface SitemapEntry {
  id: string;
  lang: string;
  translationKey: string;
}

interface SitemapLink {
  url: string;
  lang: string;
}

/**
 * hreflang alternates for the sitemap: for each article with other language versions, every
 * version (itself included, as the sitemaps protocol asks). Keys are absolute page URLs.
 */
export function sitemapAlternates(entries: readonly SitemapEntry[], site: string, base: string): Map<string, SitemapLink[]> {
  const pageUrl = (id: string) => new URL(joinBase(base, routes.article(id)), site).href;
  const groups = groupTranslations(entries);
  const alternates = new Map<string, SitemapLink[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const links = group.map((e) => ({ url: pageUrl(e.id), lang: e.lang })).sort((a, b) => compareStrings(a.lang, b.lang) || compareStrings(a.url, b.url));
    for (const entry of group) alternates.set(pageUrl(entry.id), links);
  }
  return alternates;
}

/**
 * A digest of everything sitemapFiles makes the sitemap of: the pages and the articles'
 * languages and translation keys, each in any order (the sitemap sorts its pages, and the
 * alternates do not depend on the records' order; a build that lists only the changed pages
 * gives them in another order), the site's address and base path.
 */
export function sitemapKey(pages: readonly string[], entries: readonly SitemapEntry[], site: string, base: string): string {
  const hash = createHash('sha256').update(`${JSON.stringify([site, base, pages.length])}\n`);
  for (const page of [...pages].sort()) hash.update(`${page}\n`);
  for (const { id, lang, translationKey } of [...entries].sort((a, b) => compareStrings(a.id, b.id))) hash.update(`${JSON.stringify([id, lang, translationKey])}\n`);
  return hash.digest('base64url');
}

/** URLs per sitemap file, kept under the protocol's 50,000. */
export const SITEMAP_URLS_PER_FILE = 45_000;

const xmlEscape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] as string);

/** Pages in an order people read: numbers in paths by value (`page/2/` before `page/10/`). */
const byUrl = new Intl.Collator('en', { numeric: true }).compare;

/**
 * The sitemap of a site: its index (`routes.sitemap()`) and the files it names, by file name.
 * `pages` are site-relative paths (`/`, `/articles/fr/x/`), each listed once with a trailing
 * slash; `alternates` are keyed by absolute page URL (sitemapAlternates).
 */
export function sitemapFiles(pages: readonly string[], alternates: ReadonlyMap<string, readonly SitemapLink[]>, site: string, base: string): Map<string, string> {
  const absolute = (at: string) => new URL(joinBase(base, at), site).href;
  const urls = [...new Set(pages.map((page) => absolute(page.endsWith('/') ? page : `${page}/`)))].sort(byUrl);
  const files = new Map<string, string>();
  const names = Array.from({ length: Math.max(1, Math.ceil(urls.length / SITEMAP_URLS_PER_FILE)) }, (_, index) => `sitemap-${index}.xml`);
  for (const [index, name] of names.entries()) {
    const body = urls
      .slice(index * SITEMAP_URLS_PER_FILE, (index + 1) * SITEMAP_URLS_PER_FILE)
      .map((url) => {
        const links = (alternates.get(url) ?? []).map((link) => `<xhtml:link rel="alternate" hreflang="${xmlEscape(link.lang)}" href="${xmlEscape(link.url)}"/>`);
        return `<url><loc>${xmlEscape(url)}</loc>${links.join('')}</url>`;
      })
      .join('');
    files.set(name, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${body}</urlset>`);
  }
  const index = names.map((name) => `<sitemap><loc>${xmlEscape(absolute(name))}</loc></sitemap>`).join('');
  files.set(routes.sitemap(), `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index}</sitemapindex>`);
  return files;
}
