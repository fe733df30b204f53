import { bareDomain, PUBLISHERS, publisherDomain, publisherName } from './publishers.ts';
import { splitDatedLine, type PrintedDate } from './printed-date.ts';

const KNOWN_NAMES = new Set(Object.values(PUBLISHERS).map((name) => name.toLowerCase()));

/** The line under the headline: the publisher's name, its date, or both. */
export interface PublisherLine {
  name?: string;
  date?: PrintedDate;
  /** An unrendered template token printed where the date should be (`DNUM_CEZADZCACF`). */
  placeholder?: string;
}

/**
 * An unrendered template variable: an upper-case token with an underscore (`DNUM_CEZADZCACF`),
 * printed by a page whose template failed, usually where its date should be.
 */
export const PLACEHOLDER = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*_[A-Z0-9_]{3,}(?![\p{L}\p{N}])/u;
/** A placeholder with only a time beside it: the whole line is template leftover. */
export const PLACEHOLDER_LINE = /^(?:\d{1,2}:\d{2}\s*)?[A-Z][A-Z0-9]*_[A-Z0-9_]{3,}(?:\s*\d{1,2}:\d{2})?$/u;

/** Longest publisher or date line: a name, a date, a time and an "updated" stamp; longer lines are text (and are not scanned). */
const PUBLISHER_LINE_MAX = 200;

/** Letters only Vietnamese writes (ă â đ ê ô ơ ư and the tone marks). */
const VIETNAMESE_LETTER = /[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]/u;

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

/** A name as a publisher line prints it: doubled (logo text + name), known, or short like a name; not a sentence. */
function printedName(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed.length < 2 || trimmed.length > 80 || /\p{N}/u.test(trimmed) || /[.!?;:,»«"]$/.test(trimmed)) return undefined;
  const name = undouble(trimmed);
  if (!/^\p{Lu}/u.test(name)) return undefined;
  // Publishers' names stay untranslated: Vietnamese letters mark a name, not a sentence.
  const known = KNOWN_NAMES.has(name.toLowerCase()) || VIETNAMESE_LETTER.test(name);
  if (name === trimmed && !known && name.split(/\s+/).length > 4) return undefined;
  return name;
}

/**
 * Reads a publisher line: a name (usually twice: logo text and name) with the date glued on,
 * in any of the ways pages print a date, maybe with a time or an "updated" stamp after it;
 * or the name with an unrendered placeholder where the date should be; or the name written
 * twice and nothing else. A sentence that happens to end in a date is not one.
 */
export function parsePublisherLine(line: string): PublisherLine | undefined {
  if (line.length > PUBLISHER_LINE_MAX) return undefined;
  const dated = splitDatedLine(line);
  if (dated) {
    const name = printedName(dated.before);
    return name ? { name, date: dated.date } : undefined;
  }
  const placeholder = PLACEHOLDER.exec(line);
  if (placeholder) {
    const rest = line.slice(placeholder.index + placeholder[0].length);
    const name = printedName(line.slice(0, placeholder.index).replace(/\s*\d{1,2}:\d{2}\s*$/, ''));
    return name && /^\s*(?:\d{1,2}:\d{2})?\s*$/.test(rest) ? { name, placeholder: placeholder[0] } : undefined;
  }
  // A name alone counts only when doubled: one short line alone may be anything.
  const name = printedName(line);
  return name && name !== line.trim() ? { name } : undefined;
}

/** A line that is only a printed date (a time or an "updated" stamp allowed): the date line of a page without a name beside it. */
export function parseDateLine(line: string): PrintedDate | undefined {
  if (line.length > PUBLISHER_LINE_MAX) return undefined;
  const dated = splitDatedLine(line);
  return dated && dated.before.trim() === '' ? dated.date : undefined;
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
