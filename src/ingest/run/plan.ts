/**
 * The decisions of a run that need no file system: what a cached result is keyed by, when a
 * whole run can be skipped, and which files the archive will hold.
 */
import path from 'node:path';
import { archivePaths } from '../../config/archive-paths.ts';
import { sha256Hex } from '../steps/entry.ts';

/** Everything a file's result depends on besides its path and bytes. */
export interface KeyContext {
  version: number;
  codeHash: string;
  taxonomyHash: string;
  maxBytes: number;
}

/** The result cache's key for one file: changes when the file, its path or anything the result depends on does. */
export function fileKey(context: KeyContext, file: string, sha256: string): string {
  return sha256Hex(`${context.version}\0${context.codeHash}\0${context.taxonomyHash}\0${context.maxBytes}\0${file}\0${sha256}`);
}

/** The key context's own hash: the last-run record keeps it, to tell whether its context was this one. */
export const contextHash = (context: KeyContext): string => sha256Hex(`${context.version}\0${context.codeHash}\0${context.taxonomyHash}\0${context.maxBytes}`);

/** A file's cache key, or why it could not be read. */
export type FileKey = { key: string; sha256: string } | { unread: string };

/** Everything a run's output depends on: the same fingerprint and untouched output mean nothing to do. */
export function runFingerprint(reportPath: string, files: readonly string[], keys: readonly FileKey[]): string {
  return sha256Hex([reportPath, ...keys.map((k, i) => `${files[i]}\0${'key' in k ? k.key : k.unread}`)].join('\0'));
}

/** Whether `child` is `parent` or below it. */
export function inside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + path.sep);
}

/** A kept article as the archive holds it. */
interface PlannedArticle {
  /** The input file, relative to the input folder. */
  file: string;
  /** Its entry, relative to the archive folder. */
  entryPath: string;
  /** Its raw copy, relative to the archive folder; `firstCopy` is false when an earlier article shares it. */
  rawPath: string;
  firstCopy: boolean;
}

/**
 * What a run writes: each kept article's entry and raw copy, and the report when it lies in the
 * archive folder (it is then the run's own file, removed like an entry when no longer written).
 * `planned` lists every path once, relative to the archive folder, for the manifest.
 */
export function planWrites(
  kept: readonly { file: string; id: string; sha256: string }[],
  outDir: string,
  reportPath: string,
): { articles: PlannedArticle[]; planned: string[] } {
  const copies = new Set<string>();
  const articles = kept.map(({ file, id, sha256 }): PlannedArticle => {
    const rawPath = archivePaths.rawCopy(sha256);
    const firstCopy = !copies.has(rawPath);
    copies.add(rawPath);
    return { file, entryPath: archivePaths.entry(id), rawPath, firstCopy };
  });
  const planned = [...new Set(articles.flatMap((article) => [article.entryPath, article.rawPath]))];
  if (inside(reportPath, outDir)) planned.push(path.relative(outDir, reportPath).split(path.sep).join('/'));
  return { articles, planned };
}

/**
 * Runs `task` for indexes 0..count-1 on `lanes` concurrent lanes, each taking the next index
 * when its last task settles: every lane stays busy while another waits on I/O or a worker.
 */
export async function inLanes(count: number, lanes: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}
