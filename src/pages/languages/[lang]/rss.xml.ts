import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveIndex } from '../../../lib/archive-index.ts';
import { feedItems } from '../../../lib/feeds.ts';
import { readArticle } from '../../../lib/article-record.ts';
import { articlesDir } from '../../../config/archive.ts';
import { absoluteUrl } from '../../../lib/urls.ts';
import { LANGUAGE_NAMES, ui } from '../../../i18n/ui.ts';
import { LANGS, type Lang } from '../../../schemas/article.ts';

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const index = await archiveIndex();
  if (!site) throw new Error('feeds need SITE_URL (astro.config `site`)');
  return rss({
    title: `${ui.siteName} (${LANGUAGE_NAMES[lang].english})`,
    description: ui.siteTagline,
    // The channel links the archive's home, under the base path when there is one.
    site: absoluteUrl(site, ''),
    items: feedItems(index.byLang.get(lang) ?? [], (id) => readArticle(articlesDir, id)),
    customData: `<language>${lang}</language>`,
  });
};
