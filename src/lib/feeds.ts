import type { Article } from '../schemas/article.ts';
import type { ArticleRecord } from './article-record.ts';
import { summary } from './article-view.ts';
import { cacheKey } from './cache-key.ts';
import { routes, url } from './urls.ts';

/** Items in a feed: a feed is for news, not the archive's whole history. */
export const FEED_SIZE = 50;

interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
}

/** What a feed says of an article: the start of its text. */
export const feedDescription = (article: Article): string => summary(article, 500);

/**
 * RSS items, newest first. pubDate only for dated articles: an undated text gets none rather
 * than the build time, which would present it as new. Records hold no body: `describe` gives
 * the feedDescription of the few articles a feed lists.
 */
export function feedItems(articles: readonly ArticleRecord[], describe: (id: string) => string, size: number = FEED_SIZE): FeedItem[] {
  return articles.slice(0, size).map((a) => ({
    title: a.title,
    link: url(routes.article(a.id)),
    description: describe(a.id),
    ...(a.date ? { pubDate: new Date(`${a.date}T00:00:00Z`) } : {}),
  }));
}

/**
 * A feed's cache key: its articles' records and entry digests (each item's summary is read
 * from the entry) and whatever else the channel shows.
 */
export function feedKey(articles: readonly ArticleRecord[], digestOf: (id: string) => string | undefined, ...channel: unknown[]): string {
  return cacheKey(articles, articles.map((a) => digestOf(a.id) ?? null), ...channel);
}
