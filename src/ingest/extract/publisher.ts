import { bareDomain, PUBLISHERS, publisherDomain, publisherName } from './publishers.ts';

const KNOWN_NAMES = new Set(Object.values(PUBLISHERS).map((name) => name.toLowerCase()));

export interface PublisherLine {
  name: string;
  /** The date as printed, `dd/mm/yyyy`. */
  printed: string;
  day: number;
  month: number;
  year: number;
}

/** `NameName26/01/2025`: the name (logo text + name, so usually twice) with the date glued on. */
const PUBLISHER_LINE = /^(\D{2,80}?)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2})?$/u;

/** `XX` or `X X` -> `X`; anything else as it is. */
export function undouble(name: string): string {
  const trimmed = name.trim();
  for (const gap of [0, 1]) {
    if ((trimmed.length - gap) % 2 !== 0) continue;
    const half = (trimmed.length - gap) / 2;
    const first = trimmed.slice(0, half);
    if (gap === 1 && trimmed[half] !== ' ') continue;
    if (first === trimmed.slice(half + gap)) return first.trim();
  }
  return trimmed;
}

/** Reads a publisher line; a sentence that happens to end in a date is not one. */
export function parsePublisherLine(line: string): PublisherLine | undefined {
  const match = PUBLISHER_LINE.exec(line);
  if (!match) return undefined;
  const [, rawName = '', day = '', month = '', year = ''] = match;
  if (/[.!?;:,»«"]\s*$/.test(rawName)) return undefined;
  const name = undouble(rawName);
  if (!/^\p{Lu}/u.test(name)) return undefined;
  // Doubled (logo text + name) or a known publisher, or at least short like a name: not a sentence.
  const known = KNOWN_NAMES.has(name.toLowerCase());
  if (name === rawName.trim() && !known && name.split(/\s+/).length > 4) return undefined;
  return { name, printed: `${day.padStart(2, '0')}/${month.padStart(2, '0')}/${year}`, day: Number(day), month: Number(month), year: Number(year) };
}

/**
 * The publisher: the name the file prints (NFC), else the known name for the source URL's
 * domain, else the bare domain. Without a source URL, a known publisher's name still gives its
 * domain, so its files join the same publisher page as those with a URL.
 */
export function resolvePublisher(lineName: string | undefined, sourceUrl: string | undefined): { name: string; domain?: string } | undefined {
  const printed = lineName?.normalize('NFC');
  const domain = sourceUrl ? bareDomain(new URL(sourceUrl).hostname) : printed !== undefined ? publisherDomain(printed) : undefined;
  const name = printed ?? (domain ? (publisherName(domain) ?? domain) : undefined);
  if (!name) return undefined;
  return domain ? { name, domain } : { name };
}
