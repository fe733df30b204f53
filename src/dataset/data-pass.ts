import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { readArticle } from '../lib/article-record.ts';
import { entryDigest, entryFile, entryIds } from '../lib/archive-entries.ts';
import { cacheKey } from '../lib/cache-key.ts';
import { chunk } from '../lib/paginate.ts';
import { routes } from '../lib/urls.ts';
import { archiveWork } from '../cite/archive-work.ts';
import { CITATION_FORMATS } from '../cite/formats.ts';
import { csvHeader, csvRow } from './csv.ts';
import { articleJsonSchema } from './schema.ts';

/**
 * The dump is written as gzip members of a few dozen entries each, cut at content-defined
 * boundaries of the id order (as listing pages are): gzip readers (gunzip, zcat, Python,
 * pandas, Node, R, Java) read concatenated members as one stream. Each member starts its
 * compression afresh, which costs 3.9% of the dump's size at ~50 entries a member (943 KB
 * against 908 KB as one stream, 1,000 input files). In return a build recompresses only the
 * members whose entries changed, and reads, validates and serialises only those entries.
 */
const MEMBER_SIZES = { min: 16, max: 256, oneIn: 32 };

/** What one member of entries gives: its gzip bytes, its CSV rows, and each entry's citation files. */
interface Member {
  gzip: Buffer;
  csv: string;
  /** Per entry, in order: its id and its files' texts, one per CITATION_FORMATS. */
  citations: [string, string[]][];
}

function makeMember(articlesDir: string, ids: readonly string[], absolute: (sitePath: string) => string): Member {
  let lines = '';
  let csv = '';
  const citations: [string, string[]][] = [];
  for (const id of ids) {
    const article = readArticle(articlesDir, id);
    lines += `${JSON.stringify(article)}\n`;
    csv += csvRow(article);
    const work = [archiveWork(article, absolute)];
    citations.push([id, CITATION_FORMATS.map((format) => format.serialize(work))]);
  }
  // Level 9 and zlib's own header (no file name, mtime 0): the same entries give the same bytes.
  return { gzip: gzipSync(lines, { level: constants.Z_BEST_COMPRESSION }), csv, citations };
}

/** What a member's JSON file in the cache holds beside its gzip bytes. */
const memberRestSchema = z.object({
  csv: z.string(),
  citations: z.array(z.tuple([z.string(), z.array(z.string()).length(CITATION_FORMATS.length)])),
});

/** A member from the cache, or none when it is missing or not what this code writes: a cache is made again, never trusted. */
function cachedMember(gzFile: string, restFile: string): Member | undefined {
  if (!statSync(gzFile, { throwIfNoEntry: false }) || !statSync(restFile, { throwIfNoEntry: false })) return undefined;
  let rest: unknown;
  try {
    rest = JSON.parse(readFileSync(restFile, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = memberRestSchema.safeParse(rest);
  return parsed.success ? { gzip: readFileSync(gzFile), ...parsed.data } : undefined;
}

export interface DataPassOptions {
  articlesDir: string;
  /** The built site's folder. */
  out: string;
  /** Where members are kept between builds; a missing or emptied folder means a clean pass. */
  cacheDir: string;
  absolute: (sitePath: string) => string;
  /** Everything besides the entries that the output depends on: the code's hash, site, base, access date. */
  codeKey: string;
  /** Told after each member how far the pass is (`members` done of `total`), for a progress line. */
  onProgress?: (progress: DataPassProgress) => void;
}

/** Where a pass is: the members done of all, and what the result counts so far. */
export interface DataPassProgress {
  done: number;
  total: number;
  rebuilt: number;
  written: number;
}

export interface DataPassResult {
  entries: number;
  members: number;
  /** Members rebuilt from their entry files; the others came from the cache. */
  rebuilt: number;
  /** Citation files written; the others were already in the site folder as this pass makes them. */
  written: number;
}

/** The extensions of an article's citation files, longest first, so `.csl.json` is not read as `.json`. */
const CITATION_EXTENSIONS = CITATION_FORMATS.map((format) => `.${format.extension}`).sort((a, b) => b.length - a.length);

/**
 * Whether `file` (relative to the site folder, `/`-separated) is a citation file of an entry
 * `articlesDir` still holds: the files the pass below may leave in place rather than write.
 * `exists` as for `isPublishedRawCopy`.
 */
export function isCitationFileOfEntry(articlesDir: string, file: string, exists: (file: string) => boolean = existsSync): boolean {
  const prefix = routes.articleCitations('');
  if (!file.startsWith(prefix)) return false;
  const extension = CITATION_EXTENSIONS.find((ext) => file.endsWith(ext));
  return extension !== undefined && exists(entryFile(articlesDir, file.slice(prefix.length, -extension.length)));
}

/**
 * Writes what researchers take away: the dump (`articles.jsonl.gz`, every entry whole, one a
 * line, in id order), its JSON Schema, the metadata CSV, and the BibTeX, RIS and CSL-JSON
 * files of every article beside its page. A member is taken from the cache when its key (its
 * entries' ids and file digests, and `codeKey`) is unchanged, so the output is byte for byte
 * a clean pass's: what is saved is reading, validating and serialising unchanged entries, and
 * compressing them again. A member from the cache was made by the last pass, which wrote its
 * citation files; the build keeps the site folder only as that pass left it
 * (src/build/site-output.ts), so those files are written only where missing or of another
 * size (29,000 writes at 10,000 articles, 10 s of an update otherwise). A rebuilt member's
 * files are compared with what is there and written only where they differ: one changed entry
 * rebuilds the few dozen of its member.
 */
export function writeArchiveData(options: DataPassOptions): DataPassResult {
  const { articlesDir, out, cacheDir, absolute, codeKey, onProgress } = options;
  mkdirSync(cacheDir, { recursive: true });
  const ids = entryIds(articlesDir);
  const groups = chunk(ids, (id) => id, MEMBER_SIZES);
  const used = new Set<string>();
  const gzips: Buffer[] = [];
  let csv = csvHeader();
  let rebuilt = 0;
  let written = 0;
  const folders = new Set<string>();
  onProgress?.({ done: 0, total: groups.length, rebuilt, written });
  for (const [index, group] of groups.entries()) {
    const key = cacheKey(codeKey, group.map((id) => [id, entryDigest(entryFile(articlesDir, id))]));
    const gzFile = path.join(cacheDir, `${key}.gz`);
    const restFile = path.join(cacheDir, `${key}.json`);
    used.add(`${key}.gz`).add(`${key}.json`);
    let member = cachedMember(gzFile, restFile);
    const cached = member !== undefined;
    if (!member) {
      member = makeMember(articlesDir, group, absolute);
      writeFileSync(gzFile, member.gzip);
      writeFileSync(restFile, JSON.stringify({ csv: member.csv, citations: member.citations }));
      rebuilt++;
    }
    gzips.push(member.gzip);
    csv += member.csv;
    for (const [id, texts] of member.citations) {
      const base = path.join(out, routes.articleCitations(id));
      const folder = path.dirname(base);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      CITATION_FORMATS.forEach((format, i) => {
        const file = `${base}.${format.extension}`;
        const text = texts[i] as string;
        // A rebuilt member's entries are mostly unchanged: what is there already stays.
        if (statSync(file, { throwIfNoEntry: false })?.size === Buffer.byteLength(text) && (cached || readFileSync(file, 'utf8') === text)) return;
        writeFileSync(file, text);
        written++;
      });
    }
    onProgress?.({ done: index + 1, total: groups.length, rebuilt, written });
  }
  // Members no build uses any more: the cache holds this build's and nothing else.
  for (const name of readdirSync(cacheDir)) if (!used.has(name)) rmSync(path.join(cacheDir, name), { force: true });
  mkdirSync(path.join(out, path.dirname(routes.dataDump())), { recursive: true });
  // An empty archive still publishes a valid (empty) gzip file.
  writeFileSync(path.join(out, routes.dataDump()), gzips.length > 0 ? Buffer.concat(gzips) : gzipSync('', { level: constants.Z_BEST_COMPRESSION }));
  writeFileSync(path.join(out, routes.dataCsv()), csv);
  writeFileSync(path.join(out, routes.dataSchema()), articleJsonSchema());
  return { entries: ids.length, members: groups.length, rebuilt, written };
}
