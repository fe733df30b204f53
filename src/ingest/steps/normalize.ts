import { decodeHTML } from 'entities';

/**
 * Tags whose presence means the scraper left HTML in the file. Only these are treated as
 * markup, so text such as `a <b> c` in prose or `<3` survives, while real markup goes.
 */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html', 'title',
]);
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins',
  'kbd', 'label', 'mark', 'meta', 'link', 'picture', 'q', 's', 'samp', 'small', 'source', 'span',
  'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'iframe', 'svg', 'video', 'audio', 'input',
  'button', 'form', 'select', 'option', 'textarea', 'noscript', 'center', 'caption', 'col', 'colgroup',
]);
/** Elements whose content is never text a reader saw. */
const DROPPED_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'head']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,15})(?=[\s/>])[^<>]{0,2000}>|<!--/g;

/**
 * Removes HTML tags the scraper left in the text: block tags become line breaks, inline
 * tags disappear, comments and the content of script/style go. A single forward scan with
 * `indexOf` for closers, so deeply nested or unclosed markup stays linear.
 */
export function stripHtml(text: string): { text: string; hadHtml: boolean } {
  if (!text.includes('<')) return { text, hadHtml: false };
  let out = '';
  let last = 0;
  let hadHtml = false;
  TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TAG.exec(text)) !== null) {
    if (match[0] === '<!--') {
      const end = text.indexOf('-->', match.index + 4);
      out += text.slice(last, match.index);
      last = end === -1 ? text.length : end + 3;
      TAG.lastIndex = last;
      hadHtml = true;
      continue;
    }
    const name = (match[2] ?? '').toLowerCase();
    const closing = match[1] === '/';
    const block = BLOCK_TAGS.has(name);
    if (!block && !INLINE_TAGS.has(name) && !DROPPED_CONTENT.has(name)) continue;
    hadHtml = true;
    out += text.slice(last, match.index) + (block ? '\n' : '');
    last = match.index + match[0].length;
    if (!closing && DROPPED_CONTENT.has(name) && !match[0].endsWith('/>')) {
      const closer = new RegExp(`</${name}`, 'gi');
      closer.lastIndex = last;
      const end = closer.exec(text)?.index ?? -1;
      const close = end === -1 ? -1 : text.indexOf('>', end);
      last = close === -1 ? text.length : close + 1;
    }
    TAG.lastIndex = last;
  }
  out += text.slice(last);
  return { text: out, hadHtml };
}

/** Characters that carry nothing but can hide or reorder text: controls, zero-widths, bidi overrides. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
/** Unicode spaces (NBSP, thin, ideographic...) and tabs read as ordinary spaces. */
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Text to clean lines: one line ending, no invisible characters, one kind of space, no
 * runs of spaces, trimmed lines, NFC. HTML is stripped and entities decoded first, so the
 * result is plain text whatever the scraper saved.
 */
export function normalizeText(input: string): { text: string; hadHtml: boolean } {
  const lines = input.replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n');
  const stripped = stripHtml(lines);
  const text = decodeHTML(stripped.text)
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
  return { text, hadHtml: stripped.hadHtml };
}
