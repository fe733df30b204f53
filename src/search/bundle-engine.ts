import type { DeadPage } from './bundles.ts';
import type { EngineOptions, EngineResponse, EngineResult, FilterCounts, PartedSearch, SearchEngine } from './query.ts';

/** One bundle of a language, as the page opened it (bundles.ts). */
export interface LanguageBundle<R extends EngineResult> {
  engine: SearchEngine<R>;
  /** Whether it may hold a query word (word-scripts.ts). */
  mayHold(word: string): boolean;
  /** Its tombstoned pages' Pagefind ids (removed, or superseded by the delta), fetched on first use; absent when it has none. */
  dead?: () => Promise<ReadonlySet<string>>;
  /** Their filter values, fetched only when a search drops one of them and counts filter values. */
  deadFilters?: () => Promise<ReadonlyMap<string, DeadPage>>;
  /** A delta holds pages of any month; the bases hold disjoint runs of months, oldest first. */
  delta?: boolean;
  /** How many pages it holds: the bundles asked are asked smallest first (see `smallestFirst`). */
  pages?: number;
}

/**
 * Calls `each` for every bundle, the smallest first, and gives the answers in the bundles'
 * order. The first bundle asked is the first the page opens, and every other opens once its
 * index is ready (client/pagefind.ts); opening means loading the bundle's whole page list.
 * Opened first, a 466-page delta lets the others open after 2 KiB, where a 30,000-page base
 * made them wait for 74 KiB (build/page-list.ts); and it answers first, so the first results
 * show sooner.
 */
function smallestFirst<R extends EngineResult, T>(bundles: readonly LanguageBundle<R>[], each: (bundle: LanguageBundle<R>, index: number) => T): T[] {
  const answers = new Array<T>(bundles.length);
  const order = bundles.map((_, index) => index).sort((a, b) => (bundles[a]!.pages ?? 0) - (bundles[b]!.pages ?? 0));
  for (const index of order) answers[index] = each(bundles[index]!, index);
  return answers;
}

/**
 * Whether a bundle holds a word: in a page that counts, only in tombstoned pages, only as a
 * shorter word Pagefind falls back to (`shorter`, below), or not at all.
 */
type Holds = 'live' | 'dead' | 'shorter' | 'none';

/**
 * One language's search over the bundles it is cut into (bundles.ts, build/segments.ts),
 * answering as one engine, so the rest of the search sees one engine per language whatever
 * the archive's size and history. A bundle that cannot hold any of the query's words (a
 * Russian bundle asked `parti`: word-scripts.ts) is not asked, nor loaded: it would have
 * found nothing. Every other bundle is asked; a tombstoned hit is dropped by its id, before
 * any fragment is fetched, and the filter values the tombstone lists are taken off the counts
 * (Pagefind counts a value over the hits it returns, so the dead hit counted once for each of
 * its values). By relevance the hits merge by Pagefind's score (equal scores keep the
 * bundles' order). By date the bases' hits are laid bundle after bundle, newest bundle first,
 * since bases hold disjoint runs of months and Pagefind sorted each; a delta's hits can fall
 * anywhere among them, so they come as a second run (`runs`), which the caller merges by date
 * as it merges languages. Filter counts add up. A language no bundle of which can answer finds
 * nothing, and counts nothing under the filters asked. `searchParts` hands out each bundle's
 * answer as it comes, so the page can show a bundle's hits before the others have answered.
 *
 * Pagefind leaves out a query word that matches no word of its index, rather than finding
 * nothing: a bundle without `nq` answers `18 nq tw` with every page that has `18` and `tw`.
 * One index per language did the same only for a word the whole language lacks. So for a
 * query of several words each bundle asked is also asked, word by word, whether it has the
 * word (a filter on a key no page has makes Pagefind count the matches and list none, which
 * costs no results and no filter data; a word the bundle cannot hold it lacks without being
 * asked), and a bundle that lacks a word some other bundle has answers nothing: it then finds
 * exactly what one index of the language would. A word held only by tombstoned pages is one
 * the language no longer has: a bundle holding it is asked again without it, as a clean
 * index, which never had the word, would have answered.
 *
 * Pagefind also answers a query word that no word of its index starts with by the longest
 * index word that the query word starts with (`find_word_extensions` in pagefind_web): a
 * bundle holding `1` but no word starting with `18` answers `18` with every page holding `1`.
 * One index of the language has the `18…` words and never falls back. So a bundle found to
 * hold a word only that way (`shorter`, see fallsBack) answers nothing when another bundle of
 * the language holds a word starting with it; where none does, one index would fall back too,
 * and the bundle's answer stands. This check runs for a single word too, once the language
 * asks more than one bundle.
 */
export function bundleEngine<R extends EngineResult>(bundles: readonly LanguageBundle<R>[]): SearchEngine<R> {
  const askedFor = (words: readonly string[]) => (words.length === 0 ? bundles : bundles.filter((bundle) => words.some((word) => bundle.mayHold(word))));
  const searchParts = (term: string | null, options: EngineOptions): PartedSearch<R> => {
    const words = term?.split(' ').filter(Boolean) ?? [];
    const asked = askedFor(words);
    const join = (responses: readonly (EngineResponse<R> | null)[]) => joinAnswers(responses, asked, options);
    if (asked.length === 0 || (asked.length === 1 && !asked[0]!.dead)) return { parts: asked.map((bundle) => bundle.engine.search(term, options)), join };
    const sortKeys = Object.keys(options.sort ?? {});
    if (sortKeys.some((key) => key !== 'date')) throw new Error(`the search bundles are cut by date: a sort by ${sortKeys.join(', ')} cannot be joined`);
    const deads = asked.map((bundle) => bundle.dead?.());
    const owns = words.length > 1 || asked.length > 1 ? smallestFirst(asked, (bundle, index) => Promise.all(words.map((word) => holdsWord(bundle, deads[index], word)))) : undefined;
    const holds = owns && Promise.all(owns);
    // A bundle holding every word itself answers as one index would; any other answer is
    // final once every bundle has said which words it has.
    const parts = smallestFirst(asked, async (bundle, index): Promise<EngineResponse<R> | null> => {
      const [response, own, dead] = await Promise.all([bundle.engine.search(term, options), owns?.[index], deads[index]]);
      if (response === null || own === undefined || own.every((holding) => holding === 'live')) return response && live(response, dead, bundle.deadFilters);
      const held = (await holds)!;
      if (words.some((_, word) => held.some((other) => other[word] === 'live') && own[word] !== 'live')) return { results: [], filters: zeroCounts(response.filters) };
      if (!own.includes('dead')) return live(response, dead, bundle.deadFilters);
      const rest = words.filter((_, word) => own[word] !== 'dead');
      if (rest.length === 0) return { results: [], filters: zeroCounts(response.filters) };
      const again = await bundle.engine.search(rest.join(' '), options);
      return again && live(again, dead, bundle.deadFilters);
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
      await Promise.all(smallestFirst(askedFor(term.split(' ').filter(Boolean)), (bundle) => bundle.engine.preload(term, options)));
    },
  };
}

/**
 * The bundles' answers (one per bundle asked, in order) as one: by relevance, hits merged by
 * score (equal scores keep the bundles' order); by date, the bases bundle after bundle and a
 * delta's hits as a run of their own; filter counts added up. No bundle asked finds nothing,
 * and counts nothing under the filters asked.
 */
function joinAnswers<R extends EngineResult>(responses: readonly (EngineResponse<R> | null)[], asked: readonly LanguageBundle<R>[], options: EngineOptions): EngineResponse<R> | null {
  if (responses.length === 0) return { results: [], filters: Object.fromEntries(Object.keys(options.filters).map((key) => [key, {}])) };
  const answered = responses.flatMap((response, index) => (response === null ? [] : [{ response, delta: asked[index]?.delta === true }]));
  if (answered.length <= 1) return answered[0]?.response ?? null;
  const filters = addCounts(answered.map(({ response }) => response.filters));
  const direction = options.sort?.date;
  if (direction === undefined) return { results: answered.flatMap(({ response }) => response.results).sort((a, b) => b.score - a.score), filters };
  const bases = answered.filter(({ delta }) => !delta);
  const byDate = (direction === 'desc' ? [...bases].reverse() : bases).flatMap(({ response }) => response.results);
  const delta = answered.filter(({ delta }) => delta).flatMap(({ response }) => response.results);
  if (delta.length === 0) return { results: byDate, filters };
  return { results: [...byDate, ...delta], runs: [byDate, delta], filters };
}

/** A filter on a key no page carries: Pagefind lists no page, and still counts the word's. */
const NO_PAGE: EngineOptions['filters'] = { '(no page)': '' };

/**
 * Whether a bundle holds a word in a page that is not tombstoned. Counting the word's pages
 * costs no results; only a bundle with no more of them than tombstones lists them to look.
 */
async function holdsWord<R extends EngineResult>(bundle: LanguageBundle<R>, tombstones: Promise<ReadonlySet<string>> | undefined, word: string): Promise<Holds> {
  if (!bundle.mayHold(word)) return 'none';
  // The exact count fallsBack reads first is asked beside the word's own, not after it: each
  // answer waits its turn in Pagefind's one worker, behind any larger bundle's search.
  const [count, exact] = await Promise.all([pagesOf(bundle, word), pagesOf(bundle, `"${word}"`)]);
  if (count === 0) return 'none';
  if (await fallsBack(bundle, word, count, exact)) return 'shorter';
  const dead = await tombstones;
  if (!dead?.size || count > dead.size) return 'live';
  const all = await bundle.engine.search(word, { filters: {} });
  return all?.results.some((result) => !dead.has(result.id)) ? 'live' : 'dead';
}

/** How many pages Pagefind finds for a term: it counts them, and lists none under a filter no page has. */
const pagesOf = async <R extends EngineResult>(bundle: LanguageBundle<R>, term: string): Promise<number> => (await bundle.engine.search(term, { filters: NO_PAGE }))?.unfilteredResultCount ?? 0;

/**
 * A character no indexed word holds: the word followed by it is one no index word starts
 * with, and sorts right after the word, in the same index chunk unless the chunk ends with
 * the word.
 */
const BEYOND = '\u0000';

/**
 * Whether a bundle that finds `count` pages for a word finds them only through a shorter
 * word (Pagefind's fallback, above), told by Pagefind itself, from the chunks it already
 * loaded for the word. The word followed by BEYOND is one no index word starts with, so
 * Pagefind answers it with the longest index word it starts with: the word itself when it is
 * in the index, else the same shorter word the word alone falls back to. So when the word
 * has words starting with it, the two answers differ unless these are the word alone and it
 * is in the index (a quoted search finds an index word exactly), or the pages of the longer
 * words happen to be as many as the shorter word's; then the two lists tell, as the places of
 * the matched words in a page differ: a place holds one word.
 */
async function fallsBack<R extends EngineResult>(bundle: LanguageBundle<R>, word: string, count: number, exact: number): Promise<boolean> {
  // A word of the index (`exact` pages found by a quoted search) is told first: the word
  // followed by BEYOND sorts past the chunk that ends with the word, and Pagefind would fetch
  // others to look.
  if (exact > 0) return false;
  const beyond = `${word}${BEYOND}`;
  if ((await pagesOf(bundle, beyond)) !== count) return false;
  const [own, shorter] = await Promise.all([bundle.engine.search(word, { filters: {} }), bundle.engine.search(beyond, { filters: {} })]);
  const first = own?.results[0];
  const same = shorter?.results.find((result) => result.id === first?.id);
  return first !== undefined && same !== undefined && String(first.words) === String(same.words);
}

/**
 * A response less its tombstoned hits, its filter counts less their values. Pagefind counts
 * only the filter keys whose data it has loaded (none until a reader is about to open a
 * filter: query.ts), so the tombstones' values are fetched only when there are counts to
 * correct.
 */
async function live<R extends EngineResult>(
  response: EngineResponse<R>,
  dead: ReadonlySet<string> | undefined,
  deadFilters: LanguageBundle<R>['deadFilters'],
): Promise<EngineResponse<R>> {
  if (!dead?.size) return response;
  const dropped = response.results.filter((result) => dead.has(result.id));
  if (dropped.length === 0) return response;
  const results = response.results.filter((result) => !dead.has(result.id));
  if (!Object.values(response.filters).some((values) => Object.keys(values).length > 0)) return { ...response, results };
  if (!deadFilters) throw new Error('a bundle with tombstones but not their filter values');
  const deadValues = await deadFilters();
  const filters: FilterCounts = Object.fromEntries(Object.entries(response.filters).map(([key, values]) => [key, { ...values }]));
  for (const result of dropped) {
    for (const [key, list] of Object.entries(deadValues.get(result.id) ?? {})) {
      const counts = filters[key];
      if (counts) for (const value of list) if (counts[value] !== undefined) counts[value] -= 1;
    }
  }
  return { ...response, results, filters };
}

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
