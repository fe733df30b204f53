import type { EngineOptions, EngineResponse, EngineResult, FilterCounts, PartedSearch, SearchEngine } from './query.ts';

/** One bundle of a language: its engine, and whether it may hold a query word (word-scripts.ts). */
export interface LanguageBundle<R extends EngineResult> {
  engine: SearchEngine<R>;
  mayHold(word: string): boolean;
}

/**
 * One language's search over the bundles it is cut into (bundles.ts), answering as one
 * engine, so the rest of the search sees one engine per language whatever the archive's size.
 * A bundle that cannot hold any of the query's words (a Russian bundle asked `parti`:
 * word-scripts.ts) is not asked, nor loaded: it would have found nothing. Every other bundle
 * is asked; by relevance the hits merge by Pagefind's score (equal scores keep the bundles'
 * order), by date they are laid bundle after bundle, newest bundle first, since bundles hold
 * disjoint runs of months and Pagefind sorted each; filter counts add up. A language no
 * bundle of which can answer finds nothing, and counts nothing under the filters asked.
 * `searchParts` hands out each bundle's answer as it comes, so the page can show a bundle's
 * hits before the others have answered.
 *
 * Pagefind leaves out a query word that matches no word of its index, rather than finding
 * nothing: a bundle without `nq` answers `18 nq tw` with every page that has `18` and `tw`.
 * One index per language did the same only for a word the whole language lacks. So for a
 * query of several words each bundle asked is also asked, word by word, whether it has the
 * word (a filter on a key no page has makes Pagefind count the matches and list none, which
 * costs no results and no filter data; a word the bundle cannot hold it lacks without being
 * asked), and a bundle that lacks a word some other bundle has answers nothing: it then finds
 * exactly what one index of the language would.
 */
export function bundleEngine<R extends EngineResult>(bundles: readonly LanguageBundle<R>[]): SearchEngine<R> {
  const askedFor = (words: readonly string[]) => (words.length === 0 ? bundles : bundles.filter((bundle) => words.some((word) => bundle.mayHold(word))));
  const searchParts = (term: string | null, options: EngineOptions): PartedSearch<R> => {
    const words = term?.split(' ').filter(Boolean) ?? [];
    const asked = askedFor(words);
    const join = (responses: readonly (EngineResponse<R> | null)[]) => joinAnswers(responses, options);
    if (asked.length <= 1) return { parts: asked.map((bundle) => bundle.engine.search(term, options)), join };
    const sortKeys = Object.keys(options.sort ?? {});
    if (sortKeys.some((key) => key !== 'date')) throw new Error(`the search bundles are cut by date: a sort by ${sortKeys.join(', ')} cannot be joined`);
    const holds = async (bundle: LanguageBundle<R>, word: string) =>
      bundle.mayHold(word) && ((await bundle.engine.search(word, { filters: NO_PAGE }))?.unfilteredResultCount ?? 0) > 0;
    const has = words.length > 1 ? Promise.all(asked.map((bundle) => Promise.all(words.map((word) => holds(bundle, word))))) : undefined;
    // Each bundle's answer is final once every bundle has said which words it has.
    const parts = asked.map(async (bundle, index) => {
      const [response, present] = await Promise.all([bundle.engine.search(term, options), has]);
      if (response === null || present === undefined) return response;
      const lacks = words.some((_, word) => present.some((other) => other[word]) && !present[index]![word]);
      return lacks ? { results: [], filters: zeroCounts(response.filters) } : response;
    });
    return { parts, join };
  };
  return {
    searchParts,
    async search(term: string | null, options: EngineOptions): Promise<EngineResponse<R> | null> {
      const { parts, join } = searchParts(term, options);
      return join(await Promise.all(parts));
    },
    async preload(term: string, options: EngineOptions): Promise<void> {
      await Promise.all(askedFor(term.split(' ').filter(Boolean)).map((bundle) => bundle.engine.preload(term, options)));
    },
  };
}

/**
 * The bundles' answers as one: by relevance, hits merged by score (equal scores keep the
 * bundles' order); by date, bundle after bundle; filter counts added up. No bundle asked finds
 * nothing, and counts nothing under the filters asked.
 */
function joinAnswers<R extends EngineResult>(responses: readonly (EngineResponse<R> | null)[], options: EngineOptions): EngineResponse<R> | null {
  if (responses.length === 0) return { results: [], filters: Object.fromEntries(Object.keys(options.filters).map((key) => [key, {}])) };
  const answered = responses.filter((response) => response !== null);
  if (answered.length <= 1) return answered[0] ?? null;
  const direction = options.sort?.date;
  const results =
    direction === undefined
      ? answered.flatMap((response) => response.results).sort((a, b) => b.score - a.score)
      : (direction === 'desc' ? [...answered].reverse() : answered).flatMap((response) => response.results);
  return { results, filters: addCounts(answered.map((response) => response.filters)) };
}

/** A filter on a key no page carries: Pagefind lists no page, and still counts the word's. */
const NO_PAGE: EngineOptions['filters'] = { '(no page)': '' };

const zeroCounts = (counts: FilterCounts): FilterCounts =>
  Object.fromEntries(Object.entries(counts).map(([key, values]) => [key, Object.fromEntries(Object.keys(values).map((value) => [value, 0]))]));

function addCounts(all: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of all) {
    for (const [key, values] of Object.entries(counts)) {
      const into = (sum[key] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
