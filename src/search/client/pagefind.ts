import type { Lang } from '../../schemas/article.ts';
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
}

interface PagefindModule extends SearchEngine<PagefindResult> {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options: EngineOptions): Promise<PagefindResponse | null>;
}

export type Engines = Map<Lang, PagefindModule>;

// Words of context around the first match in each excerpt.
const EXCERPT_WORDS = 24;

let engines: Promise<Engines> | undefined;

/**
 * Loads one Pagefind per language, each from its own bundle (`pagefind/<lang>/`): separate
 * copies of pagefind.js, so each keeps its own WebAssembly module and stemmer. Only the
 * languages the build wrote are loaded (`pagefind/languages.json`), in the order given. Called on first use,
 * never at page load, so opening the page costs nothing until the reader searches.
 */
export function loadEngines(base: string, langs: readonly Lang[]): Promise<Engines> {
  engines ??= (async () => {
    const response = await fetch(`${base}pagefind/languages.json`);
    if (!response.ok) throw new Error(`search index list: HTTP ${response.status}`);
    const listed = (await response.json()) as Record<string, number>;
    const loaded = await Promise.all(
      langs.filter((lang) => (listed[lang] ?? 0) > 0).map(async (lang) => {
        const module = (await import(/* @vite-ignore */ `${base}pagefind/${lang}/pagefind.js`)) as PagefindModule;
        // Queries arrive folded (see terms.ts), so no accented form may outrank another.
        await module.options({ excerptLength: EXCERPT_WORDS, ranking: { diacriticSimilarity: 0 } });
        // No filter data yet: a key's data loads when a search filters on it or a reader
        // opens its filter (countFilter in query.ts).
        await module.init();
        return [lang, module] as const;
      }),
    );
    return new Map(loaded);
  })();
  engines.catch(() => {
    engines = undefined;
  });
  return engines;
}
