import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { archiveIndex, archiveRoutePaths, feedDescriber } from '../../../lib/archive-index.ts';
import { feedItems, feedKey, FEED_SIZE } from '../../../lib/feeds.ts';
import { absoluteUrl } from '../../../lib/urls.ts';
import { LANGUAGE_NAMES, ui } from '../../../i18n/ui.ts';
import { LANGS, type Lang } from '../../../schemas/article.ts';
import { routeTableUse } from '../../../build/render-skip.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const index = await archiveIndex();
  return archiveRoutePaths('language-feeds', routeTableUse(routePattern), {
    groups: () => LANGS,
    paths: (lang, digestOf) => {
      const articles = (index.byLang.get(lang as Lang) ?? []).slice(0, FEED_SIZE);
      return [{ params: { lang: lang as Lang }, props: { articles }, cacheKey: feedKey(articles, digestOf) }];
    },
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>, { lang: Lang }> = async ({ params, props, site }) => {
  const { lang } = params;
  const { articles } = props;
  if (!site) throw new Error('feeds need SITE_URL (astro.config `site`)');
  return rss({
    title: `${ui.siteName} (${LANGUAGE_NAMES[lang].english})`,
    description: ui.siteTagline,
    // The channel links the archive's home, under the base path when there is one.
    site: absoluteUrl(site, ''),
    items: feedItems(articles, await feedDescriber()),
    customData: `<language>${lang}</language>`,
  });
};
