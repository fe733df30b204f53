import type { Article } from '../schemas/article.ts';
import { routes } from '../lib/urls.ts';
import { citableWork, isoDateFromEpoch, type CitableWork } from './work.ts';

/**
 * An article as this archive cites it: its page, its raw copy, and the access date of the
 * build. `absolute` turns a site path into a public URL: pages pass Astro's, the build's
 * data step one made from the same site and base.
 */
export function archiveWork(entry: Article, absolute: (path: string) => string): CitableWork {
  const urls = { archiveUrl: absolute(routes.article(entry.id)), rawUrl: absolute(routes.raw(entry.raw.sha256)) };
  return citableWork(entry, urls, isoDateFromEpoch(process.env.SOURCE_DATE_EPOCH));
}
