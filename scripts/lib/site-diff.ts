/**
 * What a sync of one built site over another must upload and delete: the two folders' files
 * compared by SHA-256 of their bytes. Deterministic output is what makes this small after an
 * update: a file the update does not touch has the same bytes, whatever wrote it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file below `dir` (relative, `/`-separated) with its size and SHA-256; `skip` names top-level entries to leave out. */
export function digests(dir: string, skip: ReadonlySet<string> = new Set()): Map<string, { size: number; sha256: string }> {
  const files = new Map<string, { size: number; sha256: string }>();
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (prefix === '' && skip.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const bytes = readFileSync(full);
        files.set(`${prefix}${entry.name}`, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
      }
    }
  };
  walk(dir, '');
  return files;
}

export interface SiteDiff {
  /** In the new site only: uploaded. */
  added: string[];
  /** In both, other bytes: uploaded. */
  changed: string[];
  /** In the old site only: deleted. */
  removed: string[];
  unchanged: number;
  /** Bytes a sync uploads (added and changed files). */
  uploadBytes: number;
  /** Files and bytes of the new site. */
  files: number;
  bytes: number;
}

/** Compares an old and a new site (or any two folders), file by file, by content. */
export function diffSites(oldDir: string, newDir: string, skip: ReadonlySet<string> = new Set()): SiteDiff {
  const before = digests(oldDir, skip);
  const after = digests(newDir, skip);
  const diff: SiteDiff = { added: [], changed: [], removed: [], unchanged: 0, uploadBytes: 0, files: after.size, bytes: 0 };
  for (const [file, now] of after) {
    diff.bytes += now.size;
    const then = before.get(file);
    if (then?.sha256 === now.sha256) diff.unchanged++;
    else {
      (then ? diff.changed : diff.added).push(file);
      diff.uploadBytes += now.size;
    }
  }
  for (const file of before.keys()) if (!after.has(file)) diff.removed.push(file);
  for (const list of [diff.added, diff.changed, diff.removed]) list.sort();
  return diff;
}

const MIB = 2 ** 20;

/** One line for people: what a sync of `diff` does. */
export function formatSiteDiff(diff: SiteDiff): string {
  const upload = diff.added.length + diff.changed.length;
  return (
    `${diff.files} files (${(diff.bytes / MIB).toFixed(1)} MiB): ${upload} to upload (${diff.added.length} new, ${diff.changed.length} changed; ` +
    `${(diff.uploadBytes / MIB).toFixed(1)} MiB), ${diff.removed.length} to delete, ${diff.unchanged} unchanged`
  );
}
