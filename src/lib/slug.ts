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
