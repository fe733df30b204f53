import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { readArticle, toRecord } from './article-record.ts';
import { listEntries, type LastListing } from './entry-listing.ts';
import { leaveRecords, readRecords, readRecordsDigest, RECORDS_DIGEST_FILE, recordsDigest, shardOf, writeRecordShards } from './record-store.ts';

/**
 * The shape of a stored record (articleRecordSchema), part of every record's digest: the record
 * store outlives the code that wrote it, so a record of another shape is read again from its
 * entry instead of being trusted.
 */
export const RECORD_FORMAT = 3;

/** The loader's last listing of the entries (listEntries), and the file whose time marks a pass's start. */
const LISTING_FILE = 'listing.json';
const START_FILE = 'listing-start';

/**
 * Loads the ingest's entry files as article records (src/lib/article-record.ts) into the
 * record store (src/lib/record-store.ts), which the pages read through archiveIndex(). Astro's
 * own store is left empty of articles: Astro would serialise all of it again whenever one
 * entry changed. Each record's digest is the record's format and its file's size and
 * modification time (entryDigest): the ingest replaces a changed entry by a rename and never
 * rewrites an unchanged one, so a build after adding a few files reads and validates only
 * those and rewrites only their shards, and the digest tells the article page's cache key when
 * its entry changed. The entries are listed as the data and search stages list them
 * (listEntries): a folder of `articles/` unchanged since the last pass (its change time, which
 * every rename into it moves) is neither listed nor are its entries stat'ed. Every entry read
 * is validated whole; an invalid one fails the build and names its file.
 */
export function articleRecords(articlesDir: string, storeDir: string): Loader {
  return {
    name: 'article-records',
    load: async ({ store, logger }) => {
      // Articles a store of an older layout held: Astro would write them out on every sync.
      if (store.keys().length > 0) store.clear();
      const records = readRecords(storeDir);
      mkdirSync(storeDir, { recursive: true });
      const listingFile = path.join(storeDir, LISTING_FILE);
      writeFileSync(path.join(storeDir, START_FILE), '');
      const startedMs = statSync(path.join(storeDir, START_FILE)).mtimeMs;
      const { entries, folders } = listEntries(articlesDir, readListing(listingFile));
      const seen = new Set<string>();
      const changed = new Set<string>();
      let read = 0;
      // Whether a record was added, removed or changed: an entry whose body alone changed keeps its record.
      let recordsChanged = false;
      for (const [id, entryDigest] of entries) {
        seen.add(id);
        const digest = `${RECORD_FORMAT}:${entryDigest}`;
        const last = records.get(id);
        if (last?.digest === digest) continue;
        const record = toRecord(readArticle(articlesDir, id));
        if (!recordsChanged && (last === undefined || JSON.stringify(last.record) !== JSON.stringify(record))) recordsChanged = true;
        records.set(id, { digest, record });
        changed.add(shardOf(id));
        read++;
      }
      let removed = 0;
      for (const id of records.keys()) {
        if (seen.has(id)) continue;
        records.delete(id);
        changed.add(shardOf(id));
        removed++;
      }
      const digestFile = path.join(storeDir, RECORDS_DIGEST_FILE);
      let digest = removed === 0 && !recordsChanged ? readRecordsDigest(storeDir) : undefined;
      // Forgotten before the shards change a record, so a killed pass leaves no digest of other records.
      if (digest === undefined) rmSync(digestFile, { force: true });
      writeRecordShards(storeDir, records, changed);
      if (digest === undefined) {
        digest = recordsDigest(records);
        writeFileSync(`${digestFile}.tmp`, digest);
        renameSync(`${digestFile}.tmp`, digestFile);
      }
      // After the shards: a pass killed before this line leaves the last listing, whose folders
      // that changed since are listed again.
      writeFileSync(`${listingFile}.tmp`, JSON.stringify({ entries, folders, startedMs } satisfies LastListing));
      renameSync(`${listingFile}.tmp`, listingFile);
      leaveRecords(storeDir, records, digest);
      const count = entries.length;
      logger.info(`${count} entries: ${read} read, ${removed} removed, ${count - read} unchanged`);
    },
  };
}

function readListing(file: string): LastListing | undefined {
  try {
    const listing = JSON.parse(readFileSync(file, 'utf8')) as Partial<LastListing>;
    return Array.isArray(listing.entries) && Array.isArray(listing.folders) && typeof listing.startedMs === 'number' ? (listing as LastListing) : undefined;
  } catch {
    // No listing yet, or a damaged one: every folder is listed.
    return undefined;
  }
}
