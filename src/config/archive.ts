/**
 * Where generated data lives. Every stage (ingest, Astro, Pagefind, tests, bench) reads the
 * same variables, so a test or benchmark can build a whole archive in its own folders without
 * touching the one a user is looking at.
 */
import path from 'node:path';
import { archivePaths } from './archive-paths.ts';

const root = process.cwd();

/** The ingest's output: entries, raw copies and the report. */
export const archiveDir = path.resolve(root, process.env.ARCHIVE_DIR ?? 'content/archive');
export const articlesDir = path.join(archiveDir, archivePaths.articles);
export const rawCopiesDir = path.join(archiveDir, archivePaths.raw);
export const defaultReportPath = path.join(archiveDir, archivePaths.report);
/** The article records of Astro's content sync (src/lib/record-store.ts). */
export const articleRecordsDir = path.join(archiveDir, archivePaths.articleRecords);
/** The listing routes' pages at the last build (src/lib/listing-pages.ts). */
export const listingPagesDir = path.join(archiveDir, archivePaths.listingPages);
/** Each route's paths and keys at the last build (src/lib/route-table.ts). */
export const routeTablesDir = path.join(archiveDir, archivePaths.routeTables);

/** The built site. */
export const distDir = path.resolve(root, process.env.DIST_DIR ?? 'dist');

/** The raw corpus shipped with the repo, read when no `--input` is given. */
export const sampleInputDir = path.resolve(root, 'content/raw');
