import type { Lang } from '../../schemas/article.ts';
import { firstSentence, stripDatelinePrefix } from './title.ts';

export interface DateFinding {
  date: string;
  evidence: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `yyyy-mm-dd` when the day exists in that month (no rolling 31/02 over into March). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

interface UrlDatePattern {
  /** Hosts the id scheme belongs to; empty means any host. */
  hosts: string[];
  pattern: RegExp;
  describe: string;
  parts(match: RegExpExecArray): [number, number, number];
}

const num = (value: string | undefined): number => Number(value ?? NaN);

/**
 * Article ids that encode the publication date. nld.com.vn: `196` + yyMMddHHmmss + 3 digits;
 * baochinhphu.vn: `10` + yyMMdd + 9 digits; tuoitre.vn: yyyyMMdd + 9 digits; any site:
 * `/yyyy/mm/dd/` path segments.
 */
const URL_DATES: UrlDatePattern[] = [
  {
    hosts: ['nld.com.vn'],
    pattern: /-196(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{3}\.htm$/,
    describe: 'nld.com.vn article id (196 + yyMMddHHmmss)',
    parts: (m) => [2000 + num(m[1]), num(m[2]), num(m[3])],
  },
  {
    hosts: ['baochinhphu.vn'],
    pattern: /-10(\d{2})(\d{2})(\d{2})\d{9}\.htm$/,
    describe: 'baochinhphu.vn article id (10 + yyMMdd)',
    parts: (m) => [2000 + num(m[1]), num(m[2]), num(m[3])],
  },
  {
    hosts: ['tuoitre.vn'],
    pattern: /-(20\d{2})(\d{2})(\d{2})\d{9}\.htm$/,
    describe: 'tuoitre.vn article id (yyyyMMdd)',
    parts: (m) => [num(m[1]), num(m[2]), num(m[3])],
  },
  {
    hosts: [],
    pattern: /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//,
    describe: '/yyyy/mm/dd/ path segments',
    parts: (m) => [num(m[1]), num(m[2]), num(m[3])],
  },
];

/** A publication date encoded in the source URL, if its publisher encodes one. */
export function dateFromSourceUrl(sourceUrl: string): { finding?: DateFinding; warning?: string } {
  const url = new URL(sourceUrl);
  const host = url.hostname.replace(/^www\./, '');
  for (const rule of URL_DATES) {
    if (rule.hosts.length > 0 && !rule.hosts.includes(host)) continue;
    const match = rule.pattern.exec(url.pathname);
    if (!match) continue;
    const [year, month, day] = rule.parts(match);
    const date = isoDate(year, month, day);
    if (!date) return { warning: `date: impossible date ${pad(day)}/${pad(month)}/${year} in the source URL's ${rule.describe}` };
    return { finding: { date, evidence: `read from the source URL's ${rule.describe}` } };
  }
  return {};
}

const MONTHS: Record<Lang, string[]> = {
  fr: ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  el: ['ιανουαριου', 'φεβρουαριου', 'μαρτιου', 'απριλιου', 'μαιου', 'ιουνιου', 'ιουλιου', 'αυγουστου', 'σεπτεμβριου', 'οκτωβριου', 'νοεμβριου', 'δεκεμβριου'],
};

/** Lower case without accents, so `Νοεμβρίου`, `août` and `Μαΐου` match the table. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Day + month (+ optional year) at the start of a lead, per language; the day may carry an ordinal suffix. */
const DATELINE: Record<Lang, RegExp> = {
  fr: /(?:^|[\s(])(1er|\d{1,2})\s+(\p{L}+)(?:\s+((?:19|20)\d{2}))?/gu,
  ru: /(?:^|[\s(])(\d{1,2})(?:-?го)?\s+(\p{L}+)(?:\s+((?:19|20)\d{2}))?/gu,
  el: /(?:^|[\s(])(\d{1,2})(?:ης|ής|η|ή|ος)?\s+(\p{L}+)(?:\s+((?:19|20)\d{2}))?/gu,
};

/** Words that make a day and month a range or a deadline ("from 1 July"), not the day of the report. */
const NOT_A_DATELINE: Record<Lang, RegExp> = {
  fr: /(?:à partir du|depuis le|jusqu'au|jusqu’au|avant le|après le|dès le|d'ici le|d’ici le|entre le|et le)$/iu,
  ru: /(?:^|\s)(?:с|со|до|после|к|по|между|и)$/iu,
  el: /(?:από την|από τις|έως την|έως τις|μέχρι την|μέχρι τις|μετά την|πριν την|πριν από την|ως την|και την)$/iu,
};

/** How far into the lead's first sentence a dateline may start ("Le matin du 4 juillet, ..." fits). */
const DATELINE_REACH = 40;

/**
 * Plausible years mentioned in the text (not in references, dates or ranges), most frequent first (ties: the later year, since a
 * report looks back at earlier years more often than forward).
 */
export function yearsByFrequency(text: string): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  // Term ranges ("2025-2030") name a period, not when something happened: they do not count.
  for (const match of text.matchAll(/(?<![\d/.\-–]\s?)((?:19|20)\d{2})(?![\d/]|\s?[-–]\s?\d)/g)) {
    const year = Number(match[1]);
    if (year < 1990 || year > 2035) continue;
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.count - a.count || b.year - a.year);
}

/**
 * A date from the lead's dateline ("Le 4 juillet", "4 июля", "30ής Νοεμβρίου"), with the
 * year either written there or the most frequent plausible year in the text. Only the start of
 * the lead's first sentence counts (after a "Publisher - " prefix): a date later on is what
 * the article talks about, not when it was published.
 */
export function inferDateFromLead(lead: string, lang: Lang, fullText: string): { finding?: DateFinding; warning?: string } {
  const head = firstSentence(stripDatelinePrefix(lead)).slice(0, DATELINE_REACH + 40);
  const match = [...head.matchAll(DATELINE[lang])].find(
    (candidate) =>
      candidate.index <= DATELINE_REACH &&
      MONTHS[lang].includes(fold(candidate[2] ?? '')) &&
      !NOT_A_DATELINE[lang].test(head.slice(0, candidate.index + 1).trim()),
  );
  if (!match) return {};
  const [written, dayText = '', monthWord = '', yearText] = match;
  const month = MONTHS[lang].indexOf(fold(monthWord)) + 1;
  const day = dayText === '1er' ? 1 : Number(dayText);
  const dateline = written.trim();
  let year: number;
  let yearEvidence: string;
  if (yearText) {
    year = Number(yearText);
    yearEvidence = 'the year written in it';
  } else {
    const [top] = yearsByFrequency(fullText);
    if (!top) return { warning: `date: dateline "${dateline}" in the lead, but no year in the text to place it` };
    year = top.year;
    yearEvidence = `the year ${year}, the most frequent year in the text (${top.count}×)`;
  }
  const date = isoDate(year, month, day);
  if (!date) return { warning: `date: impossible date in the lead's dateline "${dateline}" (${year})` };
  return { finding: { date, evidence: `inferred from the lead's dateline "${dateline}" and ${yearEvidence}` } };
}

/** `dd/mm/yyyy` from a publisher line, or why it is not a date. */
export function dateFromPublisherLine(day: number, month: number, year: number, printed: string): { finding?: DateFinding; warning?: string } {
  const date = isoDate(year, month, day);
  if (!date) return { warning: `date: impossible date ${printed} in publisher line` };
  return { finding: { date, evidence: `printed after the publisher's name: ${printed}` } };
}

/** A scraper's front-matter date, the weakest evidence: it may be when the page was saved. */
export function dateFromFrontMatter(value: string): { finding?: DateFinding; warning?: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return { warning: `date: front-matter date "${value.slice(0, 40)}" is not yyyy-mm-dd` };
  const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date) return { warning: `date: impossible date ${value.slice(0, 10)} in front matter` };
  return { finding: { date, evidence: `the scraper's front matter gives ${date}; the article itself states no date` } };
}
