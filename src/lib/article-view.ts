import type { Article } from '../schemas/article.ts';
import { documentTopicSlug } from '../schemas/topic.ts';
import type { ArchiveIndex } from './archive-model.ts';
import { toLink, type ArticleLink, type ArticleRecord } from './article-record.ts';
import { archivedCopies, type ArchivedCopies } from './archived-copies.ts';
import { routes, url } from './urls.ts';
import { byString } from './sort.ts';

interface ArticleView {
  entry: Article;
  description: string;
  publisher?: { name: string; path: string };
  /** Curated topics, labelled in the article's language. */
  topics: { slug: string; label: string; path: string }[];
  documents: { ref: string; path?: string }[];
  translations: ArticleLink[];
  related: ArticleLink[];
  copies: ArchivedCopies;
  /**
   * hreflang links: this article and its other language versions. No x-default: every version
   * is a machine translation of a Vietnamese original we do not host, so none of them is the
   * right page for a reader of another language, and there is no language-neutral page.
   */
  alternates: { hreflang: string; path: string }[];
}

/** First paragraph, cut at a word boundary: the page description and feed summary. */
export function summary(entry: Pick<Article, 'body'>, max = 200): string {
  const first = entry.body.find((b) => b.kind === 'paragraph')?.text ?? entry.body[0]?.text ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * What an article page shows from the rest of the archive: its other language versions,
 * related articles, publisher page, and the labels of its topics. It is all the page's cache
 * key needs beside the entry itself, and it is computed from the article's record alone.
 */
interface ArticleContext {
  translations: ArticleLink[];
  related: ArticleLink[];
  publisher?: { name: string; path: string };
  /** Curated topics, labelled in the article's language. */
  topics: { slug: string; label: string; path: string }[];
  documents: { ref: string; path?: string }[];
}

export function articleContext(index: ArchiveIndex, record: ArticleRecord): ArticleContext {
  const topics = [];
  for (const slug of record.topics) {
    const topic = index.topics.get(slug);
    if (!topic || topic.kind === 'document') continue;
    topics.push({ slug: topic.slug, label: topic.labels[record.lang], path: routes.topic(topic.slug) });
  }
  const documents = record.documentRefs.map((ref) => {
    const slug = documentTopicSlug(ref);
    return index.topics.has(slug) ? { ref, path: routes.topic(slug) } : { ref };
  });
  const publisher = index.publisherOf(record.id);
  return {
    translations: index.translationsOf(record.id).map(toLink),
    related: index.relatedTo(record.id).map(toLink),
    ...(publisher ? { publisher: { name: publisher.name, path: routes.publisher(publisher.slug) } } : {}),
    topics,
    documents,
  };
}

/**
 * Everything the article page shows, shaped from the whole entry (read from its file) and its
 * context in the archive, so the page only lays it out.
 */
export function articleView(entry: Article, context: ArticleContext): ArticleView {
  const { translations, topics, documents, publisher, related } = context;
  const rawPath = routes.raw(entry.raw.sha256);
  const description = summary(entry);
  return {
    entry,
    description,
    ...(publisher ? { publisher } : {}),
    topics,
    documents,
    translations,
    related,
    copies: archivedCopies(entry, url(rawPath)),
    alternates:
      translations.length > 0
        ? [entry, ...translations].map((a) => ({ hreflang: a.lang, path: routes.article(a.id) })).sort(byString((link) => link.hreflang))
        : [],
  };
}
