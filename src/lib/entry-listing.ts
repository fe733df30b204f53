import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ENTRY_EXTENSION } from '../config/archive-paths.ts';
import { entryDigest } from './archive-entries.ts';
import { compareStrings } from './sort.ts';

/** The entries below an articles folder, as a pass saw them. */
export interface EntryListing {
  /** Each entry's id (`fr/slug`) and digest (entryDigest), in id order. */
  entries: [id: string, digest: string][];
  /** Each folder below the articles folder (`''` is the folder itself, `/`-separated), with its change time. */
  folders: [folder: string, ctimeMs: number][];
}

/** A listing, and whether it is the last one as it was: no folder changed, none added or gone. */
export interface NewListing extends EntryListing {
  unchanged: boolean;
}

/** What the last pass listed, and when it started, on the file system's clock. */
export interface LastListing extends EntryListing {
  startedMs: number;
}

const parentOf = (child: string): string => child.slice(0, Math.max(0, child.lastIndexOf('/')));

/**
 * The entries below `articlesDir` with their digests, the same list as `entryIds` and
 * `entryDigest` give, without listing or stat'ing the entries of a folder unchanged since
 * `last` was made. The ingest writes an entry through a new file renamed over the old one and
 * never rewrites an unchanged one, so every entry added, replaced or removed moves its
 * folder's change time (which cannot be set back by hand); a folder whose change time is the
 * one `last` recorded, from before `last`'s pass started, holds the entries `last` listed
 * there, with the same digests. 100,000 entries cost 2-6 s to list and stat on a busy machine;
 * this costs a stat per folder. A file rewritten in place moves no folder: a pass does not see
 * it (as the site folder's record does not, src/build/site-output.ts).
 */
export function listEntries(articlesDir: string, last: LastListing | undefined): NewListing {
  const lastFolders = new Map(last?.folders ?? []);
  const lastEntries = new Map<string, [string, string][]>();
  for (const entry of last?.entries ?? []) {
    const folder = parentOf(entry[0]);
    const entries = lastEntries.get(folder);
    if (entries) entries.push(entry);
    else lastEntries.set(folder, [entry]);
  }
  const lastChildren = new Map<string, string[]>();
  for (const folder of lastFolders.keys()) {
    if (folder === '') continue;
    const siblings = lastChildren.get(parentOf(folder));
    if (siblings) siblings.push(folder);
    else lastChildren.set(parentOf(folder), [folder]);
  }

  const entries: [string, string][] = [];
  const folders: [string, number][] = [];
  let listed = false;
  const walk = (folder: string): void => {
    const full = folder === '' ? articlesDir : path.join(articlesDir, folder);
    const stats = statSync(full, { throwIfNoEntry: false });
    if (!stats?.isDirectory()) return;
    folders.push([folder, stats.ctimeMs]);
    if (last !== undefined && lastFolders.get(folder) === stats.ctimeMs && stats.ctimeMs < last.startedMs) {
      for (const entry of lastEntries.get(folder) ?? []) entries.push(entry);
      for (const child of lastChildren.get(folder) ?? []) walk(child);
      return;
    }
    listed = true;
    for (const dirent of readdirSync(full, { withFileTypes: true })) {
      const child = folder === '' ? dirent.name : `${folder}/${dirent.name}`;
      if (dirent.isDirectory()) walk(child);
      else if (dirent.name.endsWith(ENTRY_EXTENSION)) entries.push([child.slice(0, -ENTRY_EXTENSION.length), entryDigest(path.join(full, dirent.name))]);
    }
  };
  walk('');
  if (last !== undefined && !listed && folders.length === last.folders.length) return { entries: last.entries, folders: last.folders, unchanged: true };
  // Folders are walked in the order the file system lists them.
  if (entries.some((entry, i) => i > 0 && compareStrings((entries[i - 1] as [string, string])[0], entry[0]) > 0)) entries.sort((a, b) => compareStrings(a[0], b[0]));
  return { entries, folders, unchanged: false };
}
