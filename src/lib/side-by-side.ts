import type { BodyBlock, Lang } from '../schemas/article.ts';
import { compareStrings } from './sort.ts';
import { compareVersions, groupTranslations } from './translations.ts';

/**
 * The originals that have two or more language versions (same translationKey), each group's
 * versions in LANGS order, groups by key. Only these get a side-by-side page, so the number of
 * such pages follows the number of groups, and an original in one language gets none.
 */
export function translationGroups<T extends { translationKey: string; lang: Lang; id: string }>(articles: Iterable<T>): [string, T[]][] {
  return [...groupTranslations(articles)]
    .filter(([, versions]) => versions.length >= 2)
    .map(([key, versions]): [string, T[]] => [key, [...versions].sort(compareVersions)])
    .sort(([a], [b]) => compareStrings(a, b));
}

/**
 * The versions' blocks, row by row, when every version has as many blocks as the others: the
 * only case where block n of one can be set beside block n of another without guessing.
 * Otherwise undefined, and the page shows each version whole, unaligned, and says so.
 */
export function alignedRows(bodies: readonly (readonly BodyBlock[])[]): BodyBlock[][] | undefined {
  const length = bodies[0]?.length ?? 0;
  if (bodies.length < 2 || bodies.some((body) => body.length !== length)) return undefined;
  return Array.from({ length }, (_, i) => bodies.map((body) => body[i] as BodyBlock));
}
