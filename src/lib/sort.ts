import type { Article } from '../schemas/article.ts';

type Sortable = Pick<Article, 'id' | 'date'>;

/** Newest first; undated after every dated article; ties by id so builds are deterministic. */
export function compareNewestFirst(a: Sortable, b: Sortable): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortNewestFirst<T extends Sortable>(items: readonly T[]): T[] {
  return [...items].sort(compareNewestFirst);
}

/** Dated and undated apart, each newest first, so listings can show undated texts in their own section. */
export function splitDated<T extends Sortable>(items: readonly T[]): { dated: T[]; undated: T[] } {
  const sorted = sortNewestFirst(items);
  return { dated: sorted.filter((a) => a.date !== undefined), undated: sorted.filter((a) => a.date === undefined) };
}
