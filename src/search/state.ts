import { SLUG, type Lang } from '../schemas/langs.ts';

/**
 * Everything a search is, as it lives in the URL (`/search/?q=…&lang=…&topic=…`), so a
 * search can be linked, bookmarked and walked back with the browser's back button.
 */
export interface SearchState {
  q: string;
  lang?: Lang;
  topic?: string;
  publisher?: string;
  year?: string;
  sort: SortOrder;
}

const SORT_ORDERS = ['relevance', 'date'] as const;
type SortOrder = (typeof SORT_ORDERS)[number];

const FILTER_KEYS = ['lang', 'topic', 'publisher', 'year'] as const;

const isSort = (value: string): value is SortOrder => (SORT_ORDERS as readonly string[]).includes(value);
const YEAR = /^\d{4}$/;

/**
 * Reads a search from a query string. Values that cannot be valid (an unknown language, a
 * malformed year or slug) are dropped rather than searched for: a hand-edited or stale link
 * still opens a working search. `langs` are the archive's languages (passed in, so this
 * module stays free of the zod schemas and light enough for the browser).
 */
export function parseSearchState(params: URLSearchParams, langs: readonly Lang[]): SearchState {
  const state: SearchState = { q: (params.get('q') ?? '').trim(), sort: 'relevance' };
  const lang = params.get('lang');
  const known = langs.find((candidate) => candidate === lang);
  if (known) state.lang = known;
  const topic = params.get('topic');
  if (topic && SLUG.test(topic)) state.topic = topic;
  const publisher = params.get('publisher')?.trim();
  if (publisher) state.publisher = publisher;
  const year = params.get('year');
  if (year && YEAR.test(year)) state.year = year;
  const sort = params.get('sort');
  if (sort && isSort(sort)) state.sort = sort;
  return state;
}

/** The query string for a search, in a fixed order and without defaults, so equal searches share one URL. */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A search worth running: words to look for, or at least one filter to list. */
export function hasCriteria(state: SearchState): boolean {
  return state.q !== '' || FILTER_KEYS.some((key) => state[key] !== undefined);
}

/** The Pagefind filters of a search; the language is not one: it picks which indexes run. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.topic) filters.topic = state.topic;
  if (state.publisher) filters.publisher = state.publisher;
  if (state.year) filters.year = state.year;
  return filters;
}
