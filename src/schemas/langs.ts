/**
 * The archive's languages and the shape of its ids, with no dependency at all: the browser's
 * search code imports this module, and zod (which probes for eval) would trip the CSP there.
 * The article and topic schemas build their rules from it.
 */

/** The article languages, in the fixed order every list, table and tie-break uses. */
export const LANGS = ['fr', 'ru', 'el'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

/** One value per archive language, in LANGS order: tables keyed by language never restate the list. */
export function perLang<T>(make: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(LANGS.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
}

/** A slug (a topic's, or an article's within its language): lowercase ASCII words joined by `-`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An article id, `<lang>/<slug>`. */
export const ARTICLE_ID = new RegExp(`^(${LANGS.join('|')})/${SLUG.source.slice(1)}`);
