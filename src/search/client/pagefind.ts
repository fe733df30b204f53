import type { Lang } from '../../schemas/article.ts';
import { bundleEngine } from '../bundle-engine.ts';
import { BUNDLES_FILE, ENGINE_MODULE, pageOfId, SHARED_LANGUAGE, sortOrdersFile, TOMBSTONE_FILTERS_FILE, TOMBSTONES_FILE, type DeadPage, type ListedBundle, type SortOrders } from '../bundles.ts';
import type { EngineOptions, SearchEngine } from '../query.ts';
import { inSortOrder, pagefindPayload, sortOf } from '../sort-order.ts';
import { UNSTEMMED } from '../terms.ts';
import { mayHoldWord } from '../word-scripts.ts';

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
  init(): Promise<void>;
  search(term: string | null, options: EngineOptions): Promise<PagefindResponse | null>;
}

interface PagefindModule {
  createInstance(options: { basePath: string; excerptLength: number; ranking: Record<string, number> }): PagefindInstance;
}

type Engines = Map<Lang, SearchEngine<PagefindResult>>;

// Words of context around the first match in each excerpt.
const EXCERPT_WORDS = 24;

let engines: Promise<Engines> | undefined;
let imported: Promise<PagefindModule> | undefined;
/** The engine's start: the instance that started it, once its WebAssembly runs. */
let engine: Promise<PagefindInstance> | undefined;

/** Pagefind's module, imported once; an import that fails is tried again by the next call. */
function engineModule(base: string): Promise<PagefindModule> {
  if (!imported) {
    const started = import(/* @vite-ignore */ `${base}pagefind/${ENGINE_MODULE}`) as Promise<PagefindModule>;
    imported = started;
    started.catch(() => {
      if (imported === started) imported = undefined;
    });
  }
  return imported;
}

/**
 * Starts Pagefind's engine, its worker and WebAssembly, from the folder of `basePath`, as the
 * instance of that bundle: Pagefind starts its worker from the folder of the first instance
 * made and instantiates its WebAssembly there, and an empty preload returns once it runs.
 * An engine that fails to start is started again by the next bundle opened.
 */
function startFrom(loaded: PagefindModule, basePath: string): Promise<PagefindInstance> {
  const started = create(loaded, basePath, UNSTEMMED).then(async (instance) => {
    await instance.preload('', { filters: {} });
    return instance;
  });
  engine = started;
  started.catch(() => {
    if (engine === started) engine = undefined;
  });
  return started;
}

/**
 * Starts the engine before any search needs it, unless a bundle has started it: the page
 * calls it as it loads, since it exists to search, and the engine does not depend on the
 * language a search will ask, so a search pasted or typed then waits only for its own
 * bundles. It starts from the engine's folder beside the bundles, whose index holds no page
 * (build/engine-files.ts), so a page that never searches loads nothing of any bundle.
 */
export async function startEngine(base: string): Promise<unknown> {
  const loaded = await engineModule(base);
  return engine ?? startFrom(loaded, `${base}pagefind/`);
}

/**
 * Loads the list of search bundles the build wrote (`pagefind/bundles.json`) and Pagefind's
 * module, and answers with one engine per language, in the order given: a language cut into
 * several bundles searches them as one (bundle-engine.ts), and only the languages given are
 * listed.
 *
 * No bundle opens here: each opens when a search or a preload first needs it, and a search
 * needs only the bundles that may hold its words (word-scripts.ts), so a French word loads no
 * Russian or Greek page list (Pagefind loads a bundle's whole page list, about 2.5 bytes a page,
 * before its first answer).
 *
 * The bundles are built without a stemmer (terms.ts), so one engine runs them all: the module
 * is imported once and `createInstance` opens each bundle in one shared worker. Importing each
 * bundle's own copy fetched the same 90 KB of JavaScript and 55 KB of WebAssembly per language.
 * The worker stays, though its script is 42 KB of the first search: run on the page instead
 * (`noWorker`), the first search of the 10,000-article bench site blocked the page for 480 ms
 * in one task, against none of 50 ms or more with it (`npm run measure-search`, five runs).
 * A bundle that fails to open fails the searches that need it, and the page says so; the
 * next search opens it again, as it fetches again a list or module that failed to load.
 */
export function loadEngines(base: string, langs: readonly Lang[]): Promise<Engines> {
  engines ??= (async () => {
    const listing = fetch(`${base}pagefind/${BUNDLES_FILE}`).then((response) => {
      if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
      return response.json() as Promise<ListedBundle[]>;
    });
    const [listed, loaded] = await Promise.all([listing, engineModule(base)]);
    const opener = bundleOpener(base, loaded);
    return new Map(
      langs.flatMap((lang) => {
        const own = listed.filter((bundle) => bundle.lang === lang);
        const bundles = own.map((bundle) => ({
          engine: opener(bundle),
          mayHold: (word: string) => mayHoldWord(word, bundle.lang, bundle.foreign),
          ...(bundle.dead
            ? {
                dead: fetchedOnce(base, bundle, TOMBSTONES_FILE, (ids: string[]) => new Set(ids)),
                deadFilters: fetchedOnce(base, bundle, TOMBSTONE_FILTERS_FILE, (values: Record<string, DeadPage>) => new Map(Object.entries(values))),
              }
            : {}),
          delta: bundle.delta === true,
          pages: bundle.pages,
        }));
        return bundles.length ? [[lang, bundleEngine(bundles)] as const] : [];
      }),
    );
  })();
  engines.catch(() => {
    engines = undefined;
  });
  return engines;
}

/**
 * A JSON file of a bundle's tombstones (build/segments.ts), fetched from its folder when first
 * needed: the ids by the first search that asks the bundle, beside its index, so a search never
 * lists a page an update removed or replaced and loads no other bundle's; their filter values
 * only by a search that drops one of them while counting filter values (bundle-engine.ts). A
 * fetch that fails fails that search; the next one fetches again.
 */
function fetchedOnce<J, T>(base: string, bundle: ListedBundle, file: string, read: (json: J) => T): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      const started = fetch(`${base}pagefind/${bundle.name}/${file}`).then(async (response) => {
        if (!response.ok) throw new Error(`search tombstones of ${bundle.name} (${file}): HTTP ${response.status}`);
        return read((await response.json()) as J);
      });
      loading = started;
      started.catch(() => {
        if (loading === started) loading = undefined;
      });
    }
    return loading;
  };
}

/**
 * An instance of Pagefind for the bundle in `basePath`, made as if the page were in
 * `language`, its index loading.
 */
async function create(loaded: PagefindModule, basePath: string, language: string): Promise<PagefindInstance> {
  // Queries arrive folded (see terms.ts), so no accented form may outrank another. Given
  // here rather than through `options()`, Pagefind's worker applies them as the bundle's
  // index comes in: `options()` is one more message, which its worker answers only once it
  // sees the index ready, checking every 50 ms.
  const instance = asLanguage(language, () => loaded.createInstance({ basePath, excerptLength: EXCERPT_WORDS, ranking: { diacriticSimilarity: 0 } }));
  // No filter data yet: a key's data loads when a search filters on it or a reader
  // opens its filter (countFilter in query.ts).
  await instance.init();
  return instance;
}

/**
 * Engines that open their bundle on first use. Every bundle lives in the one worker, where
 * Pagefind's WebAssembly glue is a single module-wide instance: two instances instantiating
 * it at once would leave the one set up in between pointing into a memory the glue no longer
 * uses. So a bundle opened before the engine runs starts it from its own folder (a search
 * opened from its address, before the page has started it: one round trip sooner than the
 * engine's own index, then the bundle's); any other opens once the engine runs, under its
 * entry's shared language, which names an empty WebAssembly file instead of another copy
 * (build/engine-files.ts).
 *
 * The first bundle a language opens is the smallest its first search there asks
 * (bundle-engine.ts), and every other bundle of that language opens only once that one's index
 * is ready (the page's very first bundle once it has started the engine): the larger bundles'
 * page lists, counts and searches then reach Pagefind's worker, which does one thing at a time,
 * after the smaller one's, whose first screen shows first. Opened all at once on a running
 * engine, the bases' counts and searches held the worker before the delta's check of its word
 * and its fragments: at 98,383 articles a pasted cold `parti` showed its first results in
 * 2,978-4,047 ms against 659-1,312 ms this way, and a next query in another language waited
 * the same way (docs/search.md).
 */
function bundleOpener(base: string, loaded: PagefindModule): (bundle: ListedBundle) => SearchEngine<PagefindResult> {
  /** The page's first bundle: it starts the engine when the engine is not running yet. */
  let first: Promise<PagefindInstance> | undefined;
  /** Each language's first bundle, whose index the language's other bundles wait for. */
  const firstOf = new Map<string, Promise<PagefindInstance>>();
  const open = (bundle: ListedBundle): Promise<PagefindInstance> => {
    const basePath = `${base}pagefind/${bundle.name}/`;
    const gate = firstOf.get(bundle.lang);
    if (gate) return gate.then(() => create(loaded, basePath, SHARED_LANGUAGE));
    const running = first ?? engine;
    const opened = running
      ? running.then(async () => {
          const instance = await create(loaded, basePath, SHARED_LANGUAGE);
          await instance.preload('', { filters: {} });
          return instance;
        })
      : startFrom(loaded, basePath);
    first ??= opened;
    firstOf.set(bundle.lang, opened);
    opened.catch(() => {
      if (first === opened) first = undefined;
      if (firstOf.get(bundle.lang) === opened) firstOf.delete(bundle.lang);
    });
    return opened;
  };
  return (bundle) => {
    let opening: Promise<PagefindInstance> | undefined;
    const instance = () => {
      if (!opening) {
        const started = open(bundle);
        opening = started;
        started.catch(() => {
          if (opening === started) opening = undefined;
        });
      }
      return opening;
    };
    const orders = sortOrders(base, bundle);
    return {
      async search(term, options) {
        const sorted = sortOf(options);
        if (!sorted) return (await instance()).search(term, options);
        const response = await (await instance()).search(term, sorted.unsorted);
        const first = response?.results[0];
        if (!response || !first) return response;
        return inSortOrder(response, (await orders(pageOfId(first.id).version))[sorted.key], sorted.direction);
      },
      preload: async (term, options) => (await instance()).preload(term, options),
    };
  };
}

/**
 * A bundle's sort orders (sort-order.ts), fetched by its first sorted search that finds
 * something: the file sits beside the pages, named by their version, which a result's id
 * gives. A fetch that fails fails that search; the next one fetches again.
 */
function sortOrders(base: string, bundle: ListedBundle): (version: string) => Promise<SortOrders> {
  const loading = new Map<string, Promise<SortOrders>>();
  return (version) => {
    let orders = loading.get(version);
    if (!orders) {
      const file = sortOrdersFile(version);
      const started = fetch(`${base}pagefind/${bundle.name}/${file}`).then(async (response) => {
        if (!response.ok) throw new Error(`search sort orders of ${bundle.name} (${file}): HTTP ${response.status}`);
        return JSON.parse(new TextDecoder().decode(await pagefindPayload(await response.arrayBuffer(), file))) as SortOrders;
      });
      orders = started;
      loading.set(version, started);
      started.catch(() => {
        if (loading.get(version) === started) loading.delete(version);
      });
    }
    return orders;
  };
}

/**
 * Runs `make` as if the page were in `language`. Pagefind's `createInstance` picks an index of
 * the bundle's entry by the page's `<html lang>`, read as the instance is made, whatever
 * language it is given: the attribute is set for that one synchronous call, and put back before
 * anything else can read it.
 */
function asLanguage<T>(language: string, make: () => T): T {
  const html = document.documentElement;
  const own = html.getAttribute('lang');
  html.setAttribute('lang', language);
  try {
    return make();
  } finally {
    if (own === null) html.removeAttribute('lang');
    else html.setAttribute('lang', own);
  }
}
