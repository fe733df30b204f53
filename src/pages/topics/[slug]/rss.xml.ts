import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { archiveIndex, archiveRoutePaths, feedDescriber } from '../../../lib/archive-index.ts';
import { feedItems, feedKey, FEED_SIZE } from '../../../lib/feeds.ts';
import { absoluteUrl } from '../../../lib/urls.ts';
import { ui } from '../../../i18n/ui.ts';
import type { TopicSummary } from '../../../lib/archive-model.ts';
import { routeTableUse } from '../../../build/render-skip.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const index = await archiveIndex();
  return archiveRoutePaths('topic-feeds', routeTableUse(routePattern), {
    groups: () => index.topics.keys(),
    paths: (slug, digestOf) => {
      const { labels, description } = index.topics.get(slug) as TopicSummary;
      const articles = (index.byTopic.get(slug) ?? []).slice(0, FEED_SIZE);
      const topic = { title: labels.en, description };
      return [{ params: { slug }, props: { articles, topic }, cacheKey: feedKey(articles, digestOf, topic) }];
    },
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props, site }) => {
  const { articles, topic } = props;
  if (!site) throw new Error('feeds need SITE_URL (astro.config `site`)');
  return rss({
    title: `${ui.siteName}: ${topic.title}`,
    description: topic.description,
    // The channel links the archive's home, under the base path when there is one.
    site: absoluteUrl(site, ''),
    items: feedItems(articles, await feedDescriber()),
  });
};
