/**
 * The search on screen. Each search gets a number; a slower, older search that finishes late
 * must not overwrite a newer one, so every step that waits checks it still has the newest.
 */
import { LANGS } from '../../schemas/langs.ts';
import type { LanguageOutcome } from '../facets.ts';
import type { Hit as QueryHit, Pager } from '../query.ts';
import { parseSearchState, type SearchState } from '../state.ts';
import type { PagefindResult } from './pagefind.ts';

export type Hit = QueryHit<PagefindResult>;

export const session = {
  generation: 0,
  /** The rest of the search's list, once every language has answered. */
  pager: undefined as Pager<Hit> | undefined,
  total: 0,
  /** The search last asked for, and what the indexes counted for it once answered: a filter opened is counted for that search. */
  current: parseSearchState(new URLSearchParams(), LANGS) as SearchState,
  counted: [] as LanguageOutcome[],
};

/** Starts a search: the number its steps check with `isCurrent`. */
export function startSearch(state: SearchState): number {
  session.generation += 1;
  session.pager = undefined;
  session.current = state;
  session.counted = [];
  return session.generation;
}

export const isCurrent = (generation: number): boolean => generation === session.generation;
