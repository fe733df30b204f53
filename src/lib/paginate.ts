/** Articles per listing page: short enough to scan, long enough to need few pages. */
export const PAGE_SIZE = 20;

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
