import type { Block } from './blocks.ts';
import { splitCredit } from '../extract/credits.ts';
import { parseDateLine, parsePublisherLine, PLACEHOLDER_LINE, type PublisherLine } from '../extract/publisher.ts';
import { parseLabelledUrl, parseSourceLine, type SourceLine } from '../extract/source-url.ts';
import { firstSentence } from '../extract/title.ts';
import { TITLE_MAX } from '../../schemas/article.ts';

export type BlockKind =
  | 'site-header'
  | 'title'
  | 'publisher'
  | 'tags'
  | 'image'
  | 'alt-text'
  | 'caption'
  | 'credit'
  | 'ad'
  | 'byline'
  | 'source'
  | 'chrome'
  | 'menu'
  | 'template'
  | 'kicker'
  | 'heading'
  | 'paragraph';

/** Kinds that carry nothing beyond their text, except a photo credit split off it. */
type TextKind = Exclude<BlockKind, 'source' | 'publisher' | 'alt-text' | 'chrome'>;

interface Located {
  /** The block's text; for captions and paragraphs, without a trailing photo credit. */
  text: string;
  line: number;
}

export type ClassifiedBlock =
  /** `wrapped`: the last line the URL ran on to, joined to it. */
  | (Located & { kind: 'source'; source: SourceLine; wrapped?: number })
  | (Located & { kind: 'publisher'; publisher: PublisherLine })
  /** Vietnamese alt text; naming the photo of the original headline, it gives that headline. */
  | (Located & { kind: 'alt-text'; originalTitle?: string })
  /** A title found under lines that are not the headline carries those lines (`above`). */
  | (Located & { kind: TextKind; credit?: string; above?: string[] })
  /**
   * Past the article's end. A block found to be chrome keeps the credit or original headline
   * it was read with: the pipeline collects those from every block.
   */
  | (Located & { kind: 'chrome'; credit?: string; originalTitle?: string });

/** The block as site chrome, keeping what the pipeline reads from every block. */
function asChrome(block: ClassifiedBlock): ClassifiedBlock {
  const credit = 'credit' in block ? block.credit : undefined;
  const originalTitle = 'originalTitle' in block ? block.originalTitle : undefined;
  return { kind: 'chrome', text: block.text, line: block.line, ...(credit !== undefined ? { credit } : {}), ...(originalTitle !== undefined ? { originalTitle } : {}) };
}

const SITE_HEADER = /^Vietnam\.vn(?:\s*[-–—|:]\s*.*)?$|^Nền tảng quảng bá Việt Nam$/iu;
const IMAGE_FILE = /^[^\s/\\<>][^/\\<>]{0,120}\.(?:jpe?g|png|gif|webp|bmp|svg|avif|tiff?)$/iu;
/** `[διαφήμιση_2]`, `[publicité_1]`: an ad slot whose word was translated. */
const AD_SLOT = /^\[[\p{L}\p{M} ]{1,40}(?:_\d{1,3})?\]$/u;
/** Vietnamese alt text: the original headline plus "- Ảnh 2." ("photo 2"). */
const ALT_TEXT = /^(.{3,300}?)\s*-\s*Ảnh\s*\d{1,3}\.?$/u;
const COUNTER = /^(?:comments?|commentaires?|комментари[йи]|σχόλι[οα]|bình luận|komentarz[ey]?|kommentar[e]?)\s*\(\d+\)$/iu;
const CHROME_LINES = new Set(
  [
    'no data', 'no videos available', 'event calendar', 'cùng chủ đề', 'cùng chuyên mục', 'cùng tác giả',
    'même catégorie', 'même auteur', 'та же категория', 'тот же автор', 'та же рубрика', 'ίδια κατηγορία',
    'ίδιος συγγραφέας', 'tin liên quan', 'xem thêm', 'đọc thêm', 'lire aussi', 'читайте также', 'διαβάστε επίσης',
    'happy vietnam', 'nouveau', 'новый', 'νέος',
  ],
);

const isChromeLine = (text: string): boolean => COUNTER.test(text) || CHROME_LINES.has(text.toLowerCase());

const VIETNAMESE_LETTERS = new Set('ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ');
/** Code points only Vietnamese uses (ă đ ơ ư and the tone-marked vowels block): a cheap first test. */
const VIETNAMESE_HINT = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;
/** Enough of a line to tell its language; alt text is short, and long lines stay cheap. */
const VIETNAMESE_SAMPLE = 400;

/** A line mostly in Vietnamese inside a translated file is untranslated alt text or site chrome. */
function isVietnamese(text: string): boolean {
  const sample = text.slice(0, VIETNAMESE_SAMPLE);
  if (!VIETNAMESE_HINT.test(sample)) return false;
  let marked = 0;
  let letters = 0;
  for (const char of sample) {
    const lower = char.toLowerCase();
    if (lower === char.toUpperCase()) continue;
    letters++;
    if (VIETNAMESE_LETTERS.has(lower)) marked++;
  }
  return marked >= 2 && marked / Math.max(1, letters) > 0.12;
}

/** Ends like a sentence (or a quotation, or an announcement of a list). */
const FINAL_PUNCTUATION = /[.!?…:;,»"”)\]]$/u;
/** Words in a line, counted up to `limit` (every caller only compares with small numbers). */
function wordCount(text: string, limit = 64): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words <= limit; i++) {
    const space = text.charCodeAt(i) === 0x20;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** A line that reads as one sentence, at most as long as a title may be. */
function titleLike(text: string): boolean {
  if (text.length > TITLE_MAX || wordCount(text) < 2) return false;
  if (firstSentence(text).length < text.trimEnd().length) return false;
  return /^[\p{Lu}\p{N}«"“]/u.test(text);
}

function headingLike(text: string): boolean {
  const words = wordCount(text);
  return text.length <= 120 && words >= 2 && words <= 16 && !FINAL_PUNCTUATION.test(text) && /^[\p{Lu}\p{N}]/u.test(text);
}

function bylineLike(text: string): boolean {
  return text.length <= 40 && wordCount(text) <= 5 && !FINAL_PUNCTUATION.test(text) && !/\p{N}/u.test(text) && /^\p{Lu}/u.test(text);
}

/** A caption reads as one or two sentences about a photo; a longer paragraph just ends with a credit. */
function captionLike(text: string): boolean {
  return text.length <= 350 && (text.match(/[.!?…](\s|$)/gu)?.length ?? 0) <= 2;
}

const DROPPED: ReadonlySet<BlockKind> = new Set(['site-header', 'publisher', 'tags', 'image', 'alt-text', 'caption', 'credit', 'ad', 'source', 'chrome', 'menu', 'template', 'kicker']);
const isContent = (block: ClassifiedBlock): boolean => block.kind === 'paragraph' || block.kind === 'heading';

/**
 * Names every block: article text (paragraph, heading, title, byline) or one of the kinds of
 * furniture the republishers wrap it in. Everything after the footer source line is site
 * chrome (related headlines, calendars, counters), never article text.
 */
export function classifyBlocks(input: readonly Block[]): ClassifiedBlock[] {
  const lines = joinWrappedUrls(input);
  const labelled = lines.map((block) => parseSourceLine(block.text));
  const loose = labelled.some((source) => source?.url !== undefined || source?.warning !== undefined) ? undefined : findLooseFooter(lines);
  const blocks = loose?.blocks ?? lines;
  const out: ClassifiedBlock[] = blocks.map((block) => ({ kind: 'paragraph', text: block.text, line: block.line }));
  const wrappedAt = new Map(blocks.flatMap((block, index) => (block.wrapped !== undefined ? [[index, block.wrapped] as const] : [])));

  let footer = -1;
  out.forEach(({ text, line }, index) => {
    const source = parseSourceLine(text);
    if (!source) return;
    if (source.url !== undefined || source.warning !== undefined) {
      const wrapped = wrappedAt.get(index);
      out[index] = { kind: 'source', text, line, source, ...(wrapped !== undefined ? { wrapped } : {}) };
      footer = index;
    } else if (source.value === '' || source.value.length <= 60) {
      // `Источник: Документ`: the label reused as a photo credit, not a source.
      out[index] = { kind: 'credit', text, line, ...(source.value ? { credit: source.value } : {}) };
    }
  });
  const looseFooter = loose && out[loose.index];
  if (loose && looseFooter) {
    const wrapped = wrappedAt.get(loose.index);
    out[loose.index] = { kind: 'source', text: looseFooter.text, line: looseFooter.line, source: loose.source, ...(wrapped !== undefined ? { wrapped } : {}) };
    footer = loose.index;
  }

  const headEnd = headExtent(out);
  markMenus(out, headEnd);
  for (let index = 0; index < out.length; index++) {
    const block = out[index];
    if (!block || block.kind !== 'paragraph') continue;
    const { text, line } = block;
    const publisher = parsePublisherLine(text);
    const dateLine = index < headEnd ? parseDateLine(text) : undefined;
    if (SITE_HEADER.test(text)) block.kind = 'site-header';
    else if (publisher) out[index] = { kind: 'publisher', text, line, publisher };
    else if (dateLine) out[index] = { kind: 'publisher', text, line, publisher: { date: dateLine } };
    else if (PLACEHOLDER_LINE.test(text)) block.kind = 'template';
    else if (IMAGE_FILE.test(text) && wordCount(text) <= 12) block.kind = 'image';
    else if (AD_SLOT.test(text)) block.kind = 'ad';
    else if (isChromeLine(text)) out[index] = { kind: 'chrome', text, line };
    else {
      const alt = ALT_TEXT.exec(text);
      if (alt && isVietnamese(text)) {
        const original = alt[1]?.trim();
        out[index] = { kind: 'alt-text', text, line, ...(original ? { originalTitle: original } : {}) };
      } else if (isVietnamese(text)) out[index] = { kind: 'alt-text', text, line };
      else {
        const { text: rest, credit } = splitCredit(text);
        if (credit !== undefined) {
          block.credit = credit;
          block.text = rest;
          if (rest === '') block.kind = 'credit';
          else if (out[index - 1]?.kind === 'image' || captionLike(rest)) block.kind = 'caption';
        } else if (out[index - 1]?.kind === 'image') block.kind = 'caption';
      }
    }
  }

  // After the footer source line, or (without one) from the first counter line on, the page is site chrome.
  const firstContent = out.findIndex((block) => block.kind === 'paragraph');
  let chromeFrom = footer !== -1 && firstContent !== -1 && firstContent < footer ? footer + 1 : -1;
  if (footer === -1 && firstContent !== -1) {
    const counter = out.findIndex((block, index) => index > firstContent && block.kind === 'chrome');
    if (counter !== -1) chromeFrom = counter;
  }
  if (chromeFrom !== -1) for (let index = chromeFrom; index < out.length; index++) {
    const block = out[index];
    if (block) out[index] = asChrome(block);
  }

  markTags(out);
  markTitle(out, blocks);
  markByline(out, footer !== -1 ? footer : chromeFrom);
  markHeadings(out);
  return out;
}

/** The rest of a wrapped URL: URL characters only, no spaces. */
const URL_CONTINUATION = /^[\p{L}\p{N}][\p{L}\p{N}\-._~/?#=&%+]*$/u;
/** A line that reads as the rest of a path (a slug, a segment, a page), not a bare site name such as `vietnam.vn`. */
const URL_REST = /[-/]|\.(?:html?|aspx?|php|vnp|vov|cms|shtml)$/iu;
/** Lines a URL may be wrapped onto: real ones need two or three; a run of slugs beyond is not one URL. */
const WRAPPED_LINES_MAX = 4;
/** A URL whose last segment names a page is complete: what follows it is not its rest. */
const COMPLETE_URL = /\/[^/]*\.(?:html?|aspx?|php|vnp|cms|shtml)$/iu;

/**
 * Joins a URL that the page wrapped onto the next lines (`…-dong-bao-` / `bi-anh-huong-…html`):
 * the line ends with a URL and the next holds only URL characters, and either the URL ends
 * where lines break (a hyphen, a slash) or the next line reads as the rest of a path (a slug,
 * a segment, a page name), and the URL is not already complete. The joined block records the
 * last line it took in (`wrapped`).
 */
function joinWrappedUrls(lines: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    let block = lines[index] as Block;
    // A long URL may run on over a few lines: join while the next one continues it.
    for (let joined = 0, next = lines[index + 1]; joined < WRAPPED_LINES_MAX && next && continuesUrl(block.text, next.text); joined++, next = lines[index + 1]) {
      block = { ...block, text: block.text + next.text, blankAfter: next.blankAfter, wrapped: next.line };
      index++;
    }
    out.push(block);
  }
  return out;
}

/** The URL ending a line (its last word, from `http` on), if one does: a wrapped URL's first part. */
function urlAtEnd(line: string): string | undefined {
  // Only the last word is looked at, so a long line costs one pass however many URLs it holds.
  const last = line.slice(line.lastIndexOf(' ') + 1);
  const start = last.search(/https?:\/\//u);
  return start === -1 ? undefined : last.slice(start);
}

function continuesUrl(line: string, next: string): boolean {
  const url = urlAtEnd(line);
  if (!url || !URL_CONTINUATION.test(next) || isChromeLine(next)) return false;
  if (COMPLETE_URL.test(url) && !/^[?#&]/.test(next)) return false;
  return /[-/_.=&?]$/.test(url) || URL_REST.test(next);
}

/** The head of the page: the blocks before the first paragraph long enough to be article text. */
const HEAD_PARAGRAPH_MIN = 120;
const headExtent = (out: readonly ClassifiedBlock[]): number => {
  const at = out.findIndex((block) => block.kind === 'paragraph' && block.text.length >= HEAD_PARAGRAPH_MIN);
  return at === -1 ? out.length : at;
};

/** `• Français`: a bulleted item of a few words, as a language switcher or a menu lists them. */
const MENU_ITEM = /^[•·▪◦●*–-]\s*\S/u;
const MENU_ITEM_MAX_WORDS = 3;

/**
 * A language switcher or menu in the head of the page: two or more bulleted items of a few
 * words, and the line repeated under each of them (the site's name in the page's language).
 * Neither is the headline nor article text.
 */
function markMenus(out: ClassifiedBlock[], headEnd: number): void {
  const items = out.flatMap((block, index) =>
    index < headEnd && block.kind === 'paragraph' && MENU_ITEM.test(block.text) && wordCount(block.text.replace(/^[•·▪◦●*–-]\s*/u, '')) <= MENU_ITEM_MAX_WORDS && !FINAL_PUNCTUATION.test(block.text) ? [index] : [],
  );
  if (items.length < 2) return;
  const isItem = new Set(items);
  const underItems = new Map<string, number>();
  for (const index of items) {
    const under = out[index + 1];
    if (under?.kind === 'paragraph' && !isItem.has(index + 1)) underItems.set(under.text, (underItems.get(under.text) ?? 0) + 1);
  }
  for (const index of items) {
    const item = out[index];
    if (item) item.kind = 'menu';
    const under = out[index + 1];
    if (under?.kind === 'paragraph' && (underItems.get(under.text) ?? 0) >= 2) under.kind = 'menu';
  }
}

/** A line longer than this after the footer is article text, not the chrome's headlines and counters. */
const CHROME_LINE_MAX = 200;

/**
 * Without a `Source : URL` line, the footer is the last line holding a single http(s) URL after
 * a short label of any wording (`Lien :`, `Ссылка:`, `Σύνδεσμος:`, or none), when it ends the
 * article text: nothing after it but short lines (site chrome). Text glued before its label (a
 * byline, the end of the last paragraph) becomes a block of its own.
 */
function findLooseFooter(lines: readonly Block[]): { blocks: Block[]; index: number; source: SourceLine } | undefined {
  const index = lines.findLastIndex((block) => parseLabelledUrl(block.text) !== undefined);
  const line = lines[index];
  const found = line && parseLabelledUrl(line.text);
  if (!line || !found) return undefined;
  const after = lines.slice(index + 1).filter((block) => !isChromeLine(block.text));
  const textBefore = lines.slice(0, index).reduce((sum, block) => sum + block.text.length, found.before.length);
  const textAfter = after.reduce((sum, block) => sum + block.text.length, 0);
  if (after.some((block) => block.text.length > CHROME_LINE_MAX) || textAfter >= textBefore) return undefined;
  if (found.before === '') return { blocks: [...lines], index, source: found.source };
  const split: Block[] = [
    { ...line, text: found.before, blankAfter: false },
    { ...line, text: `${found.label} ${found.source.value}`.trim(), blankBefore: false },
  ];
  return { blocks: [...lines.slice(0, index), ...split, ...lines.slice(index + 1)], index: index + 1, source: found.source };
}

/** Furniture the tag line may sit under without losing its place right after the publisher line. */
const PASSED_OVER: ReadonlySet<BlockKind> = new Set(['chrome', 'site-header', 'template', 'menu']);

/** The tag line: repeated verbatim, or right after the publisher line; without final punctuation. */
function markTags(out: ClassifiedBlock[]): void {
  const seen = new Map<string, number>();
  let previous: ClassifiedBlock | undefined;
  out.forEach((block, index) => {
    const before = previous;
    if (!PASSED_OVER.has(block.kind)) previous = block;
    if (block.kind !== 'paragraph') return;
    const first = seen.get(block.text);
    const unpunctuated = !FINAL_PUNCTUATION.test(block.text) && wordCount(block.text) >= 2;
    if (first !== undefined && unpunctuated) {
      block.kind = 'tags';
      const original = out[first];
      if (original) original.kind = 'tags';
    }
    if (!seen.has(block.text)) seen.set(block.text, index);
    if (before?.kind === 'publisher' && unpunctuated) block.kind = 'tags';
  });
}

/** Longest line taken for the headline under a kicker: longer lines are leads. */
const HEADLINE_UNDER_KICKER_MAX = 300;
/** Longest kicker, category, byline or masthead, in words. */
const KICKER_MAX_WORDS = 8;

/**
 * Is `line`, stacked above `next`, a label over the headline rather than the headline: a
 * kicker or series label, a category, a byline, a magazine's masthead? Such a line is short
 * and unpunctuated, and the line under it reads as a longer headline: one sentence without a
 * full stop (a line ending in one is the lead, and the short line above it the headline).
 */
function labelAboveHeadline(line: string, next: string): boolean {
  const words = wordCount(line);
  return (
    words <= KICKER_MAX_WORDS &&
    !FINAL_PUNCTUATION.test(line) &&
    titleLike(next) &&
    next.length <= HEADLINE_UNDER_KICKER_MAX &&
    !/[.!?…]$/u.test(next) &&
    wordCount(next) > words
  );
}

/** `Par Tran Thi Lan`, `Автор: …`, `Της Τραν Τι Λαν`: a byline, the name after the word. */
const BYLINE_ABOVE = /^(?:par|auteur|autrice|texte|journaliste|автор|текст|корреспондент|του|της|από|συντάκτης|tác giả|bài)\s*:?\s+(\p{Lu}.*)$/iu;

/**
 * The title is the first text line when it reads as a headline: before the publisher line
 * when there is one, otherwise a single short sentence that is not the whole article. Short
 * unpunctuated lines stacked above a longer headline are labels (kicker, category, byline,
 * masthead), not the headline: the title is the line under them, and it keeps them in `above`
 * so the entry can say how it was chosen. A label that reads as a byline gives the byline.
 */
function markTitle(out: ClassifiedBlock[], blocks: readonly Block[]): void {
  const publisherAt = out.findIndex((block) => block.kind === 'publisher');
  const paragraphAfter = (from: number): number => out.findIndex((block, index) => index > from && block.kind === 'paragraph');
  let index = paragraphAfter(-1);
  const labels: number[] = [];
  for (;;) {
    const next = paragraphAfter(index);
    const line = out[index];
    const under = out[next];
    if (!line || !under || (publisherAt !== -1 && next > publisherAt)) break;
    if (!labelAboveHeadline(line.text, under.text)) break;
    labels.push(index);
    index = next;
  }
  const first = out[index];
  if (!first || !titleLike(first.text)) return;
  const rest = out.slice(index + 1).filter((block) => block.kind === 'paragraph');
  if (rest.length === 0) return;
  const beforePublisher = publisherAt > index;
  const unpunctuated = !/[.!?…;,:][»"”’)\]]*$/u.test(first.text);
  const setApart = (blocks[index]?.blankAfter ?? false) && first.text.length <= 110;
  if (!beforePublisher && !unpunctuated && !setApart) return;
  const above = labels.map((at) => out[at]?.text ?? '');
  out[index] = { kind: 'title', text: first.text, line: first.line, ...(above.length > 0 ? { above } : {}) };
  for (const at of labels) {
    const label = out[at];
    if (!label) continue;
    const byline = BYLINE_ABOVE.exec(label.text)?.[1];
    out[at] = byline ? { kind: 'byline', text: byline.trim(), line: label.line } : { kind: 'kicker', text: label.text, line: label.line };
  }
}

/** A short name-like line just before the footer source line (or, without one, before the chrome). */
function markByline(out: ClassifiedBlock[], end: number): void {
  if (end <= 0) return;
  const candidate = out.slice(0, end).findLast((block) => block.kind !== 'ad' && block.kind !== 'credit');
  const paragraphs = out.slice(0, end).filter((block) => block.kind === 'paragraph').length;
  if (candidate?.kind === 'paragraph' && paragraphs >= 2 && bylineLike(candidate.text)) candidate.kind = 'byline';
}

/** Short unpunctuated lines between paragraphs are subheadings. */
function markHeadings(out: ClassifiedBlock[]): void {
  const content = out.filter((block) => !DROPPED.has(block.kind));
  content.forEach((block, index) => {
    if (block.kind !== 'paragraph' || !headingLike(block.text)) return;
    const previous = content[index - 1];
    const next = content[index + 1];
    if (previous && next && isContent(previous) && next.kind === 'paragraph' && next.text.length > block.text.length) block.kind = 'heading';
  });
}
