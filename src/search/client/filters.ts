/**
 * The filters' lists: each value with its count, counted only when the reader is about to
 * open a filter (see countFilter in ../query.ts).
 */
import { LANGS, type Lang } from '../../schemas/langs.ts';
import { LANGUAGE_NAMES } from '../../i18n/ui.ts';
import { routes } from '../../lib/urls.ts';
import { combineFacets, COUNTED_FILTERS, type CountedFilter, type FacetOption, type Facets } from '../facets.ts';
import { countFilter } from '../query.ts';
import type { SearchState } from '../state.ts';
import { cachedJson } from './fetch-cache.ts';
import { loadEngines } from './pagefind.ts';
import { base, selects } from './page.ts';
import { isCurrent, session } from './session.ts';

const labelRequests = new Map<string, Promise<Record<string, string>>>();
/**
 * Topic names for the topic filter, fetched only once it shows topics: a topic chosen, or its
 * values counted. Without them the filter shows slugs rather than fail the search.
 */
function topicLabelsFor(facets: Facets, state: SearchState): Promise<Record<string, string>> {
  if (!state.topic && !facets.topic) return Promise.resolve({});
  return cachedJson(labelRequests, routes.searchTopicLabels()).catch(() => ({}));
}

/**
 * Fills a filter's list. An uncounted filter (its data not loaded: see countFilter) lists only
 * the chosen value, without a count, until the reader opens it.
 */
function setOptions(select: HTMLSelectElement, options: FacetOption[] | null, label: (value: string) => string, chosen: string | undefined): void {
  const first = select.options[0];
  select.replaceChildren(...(first ? [first] : []));
  if (options) for (const option of options) select.add(new Option(`${label(option.value)} (${option.count})`, option.value));
  else if (chosen) select.add(new Option(label(chosen), chosen));
  select.value = chosen ?? '';
}

/** Fills every filter's list with the counts of the search numbered `generation`, unless a newer one started. */
export async function renderFacets(facets: Facets, state: SearchState, generation: number): Promise<void> {
  const topicLabels = await topicLabelsFor(facets, state);
  if (!isCurrent(generation)) return;
  setOptions(selects.lang, facets.lang, (lang) => LANGUAGE_NAMES[lang as Lang].english, state.lang);
  setOptions(selects.topic, facets.topic, (slug) => topicLabels[slug] ?? slug, state.topic);
  setOptions(selects.publisher, facets.publisher, (name) => name, state.publisher);
  setOptions(selects.year, facets.year, (year) => year, state.year);
}

const counting = new Set<CountedFilter>();
/**
 * Counts a filter's values when the reader is about to open it (pointer over it, or focus),
 * rather than loading every filter's data with the first search. A page with no search yet
 * counts the whole archive, so a filter can be picked before typing.
 */
async function countOnOpen(key: CountedFilter): Promise<void> {
  if (counting.has(key) || session.counted.some((outcome) => outcome.filters[key] !== undefined)) return;
  counting.add(key);
  try {
    const state = session.current;
    const generation = session.generation;
    const outcomes = await countFilter(await loadEngines(base, LANGS), key, state);
    if (!isCurrent(generation)) return;
    session.counted = outcomes;
    await renderFacets(combineFacets(outcomes, state), state, generation);
  } finally {
    counting.delete(key);
  }
}

/** Counts each counted filter as the reader comes to it. */
export function countFiltersOnOpen(): void {
  for (const key of COUNTED_FILTERS) {
    for (const type of ['pointerenter', 'focus'] as const) selects[key].addEventListener(type, () => void countOnOpen(key).catch(() => undefined));
  }
}
