import type { Lang } from '../schemas/article.ts';
import type { LanguageOutcome } from './facets.ts';
import { mergeByDate, mergeByRelevance } from './merge.ts';
import { pagefindFilters, type SearchState } from './state.ts';
import { searchTerms } from './terms.ts';
import { everyBundleMayHold } from './word-scripts.ts';

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
  /** Where in the page the matched words are, as Pagefind numbers them. */
  words?: readonly number[];
}

export interface EngineResponse<R extends EngineResult> {
  results: R[];
  filters: FilterCounts;
  /** Pages the words match before filters, as Pagefind counts them. */
  unfilteredResultCount?: number;
  /**
   * Of a sorted search over bundles whose dates overlap (a language's bases and its delta,
   * bundle-engine.ts): `results` as lists each in the sort's order, for the caller to merge.
   */
  runs?: R[][];
}

/** A value to keep, or (`none`) values to leave out: `{ none: [] }` keeps every page. */
export type EngineFilter = string | { none: string[] };

export interface EngineOptions {
  filters: Record<string, EngineFilter>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The calls of Pagefind's API a query needs. */
export interface SearchEngine<R extends EngineResult> {
  search(term: string | null, options: EngineOptions): Promise<EngineResponse<R> | null>;
  /** Loads what `search` would need for these words and filters, without searching. */
  preload(term: string, options: EngineOptions): Promise<void>;
  /** For an engine over several indexes (bundle-engine.ts): `search`, an index at a time. */
  searchParts?(term: string | null, options: EngineOptions): PartedSearch<R>;
}

/** A search over several indexes: each index's answer as it comes, and how they join into what `search` answers. */
export interface PartedSearch<R extends EngineResult> {
  parts: Promise<EngineResponse<R> | null>[];
  join(responses: readonly (EngineResponse<R> | null)[]): EngineResponse<R> | null;
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
  /** The hits with a date, in lists each newest first (one, or more from a language with a delta), when the search lists by date; otherwise none. */
  dated: Hit<R>[][];
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
  const runs = dated === null ? [] : (dated.runs ?? [dated.results]);
  return { lang, relevance: hitsOf(relevance), dated: runs.map((run) => hitsOf({ results: run, filters: {} })), filters: relevance?.filters ?? {} };
}

export interface Collated<R> {
  /** Per language, in the order asked: hits and filter counts, whatever the language filter. */
  outcomes: LanguageOutcome[];
  /** Hits in the languages the search keeps. */
  total: number;
  /** Those hits in the search's order, less any already shown as languages answered. */
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
  shown: StableMerge<R> = new StableMerge(0, 0),
): Collated<R> {
  const outcomes = answers.map(({ lang, relevance, filters }) => ({ lang, count: relevance.length, filters }));
  const kept = answers.filter((answer) => !state.lang || answer.lang === state.lang);
  const ranked = mergeByRelevance(kept.map((answer) => answer.relevance));
  if (!listsByDate(state)) return { outcomes, total: ranked.length, pager: listPager(shown.rest(ranked)) };
  const key = (hit: Hit<R>) => `${hit.lang}:${hit.result.id}`;
  const datedKeys = new Set(kept.flatMap((answer) => answer.dated.flat().map(key)));
  const undated = ranked.filter((hit) => !datedKeys.has(key(hit)));
  return { outcomes, total: ranked.length, pager: mergeByDate(kept.flatMap((answer) => answer.dated), undated, dateOf) };
}

/**
 * Opens, from the first letter the reader types, the bundles the search will ask whatever
 * letters follow: every bundle of a language whose script a word is written in, or all of
 * them for a word starting with a digit (word-scripts.ts). Opening starts the engine and
 * loads each bundle's page list, the part of a cold search that does not depend on the words
 * (an empty preload only opens).
 */
export async function openSearch<R extends EngineResult>(engines: ReadonlyMap<Lang, SearchEngine<R>>, state: SearchState): Promise<void> {
  await Promise.all(
    [...engines].map(([lang, engine]) =>
      searchTerms(state.q, lang)
        .split(' ')
        .some((word) => word && everyBundleMayHold(word, lang))
        ? engine.preload('', { filters: {} })
        : undefined,
    ),
  );
}

/**
 * Fetches the index chunks each language will need for the words so far (Pagefind's
 * `preload`), so the search itself finds them loaded. Words of fewer than three letters are
 * left out: their prefixes span many chunks of a large index.
 */
export async function preloadSearch<R extends EngineResult>(engines: ReadonlyMap<Lang, SearchEngine<R>>, state: SearchState): Promise<void> {
  const filters = pagefindFilters(state);
  await Promise.all(
    [...engines].map(([lang, engine]) => {
      const words = searchTerms(state.q, lang)
        .split(' ')
        .filter((word) => [...word].length >= MIN_PRELOAD)
        .join(' ');
      return words ? engine.preload(words, { filters }) : Promise.resolve();
    }),
  );
}

const MIN_PRELOAD = 3;

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

/** The hits of one index, as they arrived: `rank` is its place in the fixed order of every index asked. */
export interface ArrivedPart<R> {
  rank: number;
  hits: Hit<R>[];
}

/**
 * The first screen of a relevance-ordered list, filled as indexes answer (a language, or one
 * of the bundles it is cut into), without ever moving a hit once shown. With k of n indexes
 * in, it shows the best of their hits up to k/n of a page, so one fast index cannot fill the
 * whole screen; the last answer fills the page. Every later hit comes after those shown, in
 * relevance order. What the first screen holds can therefore depend on which index answered
 * first; where a hit is shown, it stays.
 */
export class StableMerge<R> {
  private readonly parts: ArrivedPart<R>[] = [];
  private readonly shown = new Set<Hit<R>>();

  /** `indexes`: how many indexes are listed (n); `pageSize`: hits per first screen. */
  constructor(
    private readonly indexes: number,
    private readonly pageSize: number,
  ) {}

  /** Takes answers in; returns the hits to show now, after those already shown. */
  add(parts: readonly ArrivedPart<R>[]): Hit<R>[] {
    if (this.indexes === 0) return [];
    this.parts.push(...parts);
    // Equal scores go to the index earlier in the fixed order, as in a one-shot merge.
    this.parts.sort((a, b) => a.rank - b.rank);
    const quota = Math.ceil((this.pageSize * this.parts.length) / this.indexes);
    const pending = this.rest(mergeByRelevance(this.parts.map((part) => part.hits)));
    const now = pending.slice(0, Math.max(0, quota - this.shown.size));
    for (const hit of now) this.shown.add(hit);
    return now;
  }

  /** `ranked` less the hits already shown. */
  rest(ranked: readonly Hit<R>[]): Hit<R>[] {
    return ranked.filter((hit) => !this.shown.has(hit));
  }
}

/** How a search shows its hits while languages are still answering (relevance order only). */
export interface Progress<R> {
  /** Hits per first screen. */
  pageSize: number;
  /** Hits to show now, after those already shown, and the listed languages that have answered. */
  show(hits: Hit<R>[], answered: readonly Lang[]): void;
  /**
   * Resolves when answers that arrived together have all arrived: the page waits for its next
   * frame, so languages answering within one frame are shown as one.
   */
  settle(): Promise<void>;
}

/**
 * Asks every language's index at once, in the order of `engines`, and collates the answers.
 * With `progress`, a relevance-ordered search shows hits as indexes answer (StableMerge): a
 * language answers when its last bundle has, but each bundle's hits show as it answers. A
 * newest-first list waits for every language, since a date order shown in parts would be out
 * of order.
 */
export async function querySearch<R extends EngineResult>(
  engines: ReadonlyMap<Lang, SearchEngine<R>>,
  state: SearchState,
  dateOf: (hit: Hit<R>) => Promise<string>,
  progress?: Progress<R>,
): Promise<Collated<R>> {
  if (!progress || listsByDate(state)) {
    const answers = await Promise.all([...engines].map(([lang, engine]) => askLanguage(lang, engine, state)));
    return collate(answers, state, dateOf);
  }
  const filters = pagefindFilters(state);
  const listed = (lang: Lang) => !state.lang || lang === state.lang;
  let indexes = 0;
  const asked = [...engines].map(([lang, engine]) => {
    const words = state.q === '' ? null : searchTerms(state.q, lang);
    const search = engine.searchParts?.(words, { filters }) ?? wholeSearch(engine.search(words, { filters }));
    const first = indexes;
    indexes += search.parts.length;
    return { lang, first, ...search };
  });
  const stable = new StableMerge<R>(asked.reduce((sum, { lang, parts }) => sum + (listed(lang) ? parts.length : 0), 0), progress.pageSize);
  // A language has answered once its last index has; one no index of which was asked, at once.
  const answered = asked.filter(({ parts }) => parts.length === 0).map(({ lang }) => lang);
  const arrived: ArrivedPart<R>[] = [];
  let flushing: Promise<void> | undefined;
  const flush = async () => {
    await progress.settle();
    const hits = stable.add(arrived.splice(0));
    flushing = undefined;
    if (hits.length > 0) progress.show(hits, answered.filter(listed));
  };
  const answers = await Promise.all(
    asked.map(async ({ lang, first, parts, join }) => {
      // One hit per result, whether it shows as its index answers or later in the list.
      const hits = new Map<R, Hit<R>>();
      const hitOf = (result: R): Hit<R> => {
        let hit = hits.get(result);
        if (!hit) hits.set(result, (hit = { lang, score: result.score, result }));
        return hit;
      };
      let waiting = parts.length;
      const responses = await Promise.all(
        parts.map(async (part, index) => {
          const response = await part;
          if ((waiting -= 1) === 0) answered.push(lang);
          if (listed(lang)) {
            arrived.push({ rank: first + index, hits: (response?.results ?? []).map(hitOf) });
            flushing ??= flush();
          }
          return response;
        }),
      );
      const joined = join(responses);
      return { lang, relevance: (joined?.results ?? []).map(hitOf), dated: [], filters: joined?.filters ?? {} };
    }),
  );
  while (flushing) await flushing;
  return collate(answers, state, dateOf, stable);
}

/** An engine over one index as a search in parts: the one part is the whole answer. */
function wholeSearch<R extends EngineResult>(answer: Promise<EngineResponse<R> | null>): PartedSearch<R> {
  return { parts: [answer], join: ([response]) => response ?? null };
}
