import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byString } from '../lib/sort.ts';
import { asDuplicate, dedupeRow, duplicateVerdicts } from './dedupe.ts';
import type { FileOutcome } from './outcome.ts';
import { ingestFile } from './pipeline.ts';

const bytes = readFileSync('content/raw/003_736dc36327812824.txt');
const text = bytes.toString('utf8');

/** The outcomes in path order, each duplicate marked as a run marks it. */
function markDuplicates<A extends FileOutcome['article']>(outcomes: readonly FileOutcome<NonNullable<A>>[]): FileOutcome<NonNullable<A>>[] {
  const sorted = [...outcomes].sort(byString((outcome) => outcome.file));
  const verdicts = duplicateVerdicts(sorted.map(dedupeRow));
  return sorted.map((outcome, index) => {
    const verdict = verdicts[index];
    return verdict ? asDuplicate(outcome, verdict) : outcome;
  });
}

describe('duplicateVerdicts', () => {
  it('keeps one of the same bytes under two names: the path that sorts first', () => {
    const outcomes = markDuplicates([ingestFile(bytes, 'b/copy.txt', []), ingestFile(bytes, 'a/003.txt', [])]);
    expect(outcomes.map((outcome) => [outcome.file, outcome.status])).toEqual([
      ['a/003.txt', 'kept'],
      ['b/copy.txt', 'duplicate'],
    ]);
    expect(outcomes[1]?.reason).toBe('duplicate: the same bytes as a/003.txt');
    expect(outcomes[1]?.duplicateOf).toBe('a/003.txt');
    expect(outcomes[1]).not.toHaveProperty('article');
  });

  it('treats the same source URL in the same language as a duplicate', () => {
    const edited = Buffer.from(text.replace('Comme les Gens', 'Thanh Ha'));
    const outcomes = markDuplicates([ingestFile(edited, 'z.txt', []), ingestFile(bytes, 'y.txt', [])]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['kept', 'duplicate']);
    expect(outcomes[1]?.reason).toMatch(/^duplicate: y\.txt is the same article \(https:\/\/nhandan\.vn\/.*\) in the same language$/);
    expect(outcomes[1]?.duplicateOf).toBe('y.txt');
  });

  it('keeps translations of one original, tied by translationKey', () => {
    const russian = readFileSync('content/raw/002_71d977bec0ddab80.txt', 'utf8').replace(/Источник: \S+/, `Источник: ${/Source : (\S+)/.exec(text)?.[1]}`);
    const outcomes = markDuplicates([ingestFile(bytes, 'fr.txt', []), ingestFile(Buffer.from(russian), 'ru.txt', [])]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['kept', 'kept']);
    expect(outcomes[0]?.article?.translationKey).toBe(outcomes[1]?.article?.translationKey);
    expect(outcomes[0]?.article?.id).not.toBe(outcomes[1]?.article?.id);
  });

  it('leaves skipped files as they are', () => {
    const outcomes = markDuplicates([ingestFile(Buffer.alloc(0), 'a.txt', []), ingestFile(Buffer.alloc(0), 'b.txt', [])]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['skipped', 'skipped']);
  });
});
