import { LANGS, type Lang } from '../schemas/article.ts';
import { compareStrings } from './sort.ts';

/**
 * The language versions of each original, by translationKey: keys in the order first met,
 * versions in the order given.
 */
export function groupTranslations<T extends { translationKey: string }>(items: Iterable<T>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.translationKey);
    if (group) group.push(item);
    else groups.set(item.translationKey, [item]);
  }
  return groups;
}

/** Versions of one original in the archive's language order (LANGS), then by id. */
export function compareVersions(a: { lang: Lang; id: string }, b: { lang: Lang; id: string }): number {
  return LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang) || compareStrings(a.id, b.id);
}
