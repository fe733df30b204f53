/**
 * The footer line naming the original article: `Source : URL`, with the label machine
 * translated into whatever language the file is in.
 */
const SOURCE_LABEL =
  /^(?:source|sources|nguồn|источник|джерело|крыніца|източник|πηγή|źródło|zrodlo|quelle|fuente|fonte|fonti|bron|zdroj|forrás|kaynak|sursa|kilde|källa|lähde)\s*:\s*/iu;

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
  const result = canonicalizeUrl(value);
  return 'url' in result ? { value, url: result.url } : { value, warning: result.warning };
}

/** A scheme (any, so `javascript:` is seen and refused) or a `www.` host. */
export function looksLikeUrl(value: string): boolean {
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
