import { LANGS, type Lang } from '../schemas/article.ts';

/**
 * Articles per month and language of one listing: what its coverage chart draws. Computed in
 * one pass over the listing's own articles when its paths are made (once per build), and
 * carried in the newest page's props, so the page's cache key changes exactly when the chart
 * would: when an article of this listing is added, removed or dated anew.
 */
export interface Coverage {
  /** The first month with a dated article, `YYYY-MM`; absent when none is dated. */
  from?: string;
  /** Per language that has dated articles here (LANGS order), one count per month from `from` on. */
  counts: Partial<Record<Lang, number[]>>;
  /** Articles of the listing without a date: the chart cannot place them, its summary says so. */
  undated: number;
}

/** `2025-03` -> months since year 0, so month keys subtract. */
const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Month index -> `YYYY-MM`. */
export function monthKey(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function coverageOf(articles: Iterable<{ lang: Lang; date?: string | undefined }>): Coverage {
  const byLang = new Map<Lang, Map<number, number>>();
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  for (const { lang, date } of articles) {
    if (date === undefined) {
      undated++;
      continue;
    }
    const month = monthIndex(date);
    first = Math.min(first, month);
    last = Math.max(last, month);
    let months = byLang.get(lang);
    if (!months) byLang.set(lang, (months = new Map()));
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  if (first === Infinity) return { counts: {}, undated };
  const counts: Partial<Record<Lang, number[]>> = {};
  for (const lang of LANGS) {
    const months = byLang.get(lang);
    if (months) counts[lang] = Array.from({ length: last - first + 1 }, (_, i) => months.get(first + i) ?? 0);
  }
  return { from: monthKey(first), counts, undated };
}

/** One month of the chart: its key, each language's count, and their sum. */
export interface CoverageMonth {
  month: string;
  byLang: Partial<Record<Lang, number>>;
  total: number;
}

export interface CoverageFacts {
  /** Every month from the first dated article to the last, with or without articles. */
  months: CoverageMonth[];
  langs: Lang[];
  dated: number;
  undated: number;
  /** The month with the most articles (the earliest of a tie). */
  peak?: CoverageMonth;
}

/** What the chart, its summary and its table read, unpacked from the compact props. */
export function coverageFacts(coverage: Coverage): CoverageFacts {
  const langs = LANGS.filter((lang) => coverage.counts[lang] !== undefined);
  const length = Math.max(0, ...langs.map((lang) => coverage.counts[lang]?.length ?? 0));
  const start = coverage.from === undefined ? 0 : monthIndex(coverage.from);
  const months: CoverageMonth[] = Array.from({ length }, (_, i) => {
    const byLang: Partial<Record<Lang, number>> = {};
    let total = 0;
    for (const lang of langs) {
      const n = coverage.counts[lang]?.[i] ?? 0;
      byLang[lang] = n;
      total += n;
    }
    return { month: monthKey(start + i), byLang, total };
  });
  let peak: CoverageMonth | undefined;
  for (const month of months) if (month.total > (peak?.total ?? 0)) peak = month;
  return { months, langs, dated: months.reduce((sum, m) => sum + m.total, 0), undated: coverage.undated, ...(peak ? { peak } : {}) };
}
