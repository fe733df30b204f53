import type { Lang } from '../schemas/article.ts';
import type { LanguageOutcome } from './facets.ts';
import { mergeByDate, mergeByRelevance } from './merge.ts';
import { pagefindFilters, type SearchState } from './state.ts';
import { searchTerms } from './terms.ts';

/**
 * One search over every language's index, as plain functions of the engines they are given:
 * which index is asked what, how dated hits are told from undated ones and which languages a
 * language filter keeps. The browser hands in Pagefind (client/pagefind.ts); tests hand in
 * fakes. Nothing here touches the page.
 */

/** Counts per filter value, per filter key, as Pagefind gives them. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface EngineResult {
  id: string;
  score: number;
}

export interface EngineResponse<R extends EngineResult> {
  results: R[];
  filters: FilterCounts;
}

/** A value to keep, or (`none`) values to leave out: `{ none: [] }` keeps every page. */
export type EngineFilter = string | { none: string[] };

export interface EngineOptions {
  filters: Record<string, EngineFilter>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The one call of Pagefind's API a query needs. */
export interface SearchEngine<R extends EngineResult> {
  search(term: string | null, options: EngineOptions): Promise<EngineResponse<R> | null>;
}

export interface Hit<R> {
  lang: Lang;
  score: number;
  result: R;
}

/** Everything one language's index answered. */
export interface LanguageAnswer<R> {
  lang: Lang;
  /** Every hit, most relevant first. */
  relevance: Hit<R>[];
  /** The hits with a date, newest first, when the search lists by date; otherwise empty. */
  dated: Hit<R>[];
  filters: FilterCounts;
}

/** Hands out results a page at a time, whichever order they are in. */
export interface Pager<T> {
  take(count: number): Promise<T[]>;
  readonly done: boolean;
}

/** A search without words has no relevance to rank by (a topic's "search within this"): it lists newest first. */
export function listsByDate(state: SearchState): boolean {
  return state.sort === 'date' || state.q === '';
}

/**
 * Asks one language's index. The query words are stemmed for that language (terms.ts). A
 * search by date asks twice: Pagefind's date-sorted results leave out pages without a date,
 * and the relevance results are still needed to find those and to count.
 */
export async function askLanguage<R extends EngineResult>(lang: Lang, engine: SearchEngine<R>, state: SearchState): Promise<LanguageAnswer<R>> {
  const words = state.q === '' ? null : searchTerms(state.q, lang);
  const filters = pagefindFilters(state);
  const hitsOf = (response: EngineResponse<R> | null): Hit<R>[] =>
    (response?.results ?? []).map((result) => ({ lang, score: result.score, result }));
  const [relevance, dated] = await Promise.all([
    engine.search(words, { filters }),
    listsByDate(state) ? engine.search(words, { filters, sort: { date: 'desc' } }) : Promise.resolve(null),
  ]);
  return { lang, relevance: hitsOf(relevance), dated: hitsOf(dated), filters: relevance?.filters ?? {} };
}

export interface Collated<R> {
  /** Per language, in the order asked: hits and filter counts, whatever the language filter. */
  outcomes: LanguageOutcome[];
  /** Hits in the languages the search keeps. */
  total: number;
  /** Those hits in the search's order. */
  pager: Pager<Hit<R>>;
}

function listPager<T>(items: readonly T[]): Pager<T> {
  let position = 0;
  return {
    get done() {
      return position >= items.length;
    },
    async take(count) {
      const page = items.slice(position, position + count);
      position += page.length;
      return page;
    },
  };
}

/**
 * One list out of every language's answer. Every language is asked, so each can say how many
 * hits it would give; the language filter only picks whose hits are listed. By date, dated
 * hits merge newest first and the undated follow by relevance (an unknown date is not an old
 * one); `dateOf` reads a hit's date, lazily, since it costs a request.
 */
export function collate<R extends EngineResult>(
  answers: readonly LanguageAnswer<R>[],
  state: SearchState,
  dateOf: (hit: Hit<R>) => Promise<string>,
): Collated<R> {
  const outcomes = answers.map(({ lang, relevance, filters }) => ({ lang, count: relevance.length, filters }));
  const kept = answers.filter((answer) => !state.lang || answer.lang === state.lang);
  const ranked = mergeByRelevance(kept.map((answer) => answer.relevance));
  if (!listsByDate(state)) return { outcomes, total: ranked.length, pager: listPager(ranked) };
  const key = (hit: Hit<R>) => `${hit.lang}:${hit.result.id}`;
  const datedKeys = new Set(kept.flatMap((answer) => answer.dated.map(key)));
  const undated = ranked.filter((hit) => !datedKeys.has(key(hit)));
  return { outcomes, total: ranked.length, pager: mergeByDate(kept.map((answer) => answer.dated), undated, dateOf) };
}

/**
 * Counts the values of one more filter key for a search, in every language, when the reader
 * opens that filter. Pagefind counts only the keys whose data it has loaded, and loads a
 * key's data only when a search filters on it, so this filters on the key without leaving
 * anything out (`none` of no value). Once loaded, the key is counted in every later search
 * of the session too; loading every key up front (`filters()`) made each search at 10,000
 * articles count every value of every filter. A search without criteria counts the whole
 * archive.
 */
export async function countFilter<R extends EngineResult>(
  engines: ReadonlyMap<Lang, SearchEngine<R>>,
  key: string,
  state: SearchState,
): Promise<LanguageOutcome[]> {
  const filters = { [key]: { none: [] }, ...pagefindFilters(state) };
  return Promise.all(
    [...engines].map(async ([lang, engine]) => {
      const response = await engine.search(state.q === '' ? null : searchTerms(state.q, lang), { filters });
      return { lang, count: response?.results.length ?? 0, filters: response?.filters ?? {} };
    }),
  );
}

/** Asks every language's index at once, in the order of `engines`, and collates the answers. */
export async function querySearch<R extends EngineResult>(
  engines: ReadonlyMap<Lang, SearchEngine<R>>,
  state: SearchState,
  dateOf: (hit: Hit<R>) => Promise<string>,
): Promise<Collated<R>> {
  const answers = await Promise.all([...engines].map(([lang, engine]) => askLanguage(lang, engine, state)));
  return collate(answers, state, dateOf);
}
