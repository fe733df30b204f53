import chardet from 'chardet';
import iconv from 'iconv-lite';

interface Decoded {
  text: string;
  /** The encoding the bytes were read as, e.g. `utf-8`, `utf-16le`, `windows-1251`. */
  encoding: string;
  warnings: string[];
}

/**
 * Legacy code pages plausible for French, Russian and Greek files. They are always tried,
 * because chardet alone often ranks an East Asian multi-byte code page first for short
 * single-byte Cyrillic text.
 */
const LEGACY_CANDIDATES = ['windows-1252', 'windows-1251', 'windows-1253', 'koi8-r', 'iso-8859-7', 'iso-8859-5', 'iso-8859-15'];

/** Detection looks at this many bytes; scoring every byte of a 5 MB file adds nothing. */
const SAMPLE_BYTES = 64 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(bytes);
}

/**
 * UTF-16 without a BOM: in French, Russian or Greek text one byte of every pair is the
 * high byte of the code point, nearly always 0x00 (Latin), 0x04 (Cyrillic) or 0x03 (Greek);
 * in any 8-bit encoding those bytes are rare.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 8) return undefined;
  const high = (byte: number | undefined): boolean => byte === 0 || byte === 3 || byte === 4;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (high(bytes[i])) even++;
    if (high(bytes[i + 1])) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.9 && even < pairs * 0.3) return 'utf-16le';
  if (even > pairs * 0.9 && odd < pairs * 0.3) return 'utf-16be';
  return undefined;
}

/**
 * How much a decoding looks like real French, Russian or Greek text: the share of
 * characters that are letters of the dominant alphabet (with the accents French uses, in
 * French proportions),
 * punctuation or spaces, penalised for C1 controls and replacement characters (signs of the
 * wrong code page) and for capitals inside words (what KOI8-R read as Windows-1251 looks like).
 */
export function plausibility(text: string): number {
  let latin = 0;
  let accented = 0;
  let cyrillic = 0;
  let greek = 0;
  let neutral = 0;
  let bad = 0;
  let innerCapitals = 0;
  let previousLower = false;
  const n = Math.min(text.length, SAMPLE_BYTES);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let lower = false;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      latin++;
      lower = c >= 0x61;
    } else if ((c >= 0xe0 && c <= 0xff && c !== 0xf7) || c === 0x153 || c === 0x152 || (c >= 0xc0 && c <= 0xdf && c !== 0xd7)) {
      // French letters, mostly lower case; a run of capitals like ÐÑ is a UTF-8 misreading.
      accented++;
      lower = c >= 0xe0;
      if (!lower) bad += 0.5;
    } else if (c >= 0x410 && c <= 0x44f) {
      cyrillic++;
      lower = c >= 0x430;
    } else if (c === 0x401 || c === 0x451) {
      cyrillic++;
    } else if (c >= 0x386 && c <= 0x3ce) {
      greek++;
      lower = c >= 0x3ac;
    } else if (c <= 0x40 || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e) || c === 0xab || c === 0xbb || c === 0xa0 || (c >= 0x2010 && c <= 0x2026)) {
      neutral++;
      if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) bad++;
    } else if ((c >= 0x80 && c <= 0x9f) || c === 0xfffd) {
      bad += 3;
    } else {
      bad++;
    }
    const upper = !lower && ((c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f) || (c >= 0x391 && c <= 0x3a9));
    if (upper && previousLower) innerCapitals++;
    previousLower = lower;
  }
  if (n === 0) return 0;
  // French puts an accent on a few letters in ten; Cyrillic or Greek bytes read as Latin-1
  // letters put one on nearly all, so accented letters only count up to half the plain ones.
  const latinLetters = latin + Math.min(accented, latin / 2);
  bad += accented - Math.min(accented, latin / 2);
  const dominant = Math.max(latinLetters, cyrillic, greek);
  return (dominant + neutral - bad - innerCapitals * 2) / n;
}

function iconvName(name: string): string | undefined {
  const normalised = name.toLowerCase();
  return iconv.encodingExists(normalised) ? normalised : undefined;
}

/**
 * Bytes to text. BOM first, then strict UTF-8 (valid UTF-8 is almost never an accident), then
 * legacy code pages: chardet's candidates plus the ones plausible for our languages, each
 * decoded and scored by `plausibility`; Windows-1252 is tried as itself, never as Latin-1.
 */
export function decode(bytes: Uint8Array): Decoded {
  const warnings: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', warnings };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', warnings };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', warnings };
  }
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) {
    warnings.push(`encoding: read as ${utf16} without a byte order mark`);
    return { text: decodeUtf16(bytes, utf16 === 'utf-16le'), encoding: utf16, warnings };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8', warnings };
  } catch {
    // Not UTF-8: fall through to the legacy code pages.
  }

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // Our code pages first, so a tie (Greek in Windows-1253 and ISO-8859-7 mostly agree) goes to them.
  const names = new Set<string>(LEGACY_CANDIDATES);
  for (const match of chardet.analyse(sample)) {
    const name = iconvName(match.name);
    if (name && name !== 'iso-8859-1' && !name.startsWith('utf')) names.add(name);
  }

  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const score = plausibility(iconv.decode(Buffer.from(sample), name));
    if (!best || score > best.score) best = { name, score };
  }
  // LEGACY_CANDIDATES is never empty, so there is always a best candidate.
  const chosen = best ?? { name: 'windows-1252', score: 0 };
  warnings.push(`encoding: not UTF-8, read as ${chosen.name}`);
  return { text: iconv.decode(Buffer.from(bytes), chosen.name), encoding: chosen.name, warnings };
}
