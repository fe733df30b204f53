/** Longest derived title, in characters, before it is cut at a word boundary. */
export const DERIVED_TITLE_MAX = 110;

/**
 * A lead may open with a dateline naming the publisher, machine translated ("Κιντεντόθι - ",
 * "NLD - ", "(Chinhphu.vn) - "): a few words, then a dash, then the sentence.
 */
const DATELINE_PREFIX = /^\(?[\p{L}\p{N}.&'’ ]{2,30}?\)?\s[-–—]\s(?=[\p{Lu}\p{N}«"“])/u;

export function stripDatelinePrefix(lead: string): string {
  const match = DATELINE_PREFIX.exec(lead);
  if (!match || match[0].trim().split(/\s+/).length > 5) return lead;
  return lead.slice(match[0].length);
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['m', 'mme', 'mm', 'dr', 'st', 'n', 'no', 'art', 'αρ', 'κ', 'г', 'гг', 'т', 'им', 'ул', 'св', 'tp']);

/** The first sentence of a paragraph (or all of it, when it has no sentence end). */
export function firstSentence(text: string): string {
  const end = /[.!?…](?=\s+[\p{Lu}«"“„(\p{N}])/gu;
  let match: RegExpExecArray | null;
  while ((match = end.exec(text)) !== null) {
    const before = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, match.index - 12), match.index))?.[1] ?? '';
    if (match[0] === '.' && (before.length === 1 || ABBREVIATIONS.has(before.toLowerCase()))) continue;
    return text.slice(0, match.index + 1);
  }
  return text;
}

/** Cuts at the last word boundary within `max` characters and marks the cut with "…". */
export function shorten(text: string, max = DERIVED_TITLE_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const base = (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '');
  return `${base}…`;
}

/** A title made from the lead: its first sentence without a dateline prefix, shortened. */
export function deriveTitle(lead: string): string {
  const sentence = firstSentence(stripDatelinePrefix(lead).trim()).trim();
  const withoutStop = sentence.replace(/[.]$/u, '');
  return shorten(withoutStop);
}
