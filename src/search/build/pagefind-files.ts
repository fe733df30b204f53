/**
 * Pagefind's files as the build reads them back: each is gzip of a 12-byte signature and a
 * payload (CBOR for the page list and index chunks, JSON for fragments).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

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
