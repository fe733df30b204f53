import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ENTRY_EXTENSION } from '../config/archive-paths.ts';
import { compareStrings } from './sort.ts';

/** The entry file of an article id (`fr/slug`) below the archive's `articles/` folder. */
export const entryFile = (articlesDir: string, id: string): string => path.join(articlesDir, `${id}${ENTRY_EXTENSION}`);

/** Entry files below `dir`, as ids (`fr/slug`), in code-point order; none when `dir` is missing. */
export function entryIds(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(ENTRY_EXTENSION))
    .map((name) => name.slice(0, -ENTRY_EXTENSION.length).split(path.sep).join('/'))
    .sort(compareStrings);
}

/**
 * An entry file's digest: its size and modification time. The ingest replaces a changed entry
 * by a rename and never rewrites an unchanged one, so an unchanged digest is an unchanged
 * entry, told without reading it. The modification time (to the nanosecond) is the time of the
 * write that made this version; what copies it along (tar, the CI cache of
 * deploy/github/, `cp -p`, `rsync -t`) copies the bytes with it. The inode is left out: a
 * restored cache gives every file a new one, and every page would then be rendered again.
 */
export function entryDigest(file: string): string {
  const stats = statSync(file);
  return `${stats.size}:${stats.mtimeMs}`;
}
