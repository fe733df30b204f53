/**
 * Words a republisher puts before the original article's URL: "source" or "link" (and
 * "original", "original article") in the languages the files are translated into, and the
 * Vietnamese left untranslated. Longer phrases first, so the longest label is taken.
 */
const SOURCE_WORDS = [
  'article original', 'article d’origine', "article d'origine", 'xem bài gốc', 'bài gốc', 'оригинал статьи', 'πρωτότυπο άρθρο',
  'sources', 'source', 'nguồn', 'nguon', 'источники', 'источник', 'ссылка', 'первоисточник', 'оригинал', 'джерело', 'посилання',
  'крыніца', 'източник', 'izvor', 'πηγές', 'πηγή', 'σύνδεσμος', 'πρωτότυπο', 'liens', 'lien', 'links', 'link', 'originale', 'original',
  'origine', 'fuente', 'enlace', 'fonte', 'fonti', 'quelle', 'bron', 'zdroj', 'odkaz', 'forrás', 'kaynak', 'sursa', 'kilde', 'källa',
  'lähde', 'źródło', 'zrodlo', 'url',
].join('|');

/** `Source : …` at the start of a line: the label and a colon, whatever follows. */
const SOURCE_LABEL = new RegExp(`^(?:${SOURCE_WORDS})\\s*[:：]\\s*`, 'iu');
/** One of the words ending the text before a URL. */
const SOURCE_LABEL_AT_END = new RegExp(`(?:${SOURCE_WORDS})$`, 'iu');
/** Where an http(s) URL starts, spaces from machine translation allowed (`https: //`), or a bare `www.` host. */
const URL_START = /https?\s*:\s*\/\s*\/|(?<![\p{L}\p{N}])www\./giu;
/** What may stand between a label and its URL. */
const SEPARATOR = /[\s:：\-–—|>»→]*$/u;
/** A label of a word or a few, letters only: not a sentence that happens to end with a URL. */
const LABEL_WORDS = /^[\p{L}\p{M}][\p{L}\p{M}'’. -]{0,39}$/u;
const MAX_LABEL_WORDS = 4;

/** Query parameters that only track the reader. */
const TRACKING_PARAMS = /^(?:utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|zarsrc|gidzl|ref_src|spm)$/i;

export interface SourceLine {
  /** The canonical URL, when the line holds an acceptable one. */
  url?: string;
  /** Why a URL-looking value was refused. */
  warning?: string;
  /** The text after the label, whatever it was. */
  value: string;
}

/** Does this line start with a source label? Returns what follows the label. */
export function parseSourceLine(line: string): SourceLine | undefined {
  const label = SOURCE_LABEL.exec(line);
  if (!label) return undefined;
  const value = line.slice(label[0].length).trim();
  if (!looksLikeUrl(value)) return { value };
  return sourceOf(value);
}

function sourceOf(value: string): SourceLine {
  const result = canonicalizeUrl(value);
  return 'url' in result ? { value, url: result.url } : { value, warning: result.warning };
}

/** A line that ends with one http(s) URL after a short label (or none), with any text glued before the label. */
interface LabelledUrl {
  /** Text before the label when the label was glued to it: a byline, the end of a paragraph. */
  before: string;
  label: string;
  /** The label is one of the words for "source" or "link". */
  known: boolean;
  source: SourceLine;
}

/**
 * Reads `<text><label><separator><URL>`: the footer source line of any site, whatever its
 * label word, and even when the scraper glued it to the line before (`Diem MySource : https://…`).
 * A known label needs a colon or a capital where it meets other text, so `la ressource https://…`
 * or `consultez le lien https://…` inside a sentence are not labels. An unknown label is a few
 * words of letters; whether its line is the footer is for its place in the file to say.
 */
export function parseLabelledUrl(line: string): LabelledUrl | undefined {
  const starts = [...line.matchAll(URL_START)];
  const start = starts[0];
  if (!start || starts.length !== 1) return undefined;
  const head = line.slice(0, start.index);
  const separator = SEPARATOR.exec(head)?.[0] ?? '';
  const text = head.slice(0, head.length - separator.length);
  const colon = /[:：]/u.test(separator);
  const source = sourceOf(line.slice(start.index).trim());
  if (text === '') return { before: '', label: '', known: false, source };

  const known = SOURCE_LABEL_AT_END.exec(text);
  if (known) {
    const before = text.slice(0, known.index);
    const label = known[0];
    const capital = /^\p{Lu}/u.test(label);
    const joined = before === '' || (/[\s\p{P}]$/u.test(before) ? colon || capital : capital);
    if (joined) return { before: before.trim(), label, known: true, source };
  }
  const words = text.trim().split(/\s+/u);
  if (!LABEL_WORDS.test(text.trim()) || words.length > MAX_LABEL_WORDS || (!colon && words.length > 2)) return undefined;
  // `Diem MyLien` (a byline glued to an unknown label): the last word's inner capital is where they meet.
  const glued = /^(.*\p{Ll})(\p{Lu}[\p{Ll}\p{M}]+)$/u.exec(text.trim());
  if (glued?.[1] && glued[2] && words.length > 1) return { before: glued[1].trim(), label: glued[2], known: false, source };
  return { before: '', label: text.trim(), known: false, source };
}

/** A scheme (any, so `javascript:` is seen and refused) or a `www.` host. */
function looksLikeUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.\-\t ]{0,20}:/i.test(value) || /^(?:www\.|\/\/)/i.test(value);
}

/**
 * Undoes the spaces machine translation puts inside URLs (`https: //nhandan.vn/ tiep-tuc - no-luc.html`):
 * whitespace next to URL punctuation is removed; the URL then ends at the first remaining space.
 */
export function repairUrlSpacing(value: string): string {
  const joined = value.replace(/\s*([:/\-.?=&_#%+~])\s*/g, '$1');
  return joined.split(/\s/, 1)[0] ?? '';
}

/**
 * Canonical form of a source URL: spacing repaired, host lower-cased, tracking parameters and
 * fragment dropped. Only http(s) without credentials is accepted; anything else is refused
 * with a reason, never guessed at.
 */
export function canonicalizeUrl(value: string): { url: string } | { warning: string } {
  let candidate = repairUrlSpacing(value.trim());
  if (/^www\./i.test(candidate)) candidate = `http://${candidate}`;
  if (candidate.startsWith('//')) return { warning: `source: URL without a scheme refused: ${shorten(value)}` };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(candidate)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    return { warning: `source: only http and https are accepted, not ${scheme ?? 'this'}: ${shorten(value)}` };
  }
  if (/["'<>\\^`{|}]/.test(candidate)) {
    return { warning: `source: URL holds characters a URL cannot contain: ${shorten(value)}` };
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { warning: `source: not a valid URL: ${shorten(value)}` };
  }
  if (url.username || url.password) {
    return { warning: `source: URL carries credentials (user:password@), refused: ${url.hostname}` };
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(url.hostname)) {
    return { warning: `source: not a public host name: ${shorten(url.hostname)}` };
  }
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  }
  if (url.searchParams.size === 0) url.search = '';
  return { url: url.href };
}

function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
