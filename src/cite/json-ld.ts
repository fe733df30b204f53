import type { CitableWork } from './work.ts';

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

/**
 * A schema.org NewsArticle. `datePublished` only for a known publication date, as in the
 * citation tags: an inferred date is a guess and must not reach machines as a fact. Every text
 * here is a translation of the Vietnamese original at the source URL; that original is the
 * `translationOfWork`, and its `workTranslation` lists the sibling language versions, given as
 * their absolute URLs and languages.
 */
export function newsArticleJsonLd(work: CitableWork, translations: readonly { url: string; lang: string }[]): Record<string, unknown> {
  const publisher = work.publisher
    ? {
        '@type': 'Organization',
        name: work.publisher,
        ...(work.publisherDomain ? { url: `https://${work.publisherDomain}/` } : {}),
      }
    : undefined;
  const original = work.sourceUrl
    ? {
        '@type': 'NewsArticle',
        '@id': work.sourceUrl,
        url: work.sourceUrl,
        inLanguage: 'vi',
        ...(work.originalTitle ? { headline: work.originalTitle } : {}),
        ...(translations.length > 0
          ? { workTranslation: translations.map((t) => ({ '@type': 'NewsArticle', url: t.url, inLanguage: t.lang })) }
          : {}),
      }
    : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': work.archiveUrl,
    url: work.archiveUrl,
    headline: work.title,
    inLanguage: work.lang,
    ...(work.published ? { datePublished: work.published } : {}),
    ...(publisher ? { publisher } : {}),
    ...(work.author ? { author: { '@type': 'Person', name: work.author } } : {}),
    ...(work.sourceUrl ? { isBasedOn: work.sourceUrl } : {}),
    archivedAt: work.rawUrl,
    ...(original ? { translationOfWork: original } : {}),
  };
}
