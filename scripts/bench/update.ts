/**
 * The bench's update: what an archive gains in a month, made in the folder the archive was
 * built from, as an archivist's scraper adds to its own folder. The folder is a copy of the
 * corpus (hard links, so it costs no disk); the update adds 1 % new files dated after the
 * archive and changes and removes 0.1 % of its files, chosen evenly through the sorted names
 * so the same corpus gives the same update.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../corpus/corpus.ts';

export const UPDATE_SHARES = { added: 0.01, changed: 0.001, removed: 0.001 } as const;
/** The year new files are dated in: after every generated story (2023-2025). */
export const UPDATE_YEAR = 2026;

/** `count` indexes spread evenly over `length`, starting at `offset` of a stride. */
export function evenly(length: number, count: number, offset: number): number[] {
  if (count <= 0 || length === 0) return [];
  const stride = length / count;
  return Array.from({ length: Math.min(count, length) }, (_, i) => Math.floor(i * stride + offset * stride) % length);
}

/**
 * A changed body: the first paragraph after the title gains a copy of its first sentence.
 * Only for UTF-8 text; other files (the generator's legacy encodings) are left alone.
 */
export function changeText(bytes: Buffer): Buffer | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const line = lines[1];
  if (!line || !line.trim()) return undefined;
  lines[1] = `${line} ${line.split('. ')[0]?.trim()}.`;
  return Buffer.from(lines.join('\n'));
}

export interface UpdatePlan {
  added: number;
  changed: number;
  removed: number;
}

/** Makes `outDir` (emptied first) a copy of `corpusDir`'s files, hard links to them. */
export function linkCorpus(corpusDir: string, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(corpusDir).filter((name) => name.endsWith('.txt'))) linkSync(path.join(corpusDir, name), path.join(outDir, name));
}

/** Applies the update to `dir`, a copy of the corpus made by `linkCorpus`, in place. */
export function updateCorpus(dir: string, seed: number): UpdatePlan {
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  const count = (share: number) => Math.max(1, Math.round(names.length * share));
  const removed = new Set(evenly(names.length, count(UPDATE_SHARES.removed), 0.25));
  let changed = 0;
  for (const index of evenly(names.length, count(UPDATE_SHARES.changed) * 2, 0.75)) {
    if (changed === count(UPDATE_SHARES.changed) || removed.has(index)) continue;
    const file = path.join(dir, names[index] as string);
    const next = changeText(readFileSync(file));
    if (!next) continue;
    // A hard link shares its bytes with the corpus: unlink first, so the corpus stays as it was.
    unlinkSync(file);
    writeFileSync(file, next);
    changed++;
  }
  for (const index of removed) unlinkSync(path.join(dir, names[index] as string));
  let added = 0;
  for (const file of generateCorpus({ articles: count(UPDATE_SHARES.added), seed: seed + 1, year: UPDATE_YEAR })) {
    writeFileSync(path.join(dir, `update-${file.name}`), file.bytes);
    added++;
  }
  return { added, changed, removed: removed.size };
}

/**
 * The bench's "one file changed": the body of one file in the middle of `dir` (by name) that
 * `changeText` can change, changed in place (unlinked first: it may be a hard link into the
 * corpus). Returns its name.
 */
export function changeOneFile(dir: string): string {
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  const middle = Math.floor(names.length / 2);
  for (let step = 0; step < names.length; step++) {
    const name = names[(middle + step) % names.length] as string;
    const file = path.join(dir, name);
    const next = changeText(readFileSync(file));
    if (!next) continue;
    unlinkSync(file);
    writeFileSync(file, next);
    return name;
  }
  throw new Error(`no file in ${dir} has a body that can be changed`);
}
