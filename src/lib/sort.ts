import type { Article } from '../schemas/article.ts';

type Sortable = Pick<Article, 'id' | 'date'>;

/**
 * Strings in code-unit order (what `<` compares), never the locale's: the same on every
 * machine, so every list built with it is deterministic.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares items by a string of theirs, with `compareStrings`. */
export const byString =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    compareStrings(key(a), key(b));

/** Newest first; undated after every dated article; ties by id so builds are deterministic. */
function compareNewestFirst(a: Sortable, b: Sortable): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return compareStrings(a.id, b.id);
}

export function sortNewestFirst<T extends Sortable>(items: readonly T[]): T[] {
  return [...items].sort(compareNewestFirst);
}

/** Dated and undated apart, each newest first, so listings can show undated texts in their own section. */
export function splitDated<T extends Sortable>(items: readonly T[]): { dated: T[]; undated: T[] } {
  const sorted = sortNewestFirst(items);
  return { dated: sorted.filter((a) => a.date !== undefined), undated: sorted.filter((a) => a.date === undefined) };
}
