import type { Article } from '../schemas/article.ts';
import { summary } from './article-view.ts';
import { routes, url } from './urls.ts';

/** Items in a feed: a feed is for news, not the archive's whole history. */
export const FEED_SIZE = 50;

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
}

/**
 * RSS items, newest first. pubDate only for dated articles: an undated text gets none rather
 * than the build time, which would present it as new.
 */
export function feedItems(articles: readonly Article[], size: number = FEED_SIZE): FeedItem[] {
  return articles.slice(0, size).map((a) => ({
    title: a.title,
    link: url(routes.article(a.id)),
    description: summary(a, 500),
    ...(a.date ? { pubDate: new Date(`${a.date}T00:00:00Z`) } : {}),
  }));
}
