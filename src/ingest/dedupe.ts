import type { ArticleHeader, FileOutcome } from './outcome.ts';

/** What the duplicate check reads of a file: a kept one's bytes and article id. */
export interface DedupeRow {
  file: string;
  /** Of the bytes read; empty when they could not be read. */
  sha256: string;
  /** The article's id when the file was kept before the check, none otherwise. */
  id?: string;
}

/** Why a file is a duplicate: its kept twin, and whether they share their bytes or their original. */
export interface DuplicateVerdict {
  twin: string;
  sameBytes: boolean;
}

/**
 * Finds duplicates among kept files, in path order so the choice never depends on the order
 * files were read: the same bytes under two names, or the same original (the article id: its
 * source URL) in the same language. The file whose path sorts first is kept: a stable rule, so
 * the archive does not flip between copies from one run to the next. The same source URL in
 * different languages is not a duplicate: those are translations, tied by translationKey.
 * `rows` must be in path order; the verdicts are by position, none for a file not a duplicate.
 */
export function duplicateVerdicts(rows: readonly DedupeRow[]): (DuplicateVerdict | undefined)[] {
  const bySha = new Map<string, string>();
  const byId = new Map<string, string>();
  return rows.map(({ file, sha256, id }): DuplicateVerdict | undefined => {
    if (id === undefined) return undefined;
    const sameBytes = bySha.get(sha256);
    if (sameBytes !== undefined) return { twin: sameBytes, sameBytes: true };
    bySha.set(sha256, file);
    const sameOriginal = byId.get(id);
    if (sameOriginal !== undefined) return { twin: sameOriginal, sameBytes: false };
    byId.set(id, file);
    return undefined;
  });
}

/** A kept outcome turned into the duplicate its verdict says it is. */
export function asDuplicate<A extends ArticleHeader>(outcome: FileOutcome<A>, { twin, sameBytes }: DuplicateVerdict): FileOutcome<A> {
  const { article, ...rest } = outcome;
  const reason = sameBytes ? `duplicate: the same bytes as ${twin}` : `duplicate: ${twin} is the same article (${article?.sourceUrl ?? 'the same source'}) in the same language`;
  return { ...rest, status: 'duplicate', reason, duplicateOf: twin };
}

/** The duplicate check's row of an outcome. */
export const dedupeRow = (outcome: FileOutcome): DedupeRow =>
  outcome.status === 'kept' && outcome.article ? { file: outcome.file, sha256: outcome.sha256, id: outcome.article.id } : { file: outcome.file, sha256: outcome.sha256 };
