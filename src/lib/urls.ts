/**
 * Every internal link goes through here, so the site works at a domain root or under a
 * sub-path (BASE_PATH) without a page knowing which.
 */

/** `('/archive', 'topics/x/')` -> `/archive/topics/x/`. */
export function joinBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** An internal URL for a site-relative path (`topics/`, `articles/fr/x/`). */
export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The absolute public URL (for feeds, canonical links, JSON-LD, citations). */
export function absoluteUrl(site: URL | undefined, path: string): string {
  if (!site) throw new Error('SITE_URL is not configured: absolute URLs need astro.config `site`');
  return new URL(url(path), site).href;
}

export const routes = {
  home: () => '',
  article: (id: string) => `articles/${id}/`,
  /** The language versions of one original side by side, by their shared translationKey. */
  compare: (translationKey: string) => `compare/${translationKey}/`,
  topics: () => 'topics/',
  topic: (slug: string, lang?: string) => (lang ? `topics/${slug}/${lang}/` : `topics/${slug}/`),
  topicFeed: (slug: string) => `topics/${slug}/rss.xml`,
  languages: () => 'languages/',
  language: (lang: string) => `languages/${lang}/`,
  languageFeed: (lang: string) => `languages/${lang}/rss.xml`,
  publishers: () => 'publishers/',
  publisher: (slug: string) => `publishers/${slug}/`,
  years: () => 'years/',
  year: (year: string) => `years/${year}/`,
  month: (year: string, month: string) => `years/${year}/${month}/`,
  undated: () => 'undated/',
  about: () => 'about/',
  search: () => 'search/',
  /** The topic hints the search page fetches for a query's words (src/search/topic-hints.ts). */
  searchTopicShard: (shard: string) => `search/topics/${shard}.json`,
  searchTopicLabels: () => 'search/topic-labels.json',
  report: () => 'report/',
  reportPage: (outcome: string, id: string) => `report/${outcome}/${id}/`,
  raw: (sha256: string) => `raw/${sha256}.txt`,
  /** An article's citation files beside its page, less the format's extension: `articles/fr/x`. */
  articleCitations: (id: string) => `articles/${id}`,
  /** The citation files of one listing page's articles, inside that page's folder, less the extension. */
  /** The archive as data (src/dataset/). */
  dataDump: () => 'data/articles.jsonl.gz',
  dataSchema: () => 'data/article.schema.json',
  dataCsv: () => 'data/articles.csv',
  favicon: () => 'favicon.svg',
  openSearch: () => 'opensearch.xml',
  manifest: () => 'manifest.webmanifest',
  /** Written at the site's root by src/integrations/incremental-pages.ts. */
  sitemap: () => 'sitemap-index.xml',
} as const;

type SearchFilter = 'topic' | 'lang' | 'publisher';

/** Query strings for the search page's filters ("search within this"); several combine. */
export function searchWithin(filter: SearchFilter, value: string, ...more: [SearchFilter, string][]): string {
  const query = [[filter, value] as const, ...more].map(([key, v]) => `${key}=${encodeURIComponent(v)}`).join('&');
  return `${routes.search()}?${query}`;
}
