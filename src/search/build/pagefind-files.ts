/**
 * Pagefind's files as the build reads them back: each is gzip of a 12-byte signature and a
 * payload (CBOR for the page list and index chunks, JSON for fragments).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import { PAGEFIND_SIGNATURE } from '../bundles.ts';
import { UNSTEMMED } from '../terms.ts';

/** A Pagefind file's payload, its signature checked. */
export function readPagefindFile(file: string, gzipped: Buffer = readFileSync(file)): Buffer {
  const raw = gunzipSync(gzipped);
  if (raw.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE) throw new Error(`${file}: not a Pagefind file (no "${PAGEFIND_SIGNATURE}" signature)`);
  return raw.subarray(PAGEFIND_SIGNATURE.length);
}

/** A payload as Pagefind writes it. */
export function pagefindFile(payload: Uint8Array, level: number): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(PAGEFIND_SIGNATURE, 'latin1'), payload]), { level });
}

/** `zxx_` and the first hex digits of the bytes' SHA-256, as many as Pagefind's name had and more if another file took them. */
function contentName(bytes: Buffer, length: number, taken: Set<string>): string {
  const digest = createHash('sha256').update(bytes).digest('hex');
  for (let size = length; size <= digest.length; size++) {
    const name = `${UNSTEMMED}_${digest.slice(0, size)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error('two chunks of one bundle with the same bytes');
}

// The index and filter chunks are many: gzip's level 9 would take four times level 6's time for 1.5 % fewer bytes.
export const CHUNK_LEVEL = 6;

// The page list is one file every search of a bundle loads first: its smallest form is worth the time.
const PAGE_LIST_LEVEL = 9;

/** A bundle's page list (`pf_meta`), decoded, and how to write it again. */
export interface PageList {
  file: string;
  meta: unknown[];
  /** Writes `meta` as the bundle's page list, under a name made from its bytes, and names it in the bundle's entry. */
  write(): void;
}

/** Reads the page list a bundle's entry names. */
export function readPageList(bundle: string): PageList {
  const entryFile = path.join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };
  const language = entry.languages[UNSTEMMED];
  if (!language) throw new Error(`${entryFile}: no index for the language ${UNSTEMMED}`);
  const file = path.join(bundle, `pagefind.${language.hash}.pf_meta`);
  const meta = decode(readPagefindFile(file));
  if (!Array.isArray(meta)) throw new Error(`${file}: not a Pagefind page list (not a list)`);
  return {
    file,
    meta,
    write() {
      const bytes = pagefindFile(encode(meta), PAGE_LIST_LEVEL);
      const name = contentName(bytes, language.hash.length - UNSTEMMED.length - 1, new Set());
      rmSync(file);
      writeFileSync(path.join(bundle, `pagefind.${name}.pf_meta`), bytes);
      language.hash = name;
      writeFileSync(entryFile, JSON.stringify(entry));
    },
  };
}

/**
 * The files the page list names in the bundle's folder `dir` (`<name><extension>`), checked to
 * be all it holds (a folder of none may be absent: Pagefind writes no filter folder for pages
 * without filters).
 */
export function listedFiles(bundle: string, dir: string, names: readonly string[], extension: string, listFile: string): string[] {
  const folder = path.join(bundle, dir);
  const files = names.map((name) => `${name}${extension}`);
  const listed = new Set(files);
  const present = existsSync(folder) ? readdirSync(folder) : [];
  const unlisted = present.filter((file) => !listed.has(file));
  if (unlisted.length || present.length !== files.length) throw new Error(`${folder}: ${present.length} files for the ${files.length} that ${listFile} names${unlisted.length ? `, such as ${unlisted[0]}` : ''}`);
  return files.map((file) => path.join(folder, file));
}

/**
 * Writes again each chunk the page list names in the bundle's folder `dir`, as `rewrite`
 * makes it from the file and its bytes, under a name made from its new bytes; returns the new
 * names in the same order. Every chunk is read before any is written, since a new name may be
 * an old chunk's.
 */
export function rewriteChunks(bundle: string, dir: string, names: readonly string[], extension: string, listFile: string, rewrite: (file: string, bytes: Buffer) => Buffer): string[] {
  const files = listedFiles(bundle, dir, names, extension, listFile);
  const taken = new Set<string>();
  const written = files.map((file, index) => {
    const bytes = rewrite(file, readFileSync(file));
    return [contentName(bytes, names[index]!.length - UNSTEMMED.length - 1, taken), bytes] as const;
  });
  for (const file of files) rmSync(file);
  for (const [name, bytes] of written) writeFileSync(path.join(bundle, dir, `${name}${extension}`), bytes);
  return written.map(([name]) => name);
}
