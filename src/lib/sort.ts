import type { Article } from '../schemas/article.ts';

/** What orders articles: the date, and for undated ones the raw file's path (ArticleRecord `file`). */
type Sortable = Pick<Article, 'id' | 'date'> & { file?: string };

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

const RUNS = /\d+|\D+/g;

/**
 * File names with their runs of digits compared as numbers (`999_a` before `1000_a`) and the
 * rest in code-unit order: a scraper that numbers its files without padding still lists in
 * the order it numbered them. Equal as numbers, the names compare as strings (`01` < `1`).
 */
export function compareFileNames(a: string, b: string): number {
  const left = a.match(RUNS) ?? [];
  const right = b.match(RUNS) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits) {
      const u = x.replace(/^0+/, '');
      const v = y.replace(/^0+/, '');
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return compareStrings(u, v);
      continue;
    }
    return compareStrings(x, y);
  }
  return left.length - right.length || compareStrings(a, b);
}

/**
 * Newest first; undated after every dated article, the last raw file first: a scraper names
 * or numbers its files in the order it fetches them, the nearest thing to a date an undated
 * text has. It also lists an update's undated arrivals together, next to the dated articles,
 * instead of each one wherever its id sorts, so they change one page of a listing rather
 * than one each (docs/incremental-builds.md). Ties by id so builds are deterministic.
 */
function compareNewestFirst(a: Sortable, b: Sortable): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.date === undefined && a.file !== undefined && b.file !== undefined && a.file !== b.file) return compareFileNames(b.file, a.file);
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
