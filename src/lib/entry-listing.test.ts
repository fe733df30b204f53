import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterClockTick } from '../../tests/unit/support/fs-clock.ts';
import { entryDigest, entryFile, entryIds } from './archive-entries.ts';
import { listEntries, type LastListing } from './entry-listing.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes an entry as the ingest does: a new file renamed over the old one. */
function writeEntry(articlesDir: string, id: string, text: string): void {
  const file = entryFile(articlesDir, id);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** A listing as of now, a tick after the writes before (as a build's data stage starts), with the time a pass starting now would record. */
function listNow(articlesDir: string, last: LastListing | undefined): LastListing & { unchanged: boolean } {
  const root = path.dirname(articlesDir);
  afterClockTick(root);
  const clock = path.join(root, 'clock');
  writeFileSync(clock, '');
  return { ...listEntries(articlesDir, last), startedMs: statSync(clock).mtimeMs };
}

const fullListing = (articlesDir: string) => entryIds(articlesDir).map((id) => [id, entryDigest(entryFile(articlesDir, id))]);

describe('listEntries', () => {
  it('lists what entryIds and entryDigest give, reading again only the folders changed since the last listing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'entry-listing-'));
    dirs.push(root);
    const articlesDir = path.join(root, 'articles');
    for (const id of ['fr/b', 'fr/a', 'ru/c', 'el/d', 'el/deeper/e']) writeEntry(articlesDir, id, id);
    const first = listNow(articlesDir, undefined);
    expect(first.unchanged).toBe(false);
    expect(first.entries).toEqual(fullListing(articlesDir));

    const again = listNow(articlesDir, first);
    expect(again.unchanged).toBe(true);
    expect(again.entries).toEqual(first.entries);

    writeEntry(articlesDir, 'fr/a', 'fr/a changed, longer');
    writeEntry(articlesDir, 'el/deeper/f', 'new');
    rmSync(entryFile(articlesDir, 'ru/c'));
    const changed = listNow(articlesDir, again);
    expect(changed.unchanged).toBe(false);
    expect(changed.entries).toEqual(fullListing(articlesDir));

    // A file rewritten in place moves no folder: its digest is the last listing's.
    const before = changed.entries.find(([id]) => id === 'el/d');
    writeFileSync(entryFile(articlesDir, 'el/d'), 'rewritten in place');
    const inPlace = listNow(articlesDir, changed);
    expect(inPlace.unchanged).toBe(true);
    expect(inPlace.entries.find(([id]) => id === 'el/d')).toEqual(before);

    rmSync(path.join(articlesDir, 'el/deeper'), { recursive: true });
    expect(listNow(articlesDir, inPlace).entries).toEqual(fullListing(articlesDir));
  });
});
