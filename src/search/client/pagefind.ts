import type { Lang } from '../../schemas/article.ts';
import { bundleEngine } from '../bundle-engine.ts';
import { BUNDLES_FILE, type SearchBundle } from '../bundles.ts';
import type { EngineOptions, SearchEngine } from '../query.ts';

/** The part of Pagefind's browser API the search page uses (pagefind.js has no types). */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}

/** One index, made by `createInstance` of Pagefind's module. */
interface PagefindInstance extends SearchEngine<PagefindResult> {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: EngineOptions): Promise<PagefindResponse | null>;
}

interface PagefindModule {
  createInstance(options: { basePath: string }): PagefindInstance;
}

type Engines = Map<Lang, SearchEngine<PagefindResult>>;

// Words of context around the first match in each excerpt.
const EXCERPT_WORDS = 24;

let engines: Promise<Engines> | undefined;

/**
 * Loads the search bundles the build wrote (`pagefind/bundles.json`), only those of the
 * languages given, and answers with one engine per language, in the order given: a language
 * cut into several bundles searches them all as one (bundle-engine.ts). Called on first use
 * (focus of the search box at the earliest), never at page load, so opening the page costs
 * nothing until the reader searches.
 *
 * The bundles are built without a stemmer (terms.ts), so one engine runs them all: its module
 * is imported once, from the first bundle, and `createInstance` opens one index per bundle,
 * all in one shared worker. Importing each bundle's own copy fetched the same 90 KB of
 * JavaScript and 55 KB of WebAssembly once per language.
 *
 * The engines are handed out as soon as the module is in, each waiting for its own index:
 * a search starts in the first bundle while the others are still opening, which on the
 * 10,000-article bench site brought the French answer to a cold `parti` about 100 ms sooner.
 * An index that fails to open fails the searches that need it, and the page says so; a list
 * or module that fails to load is fetched again by the next search.
 *
 * The worker stays, though its script is 42 KB of the first search: run on the page instead
 * (`noWorker`), the first search of the 10,000-article bench site blocked the page for 480 ms
 * in one task, against none of 50 ms or more with it (`npm run measure-search`, five runs).
 */
export function loadEngines(base: string, langs: readonly Lang[]): Promise<Engines> {
  engines ??= (async () => {
    const response = await fetch(`${base}pagefind/${BUNDLES_FILE}`);
    if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
    const listed = (await response.json()) as SearchBundle[];
    // The first bundle listed carries the engine (index-build.ts).
    const engineBundle = listed[0];
    const wanted = listed.filter((bundle) => langs.includes(bundle.lang));
    if (engineBundle === undefined || wanted.length === 0) return new Map();
    const module = (await import(/* @vite-ignore */ `${base}pagefind/${engineBundle.name}/pagefind.js`)) as PagefindModule;
    const open = async (bundle: SearchBundle) => {
      const instance = module.createInstance({ basePath: `${base}pagefind/${bundle.name}/` });
      // Queries arrive folded (see terms.ts), so no accented form may outrank another.
      await instance.options({ excerptLength: EXCERPT_WORDS, ranking: { diacriticSimilarity: 0 } });
      // No filter data yet: a key's data loads when a search filters on it or a reader
      // opens its filter (countFilter in query.ts).
      await instance.init();
      return instance;
    };
    // Every index lives in the one worker, where Pagefind's WebAssembly glue is a single
    // module-wide instance: two indexes instantiating it at once would leave the one set up
    // in between pointing into a memory the glue no longer uses. So the engine's own index
    // instantiates it (an empty preload returns once it is ready) before the others start;
    // they reuse it, and their bundles carry no WebAssembly of their own.
    const first = open(engineBundle).then(async (instance) => {
      await instance.preload('', { filters: {} });
      return instance;
    });
    const opening = new Map(wanted.map((bundle) => [bundle, bundle === engineBundle ? first : first.then(() => open(bundle))]));
    // Handled by the searches that wait for them; unhandled here, they would be reported twice.
    for (const instance of [first, ...opening.values()]) instance.catch(() => undefined);
    return new Map(
      langs.flatMap((lang) => {
        const own = wanted.filter((bundle) => bundle.lang === lang).map((bundle) => whenOpen(opening.get(bundle)!));
        return own.length ? [[lang, bundleEngine(own)] as const] : [];
      }),
    );
  })();
  engines.catch(() => {
    engines = undefined;
  });
  return engines;
}

/** An index's engine that waits, on each call, for the index to have opened. */
function whenOpen(instance: Promise<PagefindInstance>): SearchEngine<PagefindResult> {
  return {
    search: async (term, options) => (await instance).search(term, options),
    preload: async (term, options) => (await instance).preload(term, options),
  };
}
