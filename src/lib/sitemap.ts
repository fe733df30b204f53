import { readFileSync } from 'node:fs';
import { entryFile, entryIds } from './archive-entries.ts';
import { joinBase, routes } from './urls.ts';
import { compareStrings } from './sort.ts';
import { groupTranslations } from './translations.ts';

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
 * The fields the sitemap needs, read from the ingest's entries at config time (the content
 * collection is not loaded yet when the sitemap integration is configured).
 */
export function readSitemapEntries(articlesDir: string): SitemapEntry[] {
  return entryIds(articlesDir).map((id) => {
    const full = entryFile(articlesDir, id);
    const data = JSON.parse(readFileSync(full, 'utf8')) as Partial<SitemapEntry>;
    if (typeof data.id !== 'string' || typeof data.lang !== 'string' || typeof data.translationKey !== 'string') {
      throw new Error(`${full}: entry lacks id, lang or translationKey`);
    }
    return { id: data.id, lang: data.lang, translationKey: data.translationKey };
  });
}
