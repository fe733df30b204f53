import type { Article } from '../schemas/article.ts';
import { knownPublicationDate } from '../cite/work.ts';

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` are escaped so
 * scraped text containing `</script>` or `<!--` cannot end the element; U+2028/2029 so the
 * text stays valid for older JavaScript parsers reading it.
 */
export function serialiseJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

interface JsonLdInput {
  entry: Pick<Article, 'title' | 'lang' | 'date' | 'dateSource' | 'publisher' | 'sourceUrl' | 'originalTitle' | 'byline'>;
  /** Absolute URL of the article page. */
  pageUrl: string;
  /** Absolute URL of the preserved raw file. */
  rawUrl: string;
  /** Absolute URLs and languages of the other language versions of the same original. */
  translations: { url: string; lang: string }[];
}

/**
 * A schema.org NewsArticle. `datePublished` only for a known date (`knownPublicationDate`), as
 * in the citation tags: an inferred date is a guess and must not reach machines as a fact.
 * Every text here is a translation of the Vietnamese original at the source URL; that original
 * is the `translationOfWork`, and its `workTranslation` lists the sibling language versions.
 */
export function newsArticleJsonLd({ entry, pageUrl, rawUrl, translations }: JsonLdInput): Record<string, unknown> {
  const published = knownPublicationDate(entry);
  const publisher = entry.publisher
    ? {
        '@type': 'Organization',
        name: entry.publisher.name,
        ...(entry.publisher.domain ? { url: `https://${entry.publisher.domain}/` } : {}),
      }
    : undefined;
  const original = entry.sourceUrl
    ? {
        '@type': 'NewsArticle',
        '@id': entry.sourceUrl,
        url: entry.sourceUrl,
        inLanguage: 'vi',
        ...(entry.originalTitle ? { headline: entry.originalTitle } : {}),
        ...(translations.length > 0
          ? { workTranslation: translations.map((t) => ({ '@type': 'NewsArticle', url: t.url, inLanguage: t.lang })) }
          : {}),
      }
    : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': pageUrl,
    url: pageUrl,
    headline: entry.title,
    inLanguage: entry.lang,
    ...(published ? { datePublished: published } : {}),
    ...(publisher ? { publisher } : {}),
    ...(entry.byline ? { author: { '@type': 'Person', name: entry.byline } } : {}),
    ...(entry.sourceUrl ? { isBasedOn: entry.sourceUrl } : {}),
    archivedAt: rawUrl,
    ...(original ? { translationOfWork: original } : {}),
  };
}
