import type { EngineOptions, EngineResponse, EngineResult, FilterCounts, SearchEngine } from './query.ts';

/**
 * One language's search over the bundles it is cut into (bundles.ts), answering as one
 * engine, so the rest of the search sees one engine per language whatever the archive's size.
 * Every bundle is asked; by relevance the hits merge by Pagefind's score (equal scores keep
 * the bundles' order), by date they are laid bundle after bundle, newest bundle first, since
 * bundles hold disjoint runs of months and Pagefind sorted each; filter counts add up.
 *
 * Pagefind leaves out a query word that matches no word of its index, rather than finding
 * nothing: a bundle without `nq` answers `18 nq tw` with every page that has `18` and `tw`.
 * One index per language did the same only for a word the whole language lacks. So for a
 * query of several words each bundle is also asked, word by word, whether it has the word (a
 * filter on a key no page has makes Pagefind count the matches and list none, which costs
 * no results and no filter data), and a bundle that lacks a word some other bundle has
 * answers nothing: it then finds exactly what one index of the language would.
 */
export function bundleEngine<R extends EngineResult>(bundles: readonly SearchEngine<R>[]): SearchEngine<R> {
  if (bundles.length === 1) return bundles[0]!;
  return {
    async search(term: string | null, options: EngineOptions): Promise<EngineResponse<R> | null> {
      const sortKeys = Object.keys(options.sort ?? {});
      if (sortKeys.some((key) => key !== 'date')) throw new Error(`the search bundles are cut by date: a sort by ${sortKeys.join(', ')} cannot be joined`);
      const words = term?.split(' ').filter(Boolean) ?? [];
      const [responses, has] = await Promise.all([
        Promise.all(bundles.map((bundle) => bundle.search(term, options))),
        words.length > 1 ? Promise.all(bundles.map((bundle) => Promise.all(words.map(async (word) => ((await bundle.search(word, { filters: NO_PAGE }))?.unfilteredResultCount ?? 0) > 0)))) : undefined,
      ]);
      const inLanguage = words.map((_, word) => has?.some((bundle) => bundle[word]) ?? true);
      const answered = responses.flatMap((response, bundle) => {
        if (response === null) return [];
        const lacks = has !== undefined && inLanguage.some((present, word) => present && !has[bundle]![word]);
        return [lacks ? { results: [], filters: zeroCounts(response.filters) } : response];
      });
      if (answered.length === 0) return null;
      const direction = options.sort?.date;
      const results =
        direction === undefined
          ? answered.flatMap((response) => response.results).sort((a, b) => b.score - a.score)
          : (direction === 'desc' ? [...answered].reverse() : answered).flatMap((response) => response.results);
      return { results, filters: addCounts(answered.map((response) => response.filters)) };
    },
    async preload(term: string, options: EngineOptions): Promise<void> {
      await Promise.all(bundles.map((bundle) => bundle.preload(term, options)));
    },
  };
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
