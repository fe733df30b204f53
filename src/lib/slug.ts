import anyAscii from 'any-ascii';

/**
 * `Báo Nhân dân` -> `bao-nhan-dan`, `18-NQ/TW` -> `18-nq-tw`: an ASCII URL segment. Vietnamese
 * đ has no decomposition, so it is mapped by hand; anything else non-ASCII is dropped.
 */
export function slugify(text: string): string {
  return text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Longest readable part of a segment made by `urlSegment`. */
const SEGMENT_MAX = 60;

/** Eight hex digits of FNV-1a over the text's UTF-16 code units: stable, and the same in any runtime. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A slug cut at a hyphen near `max` characters. */
export function cutSlug(slug: string, max = SEGMENT_MAX): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/**
 * A URL segment for any text, never empty, the same for the same text: the plain slug when the
 * text is in Latin letters (`Báo Nhân dân` -> `bao-nhan-dan`); otherwise a transliteration
 * (any-ascii knows Greek, Cyrillic, CJK and more) plus a hash of the text, so `Νέα` and `Nea`,
 * or two names that transliterate alike, never share a page (`Νέα` -> `nea-8f2c1d3a`); a text
 * with nothing to transliterate (emoji, symbols) is its hash alone.
 */
export function urlSegment(text: string): string {
  const plain = slugify(text);
  if (plain && plain.length <= SEGMENT_MAX) return plain;
  const readable = cutSlug(plain || slugify(anyAscii(text)));
  const hash = shortHash(text.normalize('NFC'));
  return readable ? `${readable}-${hash}` : hash;
}
