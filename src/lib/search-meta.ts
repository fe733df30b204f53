import type { Article } from '../schemas/article.ts';

/**
 * What Pagefind learns about an article beyond its text: the one list the search page's
 * filters and sorting rely on. Rendered by `components/article/SearchMeta.astro` as
 * `data-pagefind-meta|filter|sort="key:value"` attributes.
 */
export interface SearchMetadata {
  meta: [key: string, value: string][];
  filters: [key: string, value: string][];
  sort: [key: string, value: string][];
}

export function searchMetadata(entry: Pick<Article, 'lang' | 'date' | 'publisher' | 'topics'>): SearchMetadata {
  const meta: [string, string][] = [];
  const filters: [string, string][] = [['language', entry.lang]];
  const sort: [string, string][] = [];
  if (entry.date) meta.push(['date', entry.date]);
  meta.push(['lang', entry.lang]);
  if (entry.publisher) meta.push(['publisher', entry.publisher.name]);
  for (const slug of [...new Set(entry.topics.map((t) => t.slug))].sort()) filters.push(['topic', slug]);
  if (entry.publisher) filters.push(['publisher', entry.publisher.name]);
  if (entry.date) {
    filters.push(['year', entry.date.slice(0, 4)]);
    sort.push(['date', entry.date]);
  }
  return { meta, filters, sort };
}
