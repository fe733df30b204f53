import type { ArticleHeader, FileOutcome } from './outcome.ts';
import { byString } from '../lib/sort.ts';

/**
 * Marks duplicates among kept files, in path order so the choice never depends on the
 * order files were read: the same bytes under two names, or the same original (source URL)
 * in the same language. The file whose path sorts first is kept: a stable rule, so the
 * archive does not flip between copies from one run to the next. The same source URL in
 * different languages is not a duplicate: those are translations, tied by translationKey.
 */
export function markDuplicates<A extends ArticleHeader>(results: readonly FileOutcome<A>[]): FileOutcome<A>[] {
  const sorted = [...results].sort(byString((outcome) => outcome.file));
  const bySha = new Map<string, string>();
  const byId = new Map<string, string>();
  return sorted.map((result): FileOutcome<A> => {
    if (result.status !== 'kept' || !result.article) return result;
    const sameBytes = bySha.get(result.sha256);
    if (sameBytes !== undefined) {
      const { article: _dropped, ...rest } = result;
      return { ...rest, status: 'duplicate', reason: `duplicate: the same bytes as ${sameBytes}`, duplicateOf: sameBytes };
    }
    bySha.set(result.sha256, result.file);
    const sameOriginal = byId.get(result.article.id);
    if (sameOriginal !== undefined) {
      const { article: _dropped, ...rest } = result;
      const url = result.article.sourceUrl ?? 'the same source';
      return { ...rest, status: 'duplicate', reason: `duplicate: ${sameOriginal} is the same article (${url}) in the same language`, duplicateOf: sameOriginal };
    }
    byId.set(result.article.id, result.file);
    return result;
  });
}
