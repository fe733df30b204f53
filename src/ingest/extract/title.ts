import { TITLE_MAX } from '../../schemas/article.ts';

/** Longest derived title, in characters, before it is cut at a word boundary. */
const DERIVED_TITLE_MAX = 110;

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
const ABBREVIATIONS = new Set(['m', 'mme', 'mm', 'dr', 'st', 'n', 'no', 'art', 'αρ', 'αριθ', 'κ', 'г', 'гг', 'т', 'им', 'ул', 'св', 'tp']);

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

/** Word boundaries in any script: spaces where it has them, dictionary breaks where it has none (Thai, Chinese). */
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The end of the last whole character (grapheme) within `max` code units. */
function characterBoundary(text: string, max: number): number {
  let end = 0;
  for (const { index, segment } of GRAPHEMES.segment(text.slice(0, max + 16))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return end;
}

/**
 * Cuts after the last whole word within `max` characters and marks the cut with "…". A first
 * word longer than `max` is kept whole (a title never ends inside a word), up to `limit`;
 * text without words (symbols, emoji) is cut between characters.
 */
export function shorten(text: string, max = DERIVED_TITLE_MAX, limit = TITLE_MAX - 1): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index, segment, isWordLike } of WORDS.segment(text)) {
    if (!isWordLike) continue;
    const after = index + segment.length;
    if (after > max && end > 0) break;
    end = after;
    if (after > max) break;
  }
  if (end === 0) end = characterBoundary(text, max);
  else if (end > limit) end = characterBoundary(text, limit);
  const base = text.slice(0, end).replace(/[\s,;:–—-]+$/u, '');
  return base.length < text.length ? `${base}…` : text;
}

/** A title made from the lead: its first sentence without a dateline prefix, shortened. */
export function deriveTitle(lead: string): string {
  const sentence = firstSentence(stripDatelinePrefix(lead).trim()).trim();
  const withoutStop = sentence.replace(/[.]$/u, '');
  return shorten(withoutStop);
}
