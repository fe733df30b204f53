import { perLang, type Article, type Lang } from '../../schemas/article.ts';
import type { PublisherLine } from './publisher.ts';
import { firstSentence, shorten, stripDatelinePrefix } from './title.ts';
import { fold } from '../../lib/text/fold.ts';
import { MONTHS, type PrintedDate } from './printed-date.ts';

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

/** The words of a space-separated list, folded. */
const folded = (list: string): ReadonlySet<string> => new Set(list.split(' ').map(fold));

/** Day + month word (+ optional year), per language; the day may carry an ordinal suffix. */
const DAY_MONTH: Record<Lang, RegExp> = {
  fr: /(?<![\p{L}\p{N}])(1er|\d{1,2})\s+(\p{L}+)(?:\s+((?:19|20)\d{2}))?/gu,
  ru: /(?<![\p{L}\p{N}])(\d{1,2})(?:-?го)?\s+(\p{L}+)(?:\s+((?:19|20)\d{2}))?/gu,
  el: /(?<![\p{L}\p{N}])(\d{1,2})(?:ης|ής|η|ή|ος)?\s+(\p{L}+)(?:\s+((?:19|20)\d{2}))?/gu,
};
/** `30/11`, `30-11-2024`: the Vietnamese way of writing a day, often left as it is by the translation. */
const NUMERIC_DAY_MONTH = /(?<![\p{L}\p{N}/.-])(\d{1,2})[/-](\d{1,2})(?:[/-]((?:19|20)\d{2}))?(?![\p{N}/-])/gu;

/**
 * Words that may open a sentence before its dateline: articles, times of day, weekdays ("Le
 * matin du 4 juillet", "Утром 30 ноября", "Το πρωί της 30ής Νοεμβρίου"). A date after any other
 * word is one the article talks about: a resolution's ("la résolution n° 18-NQ/TW du 25
 * octobre 2017"), a meeting's, a deadline ("à partir du 1er juillet"). Folded like the text
 * they are compared with (`της` is `τησ` there).
 */
const DATELINE_LEAD_IN: Record<Lang, ReadonlySet<string>> = {
  fr: folded(
    'le la l ce cet cette du de d au dans en fin debut matin matinee soir soiree midi apres-midi nuit journee hier aujourd hui tot vers lundi mardi mercredi jeudi vendredi samedi dimanche',
  ),
  ru: folded('утром днем вечером ночью сегодня вчера в во утро первои второи половине дня понедельник вторник среду четверг пятницу субботу воскресенье'),
  el: folded(
    'το τη την της του στις στην σημερα χθες πρωι απογευμα βραδυ μεσημερι νυχτα δευτερα τριτη τεταρτη πεμπτη παρασκευη σαββατο κυριακη δευτερας τριτης τεταρτης πεμπτης παρασκευης σαββατου κυριακης',
  ),
};
const MAX_LEAD_IN_WORDS = 6;
/** A place opening the dateline: `Hanoï, le 4 juillet`, `ХАНОЙ, 30 ноября`. */
const PLACE_PREFIX = /^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,2}\s*,\s*/u;

/** Are the words before a date only what may open a dateline? */
function opensSentence(before: string, lang: Lang): boolean {
  const words = fold(before.replace(PLACE_PREFIX, '')).split(/[^\p{L}-]+/u).filter(Boolean);
  return words.length <= MAX_LEAD_IN_WORDS && words.every((word) => DATELINE_LEAD_IN[lang].has(word));
}

interface WrittenDay {
  index: number;
  written: string;
  day: number;
  month: number;
  year?: number;
}

/** Every day-and-month in the text, in the order written, whatever the words before them. */
function daysAndMonths(text: string, lang: Lang): WrittenDay[] {
  const found: WrittenDay[] = [];
  for (const match of text.matchAll(DAY_MONTH[lang])) {
    const month = MONTHS[lang].indexOf(fold(match[2] ?? '')) + 1;
    if (month === 0) continue;
    const day = match[1] === '1er' ? 1 : Number(match[1]);
    found.push({ index: match.index, written: match[0].trim(), day, month, ...(match[3] ? { year: Number(match[3]) } : {}) });
  }
  for (const match of text.matchAll(NUMERIC_DAY_MONTH)) {
    const day = Number(match[1]);
    const month = Number(match[2]);
    // A range or a fraction (`20-30`, `3/4`) is not a day: only possible days and months count.
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    found.push({ index: match.index, written: match[0], day, month, ...(match[3] ? { year: Number(match[3]) } : {}) });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Day, month word (in any of the languages), year: a date written in full, in folded text (`30ης` is `30ησ` there). */
const FULL_DATE = new RegExp(`\\d{1,2}(?:${['er', 'ης', 'η', 'ος', '-?го'].map(fold).join('|')})?\\s+(?:${Object.values(MONTHS).flat().join('|')})\\s+(?:19|20)\\d{2}`, 'gu');

/**
 * Plausible years mentioned in the text, most frequent first (ties: the later year, since a
 * report looks back at earlier years more often than forward). Years inside references
 * (`98/2023/QH15`), ranges (`2025-2030`) and full dates (`25 octobre 2017`: the day of a
 * resolution or a meeting the article talks about) do not count.
 */
export function yearsByFrequency(text: string): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const match of fold(text).replace(FULL_DATE, ' ').matchAll(/(?<![\d/.\-–]\s?)((?:19|20)\d{2})(?![\d/]|\s?[-–]\s?\d)/g)) {
    const year = Number(match[1]);
    if (year < 1990 || year > 2035) continue;
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.count - a.count || b.year - a.year);
}

/** Longest quotation of the sentence a date was inferred from. */
const EVIDENCE_SENTENCE_MAX = 140;

/**
 * Words saying the article goes on past the day its lead opens with: the next day, a week
 * later, a follow-up meeting (folded).
 */
const LATER_DAY_WORDS: Record<Lang, string[]> = {
  fr: ['le lendemain', 'le surlendemain', 'la semaine suivante', 'une semaine plus tard', 'jours plus tard', 'semaines plus tard', 'reunion de suivi', 'seance de suivi'],
  ru: ['на следующий день', 'через неделю', 'через несколько дней', 'спустя неделю', 'спустя несколько дней', 'на последующем', 'на следующей неделе'],
  el: ['την επόμενη ημέρα', 'την επόμενη μέρα', 'την επόμενη εβδομάδα', 'μια εβδομάδα αργότερα', 'ημέρες αργότερα', 'μέρες αργότερα', 'συνεδρίαση παρακολούθησης', 'συνάντηση παρακολούθησης'],
};
const LATER_DAY: Record<Lang, string[]> = perLang((lang) => LATER_DAY_WORDS[lang].map(fold));
/**
 * Words that make a later day a deadline or a starting day ("d'ici le 20 décembre", "до 25
 * декабря", "έως τις 20 Δεκεμβρίου"): one the text looks forward to, which says nothing about
 * when it was written.
 */
const DEADLINE_WORDS: Record<Lang, string[]> = {
  fr: ["d'ici le", "d'ici au", "d'ici", 'avant le', 'au plus tard le', "jusqu'au", "jusqu'a", 'a partir du', 'des le', 'le delai du', 'pour le'],
  ru: ['до', 'не позднее', 'к', 'с', 'начиная с', 'по', 'срок'],
  el: ['έως τις', 'έως την', 'έως', 'μέχρι τις', 'μέχρι την', 'πριν από τις', 'πριν από την', 'από τις', 'από την', 'προθεσμία'],
};
const DEADLINE: Record<Lang, RegExp> = perLang(
  (lang) => new RegExp(`(?:^|[^\\p{L}'])(?:${DEADLINE_WORDS[lang].map(fold).join('|')})\\s*$`, 'u'),
);
/** How far before a day its deadline words may stand, in characters. */
const DEADLINE_REACH = 24;
/** A day mentioned this many days after the dateline, or fewer, is one the article reports on. */
const LATER_DAY_WINDOW = 31;
const DAY_MS = 86_400_000;

/**
 * Why the dateline cannot be the publication date: the rest of the text speaks of a later day
 * (a day and month up to a month after it, in the same year, not a deadline; or "the next
 * day", "a week later", a follow-up meeting), so the article was written after the day its lead opens with,
 * which is the day of an event it looks back on.
 */
function laterDay(rest: string, lang: Lang, year: number, month: number, day: number): string | undefined {
  const start = Date.UTC(year, month - 1, day);
  for (const mention of daysAndMonths(rest, lang)) {
    // `10-12` is a range far more often than a day; `17/3` and `17 mars` are days.
    if ((mention.year !== undefined && mention.year !== year) || /^\d{1,2}-\d{1,2}$/.test(mention.written)) continue;
    if (DEADLINE[lang].test(fold(rest.slice(Math.max(0, mention.index - DEADLINE_REACH), mention.index)).replace(/’/g, "'"))) continue;
    const days = (Date.UTC(year, mention.month - 1, mention.day) - start) / DAY_MS;
    if (days > 0 && days <= LATER_DAY_WINDOW) return mention.written;
  }
  const folded = fold(rest);
  return LATER_DAY[lang].find((words) => folded.includes(words));
}

/**
 * A date from the lead's dateline: a day and month opening its first sentence (after a
 * "Publisher - " prefix and words like "Le matin du"), with the year either written there or
 * the most frequent plausible year in the text. A date later in the sentence, or after any
 * other word, is one the article talks about, not when it was written. When in doubt there is
 * no date, with a warning saying why: two years mentioned equally often, or a text that goes
 * on to a later day. The evidence quotes the sentence the date came from.
 */
export function inferDateFromLead(lead: string, lang: Lang, fullText: string): { finding?: DateFinding; warning?: string } {
  const sentence = firstSentence(stripDatelinePrefix(lead).trim());
  const match = daysAndMonths(sentence, lang).find((candidate) => opensSentence(sentence.slice(0, candidate.index), lang));
  if (!match) return {};
  const { written, day, month } = match;
  let year: number;
  let yearEvidence: string;
  if (match.year !== undefined) {
    year = match.year;
    yearEvidence = 'the year written in it';
  } else {
    const [top, second] = yearsByFrequency(fullText);
    if (!top) return { warning: `date: dateline "${written}" in the lead, but no year in the text to place it` };
    if (second && second.count === top.count) {
      return { warning: `date: dateline "${written}" in the lead, but the text names ${second.year} and ${top.year} equally often (${top.count}×): no year to place it` };
    }
    year = top.year;
    yearEvidence = `the year ${year}, the most frequent year in the text (${top.count}×)`;
  }
  const date = isoDate(year, month, day);
  if (!date) return { warning: `date: impossible date in the lead's dateline "${written}" (${year})` };
  const later = laterDay(fullText.replace(sentence, ' '), lang, year, month, day);
  if (later !== undefined) {
    return { warning: `date: dateline "${written}" in the lead, but the text goes on to a later day ("${later}"): the dateline is taken for the day of an event, not of publication` };
  }
  const quoted = shorten(sentence, EVIDENCE_SENTENCE_MAX);
  return { finding: { date, evidence: `inferred from the dateline "${written}" opening the lead's first sentence ("${quoted}") and ${yearEvidence}` } };
}

/** The date a publisher line prints, or why it is not a date. */
export function dateFromPublisherLine({ day, month, year, printed }: PrintedDate, named: boolean): { finding?: DateFinding; warning?: string } {
  const date = isoDate(year, month, day);
  if (!date) return { warning: `date: impossible date ${printed} in publisher line` };
  return { finding: { date, evidence: named ? `printed after the publisher's name: ${printed}` : `printed on the date line under the headline: ${printed}` } };
}

/** A scraper's front-matter date, the weakest evidence: it may be when the page was saved. */
export function dateFromFrontMatter(value: string): { finding?: DateFinding; warning?: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return { warning: `date: front-matter date "${value.slice(0, 40)}" is not yyyy-mm-dd` };
  const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date) return { warning: `date: impossible date ${value.slice(0, 10)} in front matter` };
  return { finding: { date, evidence: `the scraper's front matter gives ${date}; the article itself states no date` } };
}

/** Everything a file's date may be read from. */
export interface DateSources {
  /** The publisher lines found, in file order. */
  publisherLines: readonly PublisherLine[];
  sourceUrl: string | undefined;
  /** The first paragraph, where a dateline would be. */
  lead: string | undefined;
  lang: Lang;
  /** Title and body, for the years they mention. */
  fullText: string;
  frontMatterDate: string | undefined;
}

/**
 * The publication date and how it is known, trying in turn: the publisher line (printed by
 * the publisher), the source URL (some publishers encode the date), the lead's dateline, the
 * front matter. Each attempt's warning (an impossible date, say) is added to `warnings`.
 */
export function chooseDate(sources: DateSources, warnings: string[]): { finding: DateFinding; source: Article['dateSource'] } | undefined {
  const { publisherLines, sourceUrl, lead, lang, fullText, frontMatterDate } = sources;
  const attempts: [NonNullable<Article['dateSource']>, () => { finding?: DateFinding; warning?: string }][] = [];
  for (const line of publisherLines) {
    const { date, placeholder, name } = line;
    if (date) attempts.push(['publisher-line', () => dateFromPublisherLine(date, name !== undefined)]);
    else if (placeholder) warnings.push(`date: the publisher line holds an unrendered template placeholder (${placeholder}) where its date should be`);
  }
  if (sourceUrl) attempts.push(['source-url', () => dateFromSourceUrl(sourceUrl)]);
  if (lead) attempts.push(['inferred', () => inferDateFromLead(lead, lang, fullText)]);
  if (frontMatterDate) attempts.push(['inferred', () => dateFromFrontMatter(frontMatterDate)]);
  for (const [source, attempt] of attempts) {
    const { finding, warning } = attempt();
    if (warning) warnings.push(warning);
    if (finding) return { finding, source };
  }
  return undefined;
}
