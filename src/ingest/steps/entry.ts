import { createHash } from 'node:crypto';
import { articleSchema, parseArticle, type Article, type Lang } from '../../schemas/article.ts';
import { cutSlug, slugify } from '../../lib/slug.ts';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Longest slug taken from the source URL's last path segment. */
const SLUG_MAX = 60;

/** ASCII slug: diacritics folded (đ -> d), lower case, hyphen-separated, cut at a hyphen near the limit. */
export function asciiSlug(text: string, max = SLUG_MAX): string {
  return cutSlug(slugify(text), max);
}

/** The URL's last non-empty path segment without its extension, decoded. */
function lastSegment(url: URL): string {
  const segment = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape: the raw segment still slugs fine.
  }
  return decoded.replace(/\.(?:html?|php|aspx?|jsp|vnp|shtml)$/i, '');
}

/**
 * The permalink id. It must never move when the parser improves, so it is built only from
 * what identifies the original: the canonical source URL and the language, or (without a
 * URL) the raw bytes' hash. Never from an extracted title.
 */
export function articleId(lang: Lang, sourceUrl: string | undefined, rawSha256: string): string {
  if (!sourceUrl) return `${lang}/raw-${rawSha256.slice(0, 16)}`;
  const hash = sha256Hex(sourceUrl).slice(0, 10);
  const slug = asciiSlug(lastSegment(new URL(sourceUrl)));
  return slug ? `${lang}/${slug}-${hash}` : `${lang}/${hash}`;
}

/** Shared by every language version of one original: the source URL's hash, else the raw bytes'. */
export function translationKey(sourceUrl: string | undefined, rawSha256: string): string {
  return sourceUrl ? sha256Hex(sourceUrl).slice(0, 16) : rawSha256.slice(0, 16);
}

/**
 * Validates an article against the one schema and returns it with keys in schema order, so
 * the JSON written for it is the same whatever order the fields were filled in.
 */
export function buildArticle(fields: Article, file: string): Article {
  return orderKeys(parseArticle(fields, file), Object.keys(articleSchema.shape)) as Article;
}

function orderKeys(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (value[key] !== undefined) ordered[key] = value[key];
  return ordered;
}

/** The entry file's text: 2-space JSON with a final newline. */
export function serializeArticle(article: Article): string {
  return `${JSON.stringify(article, null, 2)}\n`;
}
