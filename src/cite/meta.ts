import type { Lang } from '../schemas/article.ts';
import type { CitableWork } from './work.ts';

/** One `<meta>` element: Highwire tags use `name`, Open Graph uses `property`. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/** Open Graph locales (`language_TERRITORY`) of the article languages. */
export const OG_LOCALES: Record<Lang, string> = { fr: 'fr_FR', ru: 'ru_RU', el: 'el_GR' };

/** Google Scholar's inclusion guidelines ask for `2025/01/26`; Zotero reads it too. */
const highwireDate = (iso: string): string => iso.replaceAll('-', '/');

/**
 * Highwire Press `citation_*` tags (read by Zotero's Embedded Metadata translator and Google
 * Scholar) and Open Graph (read by link previews). A date goes out only when it is known.
 */
export function citationMetaTags(work: CitableWork, extra: { siteName: string; description: string; translations: readonly Lang[] }): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: work.title }];
  if (work.author) tags.push({ name: 'citation_author', content: work.author });
  if (work.published) tags.push({ name: 'citation_publication_date', content: highwireDate(work.published) });
  if (work.publisher) tags.push({ name: 'citation_publisher', content: work.publisher });
  tags.push({ name: 'citation_language', content: work.lang }, { name: 'citation_public_url', content: work.archiveUrl });
  tags.push(
    { property: 'og:title', content: work.title },
    { property: 'og:type', content: 'article' },
    { property: 'og:url', content: work.archiveUrl },
    { property: 'og:locale', content: OG_LOCALES[work.lang] },
    ...extra.translations.map((lang) => ({ property: 'og:locale:alternate', content: OG_LOCALES[lang] })),
    { property: 'og:site_name', content: extra.siteName },
    { property: 'og:description', content: extra.description },
  );
  if (work.published) tags.push({ property: 'article:published_time', content: work.published });
  return tags;
}
