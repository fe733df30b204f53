import type { Article, Lang } from '../schemas/article.ts';
import { ui } from '../i18n/ui.ts';
import { routes } from '../lib/urls.ts';
import { archiveWork } from './archive-work.ts';
import { citationFileLinks, type CitationFileLink } from './formats.ts';
import { newsArticleJsonLd } from './json-ld.ts';
import { citationMetaTags, type MetaTag } from './meta.ts';
import { plainCitation } from './plain.ts';

/** How an article page cites its article: every part made from one `CitableWork`. */
export interface ArticleCitations {
  /** The plain-text citation the page shows. */
  text: string;
  /** The article's BibTeX, RIS and CSL-JSON files (written by scripts/publish-data.ts). */
  files: CitationFileLink[];
  /** Highwire `citation_*` and Open Graph tags for the page head. */
  meta: MetaTag[];
  jsonLd: Record<string, unknown>;
}

/**
 * The citations of an article page. `absolute` turns a site path into a public URL;
 * `translations` are the other language versions of the same original.
 */
export function articleCitations(
  entry: Article,
  translations: readonly { id: string; lang: Lang }[],
  description: string,
  absolute: (path: string) => string,
): ArticleCitations {
  const work = archiveWork(entry, absolute);
  return {
    text: plainCitation(work),
    files: citationFileLinks(routes.articleCitations(entry.id)),
    meta: citationMetaTags(work, { siteName: ui.siteName, description, translations: translations.map((t) => t.lang) }),
    jsonLd: newsArticleJsonLd(
      work,
      translations.map((t) => ({ url: absolute(routes.article(t.id)), lang: t.lang })),
    ),
  };
}
