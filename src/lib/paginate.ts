/**
 * Articles per listing page. Listings were 60 % of the pages of a 10,000-article build at 20
 * a page; 50 one-line items still scan easily and cut those pages by 2.5.
 */
export const PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
}

/** Always at least one page, so an empty listing still has a page that says so. */
export function paginate<T>(items: readonly T[], size: number = PAGE_SIZE): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), number: i + 1, total }));
}

/** Page 1 lives at the listing's own path; later pages under `page/<n>/`. */
export function pagePath(listPath: string, number: number): string {
  return number === 1 ? listPath : `${listPath}page/${number}/`;
}

/** The `[...page]` rest parameter for a page: undefined on page 1. */
export function pageParam(number: number): string | undefined {
  return number === 1 ? undefined : `page/${number}`;
}

/** getStaticPaths entries for one paginated listing. */
export function paginatedPaths<T, P extends Record<string, string>>(
  items: readonly T[],
  params: P,
  props: Record<string, unknown> = {},
  size: number = PAGE_SIZE,
): { params: P & { page: string | undefined }; props: Record<string, unknown> & { page: Page<T> } }[] {
  return paginate(items, size).map((page) => ({ params: { ...params, page: pageParam(page.number) }, props: { ...props, page } }));
}

/**
 * Page numbers to link: first, last and a window around the current page, `gap` where numbers
 * are skipped. Listing every page would make a listing of n pages cost n² links to build.
 */
export function pageWindow(current: number, total: number, radius = 2): (number | 'gap')[] {
  const shown = new Set([1, total]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= total) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  numbers.forEach((n, i) => {
    const previous = numbers[i - 1];
    if (previous !== undefined && n - previous > 1) out.push('gap');
    out.push(n);
  });
  return out;
}
