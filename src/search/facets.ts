import type { Lang } from '../schemas/article.ts';
import type { SearchState } from './state.ts';
import { compareStrings } from '../lib/sort.ts';

/** What one language's index answered: how many hits, and Pagefind's filter counts over them. */
export interface LanguageOutcome {
  lang: Lang;
  count: number;
  filters: Record<string, Record<string, number>>;
}

export interface FacetOption {
  value: string;
  count: number;
}

/** The filters counted from Pagefind's filter data; the language is counted from each language's own index. */
export const COUNTED_FILTERS = ['topic', 'publisher', 'year'] as const;
export type CountedFilter = (typeof COUNTED_FILTERS)[number];

/** Options per filter; `null` for a filter whose values are not counted (yet): its data is not loaded. */
export type Facets = { lang: FacetOption[] } & Record<CountedFilter, FacetOption[] | null>;

/**
 * The counts shown beside each filter value. Every language is always searched, so the
 * language facet can say how many hits each language would give under the other filters;
 * the other facets count only the hits of the chosen language, if one is chosen. Languages
 * are listed in the order of `outcomes`. A filter is counted once its data is loaded in the
 * indexes (they load alike, so any outcome that has the key says so). A chosen value stays
 * listed even at zero, so the reader can see and undo it.
 */
export function combineFacets(outcomes: readonly LanguageOutcome[], state: SearchState): Facets {
  const counted = outcomes.filter((outcome) => !state.lang || outcome.lang === state.lang);
  const sum = (key: CountedFilter): Map<string, number> | null => {
    if (!outcomes.some((outcome) => outcome.filters[key] !== undefined)) return null;
    const totals = new Map<string, number>();
    for (const outcome of counted) {
      for (const [value, count] of Object.entries(outcome.filters[key] ?? {})) {
        if (count > 0) totals.set(value, (totals.get(value) ?? 0) + count);
      }
    }
    const chosen = state[key];
    if (chosen !== undefined && !totals.has(chosen)) totals.set(chosen, 0);
    return totals;
  };
  const byCount = (totals: Map<string, number> | null): FacetOption[] | null =>
    totals &&
    [...totals]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || compareStrings(a.value, b.value));
  const byYear = (totals: Map<string, number> | null): FacetOption[] | null =>
    totals && [...totals].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? 1 : -1));
  return {
    lang: outcomes.map((outcome) => ({ value: outcome.lang, count: outcome.count })),
    topic: byCount(sum('topic')),
    publisher: byCount(sum('publisher')),
    year: byYear(sum('year')),
  };
}
