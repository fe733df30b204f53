import type { Lang } from '../../schemas/article.ts';
import { fold } from '../../lib/text/fold.ts';

/** Month names as the translations write a date (genitive in Russian and Greek), folded. */
export const MONTHS: Record<Lang, string[]> = {
  fr: ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  el: ['ιανουαριου', 'φεβρουαριου', 'μαρτιου', 'απριλιου', 'μαιου', 'ιουνιου', 'ιουλιου', 'αυγουστου', 'σεπτεμβριου', 'οκτωβριου', 'νοεμβριου', 'δεκεμβριου'],
};

/** Month number (1-12) of a month word in any archived language, or 0. */
export function monthOf(word: string): number {
  const folded = fold(word);
  for (const months of Object.values(MONTHS)) {
    const index = months.indexOf(folded);
    if (index !== -1) return index + 1;
  }
  return 0;
}

/** A date as a publisher prints it beside its name, read into numbers. */
export interface PrintedDate {
  /** The date as it stands in the line. */
  printed: string;
  day: number;
  month: number;
  year: number;
}

/**
 * Ways a page prints its date: `26/01/2025`, `26-01-2025`, `18.03.2025`, `2025-03-18`,
 * `14 mars 2025`, `14 марта 2025 г.`, `14 Μαρτίου 2025`, `1er juillet 2025`.
 */
const DATE_FORMS = [
  /(?<![\p{N}/.-])(?<day>\d{1,2})(?<sep>[/.-])(?<month>\d{1,2})\k<sep>(?<year>(?:19|20)\d{2})(?![\p{N}/.-])/u,
  /(?<![\p{N}/.-])(?<year>(?:19|20)\d{2})(?<sep>[-/])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?![\p{N}/-])/u,
  /(?<!\p{N})(?<day>\d{1,2})(?:er|-?го|ης|ής|η|ή)?\s+(?<word>\p{L}+)\.?,?\s+(?<year>(?:19|20)\d{2})(?:\s*(?:года|г\.?))?(?!\p{N})/u,
];

/** The first printed date in `text`, where it stands, or undefined. */
function findPrintedDate(text: string): { date: PrintedDate; index: number; length: number } | undefined {
  let best: { date: PrintedDate; index: number; length: number } | undefined;
  for (const form of DATE_FORMS) {
    const match = form.exec(text);
    const groups = match?.groups;
    if (!match || !groups) continue;
    const month = groups.word !== undefined ? monthOf(groups.word) : Number(groups.month);
    if (month === 0) continue;
    if (best && best.index <= match.index) continue;
    best = { date: { printed: match[0].trim(), day: Number(groups.day), month, year: Number(groups.year) }, index: match.index, length: match[0].length };
  }
  return best;
}

/** Words a page may put before the date: a weekday, "published". Folded. */
const BEFORE_DATE = new Set(
  [
    'lundi mardi mercredi jeudi vendredi samedi dimanche publie le publiee',
    'понедельник вторник среда четверг пятница суббота воскресенье опубликовано',
    'δευτερα τριτη τεταρτη πεμπτη παρασκευη σαββατο κυριακη δημοσιευθηκε δημοσιευση',
    'monday tuesday wednesday thursday friday saturday sunday published',
  ].flatMap((words) => words.split(' ')),
);

const VIETNAMESE_WEEKDAY = /(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ\s+Nhật)\s*,?\s*$/iu;

/** A time, with or without its time zone: `10:45`, `8h30`, `10:45 (GMT+7)`. */
const TIME = String.raw`\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?`;
/** "Updated" in the page's language (folded), and whatever date and time follow it. */
const UPDATED = String.raw`(?:mis[e]? a jour|actualise[e]?|modifie[e]?|обновлено|обновлен|изменено|ενημερωθηκε|ενημερωση|τελευταια ενημερωση|cap nhat|updated?)(?:\s+(?:le|в|στις))?\s*:?\s*[^]{0,48}`;
/** What may follow the date on its line: a time, a separator, an "updated" stamp. */
const AFTER_DATE = new RegExp(String.raw`^[\s,|–—-]*(?:(?:a|в|στις|luc)\s+)?(?:${TIME})?[\s,|–—-]*(?:${UPDATED})?$`, 'iu');
/** Separators and a time between a name and its date. */
const BETWEEN = new RegExp(String.raw`(?:[\s|–—-]|${TIME})*$`, 'iu');

/**
 * Splits a line into the text before its printed date, the date, and checks that nothing but
 * a time or an "updated" stamp follows it. The words just before the date that only say
 * when (a weekday, "published") are not part of the text before.
 */
export function splitDatedLine(line: string): { before: string; date: PrintedDate } | undefined {
  const found = findPrintedDate(line);
  if (!found) return undefined;
  const after = fold(line.slice(found.index + found.length));
  if (!AFTER_DATE.test(after)) return undefined;
  // `Thứ Ba, 18/03/2025`: Vietnamese weekdays are two words, the second one a common syllable.
  let before = line.slice(0, found.index).replace(VIETNAMESE_WEEKDAY, '');
  for (;;) {
    const trimmed = before.replace(BETWEEN, '');
    // `Τρίτη, 18/03/2025`, `Опубликовано: 18.03.2025`: a weekday or "published" may carry a comma
    // or a colon; any other word before one is a sentence's.
    const word = /(\p{L}+)\s*[,:]?$/u.exec(trimmed);
    if (!word?.[1] || !BEFORE_DATE.has(fold(word[1]))) {
      before = trimmed;
      break;
    }
    before = trimmed.slice(0, word.index);
  }
  return { before, date: found.date };
}
