import { escapeUTF8 } from 'entities';
import type { Article } from '../schemas/article.ts';

/**
 * What Pagefind learns about an article beyond its text: the one list the search page's
 * filters and sorting rely on.
 */
interface SearchMetadata {
  meta: [key: string, value: string][];
  filters: [key: string, value: string][];
  sort: [key: string, value: string][];
}

export function searchMetadata(entry: Pick<Article, 'date' | 'publisher' | 'topics'>): SearchMetadata {
  // No language: each language has its own bundles (build/index-build.ts), so the page knows a hit's
  // language from the bundle that answered, and filters by language by asking fewer bundles.
  const meta: [string, string][] = [];
  const filters: [string, string][] = [];
  const sort: [string, string][] = [];
  if (entry.date) meta.push(['date', entry.date]);
  if (entry.publisher) meta.push(['publisher', entry.publisher.name]);
  for (const slug of [...new Set(entry.topics.map((t) => t.slug))].sort()) filters.push(['topic', slug]);
  if (entry.publisher) filters.push(['publisher', entry.publisher.name]);
  if (entry.date) {
    filters.push(['year', entry.date.slice(0, 4)]);
    sort.push(['date', entry.date]);
  }
  return { meta, filters, sort };
}

/** The parts of an article its search record is made of. */
type SearchableArticle = Pick<Article, 'id' | 'lang' | 'title' | 'date' | 'publisher' | 'topics' | 'body'>;

/**
 * The page Pagefind indexes for an article, made from its entry rather than read back from the
 * built site, which is faster to index (figures in build/index-build.ts). It holds what a
 * reader searches (the title as the heading Pagefind weighs most, the body's headings and
 * paragraphs) and nothing else: no navigation, related lists or citation. Every text is
 * escaped; nothing from a raw file becomes markup.
 */
export function searchDocument(entry: SearchableArticle): string {
  const { meta, filters, sort } = searchMetadata(entry);
  const attribute = (name: string, pairs: [string, string][]): string[] =>
    pairs.map(([key, value]) => `<span data-pagefind-${name}="${escapeUTF8(`${key}:${value}`)}"></span>`);
  const body = entry.body.map((block) => (block.kind === 'heading' ? `<h2>${escapeUTF8(block.text)}</h2>` : `<p>${escapeUTF8(block.text)}</p>`));
  return [
    `<!doctype html><html lang="${entry.lang}"><body>`,
    ...attribute('meta', meta),
    ...attribute('filter', filters),
    ...attribute('sort', sort),
    `<h1 data-pagefind-meta="title">${escapeUTF8(entry.title)}</h1>`,
    ...body,
    '</body></html>\n',
  ].join('\n');
}
