import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveIndex } from '../../../lib/archive-index.ts';
import { feedItems } from '../../../lib/feeds.ts';
import { readArticle } from '../../../lib/article-record.ts';
import { articlesDir } from '../../../config/archive.ts';
import { absoluteUrl } from '../../../lib/urls.ts';
import { ui } from '../../../i18n/ui.ts';

export const getStaticPaths = (async () => {
  const index = await archiveIndex();
  return [...index.topics.keys()].map((slug) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const index = await archiveIndex();
  const topic = index.topics.get(params.slug ?? '');
  if (!topic) throw new Error(`no topic ${params.slug}`);
  if (!site) throw new Error('feeds need SITE_URL (astro.config `site`)');
  return rss({
    title: `${ui.siteName}: ${topic.labels.en}`,
    description: topic.description,
    // The channel links the archive's home, under the base path when there is one.
    site: absoluteUrl(site, ''),
    items: feedItems(index.byTopic.get(topic.slug) ?? [], (id) => readArticle(articlesDir, id)),
  });
};
