import { describe, expect, it } from 'vitest';
import { bundleEngine, type LanguageBundle } from './bundle-engine.ts';
import type { EngineOptions, EngineResponse, SearchEngine } from './query.ts';

interface FakeResult {
  id: string;
  score: number;
  date: string;
}

/** A bundle holding these pages: a search returns them all, as Pagefind orders them. */
function fakeBundle(pages: FakeResult[], filters: EngineResponse<FakeResult>['filters'] = {}): SearchEngine<FakeResult> & { preloaded: string[] } {
  const preloaded: string[] = [];
  return {
    preloaded,
    async search(_term: string | null, options: EngineOptions) {
      const results = options.sort?.date ? [...pages].sort((a, b) => (options.sort?.date === 'desc' ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date))) : [...pages].sort((a, b) => b.score - a.score);
      return { results, filters };
    },
    async preload(term: string) {
      preloaded.push(term);
    },
  };
}

// Bundles hold disjoint runs of months, oldest first (bundles.ts).
const january = fakeBundle([{ id: 'a', score: 2, date: '2024-01-05' }, { id: 'b', score: 9, date: '2024-01-20' }], { topic: { party: 2, army: 1 } });
const march = fakeBundle([{ id: 'c', score: 5, date: '2024-03-02' }, { id: 'd', score: 2, date: '2024-03-28' }], { topic: { party: 1 }, year: { '2024': 2 } });

/** A bundle the page takes to hold any word. */
const any = (engine: SearchEngine<FakeResult>): LanguageBundle<FakeResult> => ({ engine, mayHold: () => true });

/** A bundle's tombstones as the page fetches them: the ids, and apart, their filter values. */
const tombstoned = (values: Record<string, Record<string, string[]>>): Pick<LanguageBundle<FakeResult>, 'dead' | 'deadFilters'> => ({
  dead: async () => new Set(Object.keys(values)),
  deadFilters: async () => new Map(Object.entries(values)),
});

describe('bundleEngine', () => {
  it('merges the bundles’ hits by score, equal scores in the bundles’ order', async () => {
    const response = await bundleEngine([any(january), any(march)]).search('parti', { filters: {} });
    expect(response?.results.map((result) => result.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('lays date-sorted hits bundle after bundle, newest first or oldest first', async () => {
    const engine = bundleEngine([any(january), any(march)]);
    expect((await engine.search('parti', { filters: {}, sort: { date: 'desc' } }))?.results.map((result) => result.id)).toEqual(['d', 'c', 'b', 'a']);
    expect((await engine.search('parti', { filters: {}, sort: { date: 'asc' } }))?.results.map((result) => result.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('adds up the bundles’ filter counts', async () => {
    expect((await bundleEngine([any(january), any(march)]).search(null, { filters: {} }))?.filters).toEqual({ topic: { party: 3, army: 1 }, year: { '2024': 2 } });
  });

  it('finds in a bundle lacking one of the words nothing, as one index of the language would', async () => {
    // Pagefind leaves out a word its index lacks (pagefind_web/src/search.rs): a model of it.
    const pagefindLike = (pages: { id: string; words: string[] }[]): SearchEngine<FakeResult> => ({
      async search(term: string | null, options: EngineOptions) {
        const words = (term ?? '').split(' ').filter(Boolean);
        const known = words.filter((word) => pages.some((page) => page.words.some((w) => w.startsWith(word))));
        const matching = words.length > 0 && known.length === 0 ? [] : pages.filter((page) => known.every((word) => page.words.some((w) => w.startsWith(word))));
        const unknownKey = Object.keys(options.filters).some((key) => key !== 'topic');
        return {
          results: unknownKey ? [] : matching.map((page) => ({ id: page.id, score: 1, date: '' })),
          filters: { topic: { party: unknownKey ? 0 : matching.length } },
          unfilteredResultCount: matching.length,
        };
      },
      async preload() {},
    });
    const older = pagefindLike([{ id: 'old', words: ['18', 'congress'] }]);
    const newer = pagefindLike([{ id: 'ref', words: ['18', 'nq', 'tw'] }, { id: 'other', words: ['18'] }]);
    expect((await older.search('18 nq tw', { filters: {} }))?.results.map((result) => result.id), 'Pagefind alone').toEqual(['old']);
    const engine = bundleEngine([any(older), any(newer)]);
    const found = await engine.search('18 nq tw', { filters: {} });
    expect(found?.results.map((result) => result.id)).toEqual(['ref']);
    expect(found?.filters).toEqual({ topic: { party: 1 } });
    // A word no bundle has is left out everywhere, as one index would leave it out.
    expect((await engine.search('18 zzz', { filters: {} }))?.results.map((result) => result.id).sort()).toEqual(['old', 'other', 'ref']);
    expect((await engine.search('congress', { filters: {} }))?.results.map((result) => result.id)).toEqual(['old']);
  });

  it('refuses a sort the cut by date cannot join', async () => {
    await expect(bundleEngine([any(january), any(march)]).search('parti', { filters: {}, sort: { title: 'asc' } })).rejects.toThrow('sort by title');
  });

  it('preloads every bundle that may hold a word', async () => {
    const [first, second, latin] = [fakeBundle([]), fakeBundle([]), fakeBundle([])];
    await bundleEngine([any(first), any(second), { engine: latin, mayHold: (word) => word === 'nq' }]).preload('parti', { filters: {} });
    expect([first.preloaded, second.preloaded, latin.preloaded]).toEqual([['parti'], ['parti'], []]);
  });

  it('never asks a bundle that cannot hold any of the words, and asks every bundle a search without words', async () => {
    const asked: string[] = [];
    const recording = (name: string, pages: FakeResult[], holds: readonly string[]): LanguageBundle<FakeResult> => {
      const engine = fakeBundle(pages, { topic: { party: pages.length } });
      return {
        engine: { ...engine, search: async (term, options) => (asked.push(`${name} ${term}`), engine.search(term, options)) },
        mayHold: (word) => holds.includes(word),
      };
    };
    const latin = recording('latin', [{ id: 'ref', score: 3, date: '2024-01-01' }], ['nq', 'tw']);
    const cyrillic = recording('cyrillic', [{ id: 'hanoi', score: 1, date: '2024-02-01' }], ['ханой']);
    const engine = bundleEngine([latin, cyrillic]);
    expect((await engine.search('ханой', { filters: {} }))?.results.map((result) => result.id)).toEqual(['hanoi']);
    expect(asked).toEqual(['cyrillic ханой']);
    asked.length = 0;
    // Of several words, the bundle that may hold one is asked; the word check skips the words it cannot hold.
    await engine.search('nq ханой', { filters: {} });
    expect(asked.sort()).toEqual(['cyrillic "ханой"', 'cyrillic nq ханой', 'cyrillic ханой', 'latin "nq"', 'latin nq', 'latin nq ханой']);
    asked.length = 0;
    expect(await engine.search('parti', { filters: { topic: { none: [] } } })).toEqual({ results: [], filters: { topic: {} } });
    expect(asked).toEqual([]);
    expect((await engine.search(null, { filters: {} }))?.results.map((result) => result.id)).toEqual(['ref', 'hanoi']);
    expect(asked).toEqual(['latin null', 'cyrillic null']);
  });

  it('asks the smallest bundle first, and still joins the answers in the bundles’ order', async () => {
    const asked: string[] = [];
    const sized = (name: string, engine: SearchEngine<FakeResult> & { preloaded: string[] }, pages: number): LanguageBundle<FakeResult> => ({
      engine: {
        search: async (term, options) => (asked.push(`${name} search`), engine.search(term, options)),
        preload: async (term, options) => (asked.push(`${name} preload`), engine.preload(term, options)),
      },
      mayHold: () => true,
      pages,
    });
    const delta = fakeBundle([{ id: 'e', score: 7, date: '2024-02-10' }]);
    const engine = bundleEngine([sized('january', january, 30_000), sized('march', march, 12_000), { ...sized('delta', delta, 466), delta: true }]);
    await engine.preload('parti', { filters: {} });
    expect(asked).toEqual(['delta preload', 'march preload', 'january preload']);
    asked.length = 0;
    const response = await engine.search('parti', { filters: {}, sort: { date: 'desc' } });
    expect([...new Set(asked)]).toEqual(['delta search', 'march search', 'january search']);
    expect(response?.results.map((result) => result.id)).toEqual(['d', 'c', 'b', 'a', 'e']);
    expect(response?.runs?.map((run) => run.map((result) => result.id))).toEqual([['d', 'c', 'b', 'a'], ['e']]);
  });

  describe('when a bundle lacks every word that starts with a query word', () => {
    interface Page {
      id: string;
      text: string;
    }
    interface Located extends FakeResult {
      words: number[];
    }
    // Pagefind 1.6 as pagefind_web/src/search.rs has it: a query word finds the index's words
    // that start with it or, when there is none, the longest index word it starts with; a
    // quoted query finds a word exactly; a word matching nothing is left out; a filter on an
    // unknown key lists nothing and still counts; each hit gives the places of its words.
    const pagefind = (pages: Page[]): SearchEngine<Located> => ({
      async search(term: string | null, options: EngineOptions) {
        const exact = /^".+"$/.test(term ?? '');
        const words = (term ?? '').replace(/"/g, '').split(' ').filter(Boolean);
        const keys = new Set(pages.flatMap((page) => page.text.split(' ')));
        const matched = words.map((word) => {
          if (exact) return keys.has(word) ? [word] : [];
          const extensions = [...keys].filter((key) => key.startsWith(word));
          if (extensions.length > 0) return extensions;
          const prefix = [...keys].filter((key) => word.startsWith(key)).sort((a, b) => b.length - a.length)[0];
          return prefix === undefined ? [] : [prefix];
        });
        const asked = matched.filter((found) => found.length > 0);
        const hits = pages.flatMap((page) => {
          const text = page.text.split(' ');
          const places = asked.map((found) => text.flatMap((word, place) => (found.includes(word) ? [place] : [])));
          return words.length > 0 && asked.length > 0 && places.every((list) => list.length > 0) ? [{ id: page.id, score: 1, date: '', words: places.flat().sort((a, b) => a - b) }] : [];
        });
        const unknownKey = Object.keys(options.filters).length > 0;
        return { results: unknownKey ? [] : hits, filters: {}, unfilteredResultCount: hits.length };
      },
      async preload() {},
    });
    const older: Page[] = [{ id: 'old', text: 'resolution 1 nq tw' }, { id: 'older', text: 'article 1 du statut' }];
    const newer: Page[] = [{ id: 'ref', text: '18nqtw 18 nq tw' }, { id: 'other', text: 'le 18 mars' }];
    const cut = bundleEngine<Located>([{ engine: pagefind(older), mayHold: () => true }, { engine: pagefind(newer), mayHold: () => true, delta: true }]);
    const clean = pagefind([...older, ...newer]);
    const ids = async (engine: SearchEngine<Located>, term: string) => (await engine.search(term, { filters: {} }))?.results.map((result) => result.id).sort();

    it('finds nothing there through a shorter word, as one index of the language would', async () => {
      // The model falls back as Pagefind does: alone, the older bundle answers `18` with `1`.
      expect(await ids(pagefind(older), '18'), 'Pagefind alone').toEqual(['old', 'older']);
      for (const term of ['18', '18 nq tw', 'nq tw', '1', 'statut', '18 mars']) expect(await ids(cut, term), term).toEqual(await ids(clean, term));
      expect(await ids(cut, '18 nq tw')).toEqual(['ref']);
    });

    it('keeps the shorter word where no bundle has a word that starts with the query word', async () => {
      // No page has a word starting with `19`: one index answers with `1`, and so do the bundles.
      expect(await ids(clean, '19')).toEqual(['old', 'older']);
      expect(await ids(cut, '19')).toEqual(['old', 'older']);
    });
  });

  describe('with tombstones and a delta', () => {
    interface Page {
      id: string;
      words: string[];
      topics: string[];
      date: string;
    }
    // Pagefind as far as the engine relies on it: words matched as prefixes, a word the index
    // lacks left out, a filter on an unknown key listing nothing, counts over the hits listed.
    const pagefindLike = (pages: Page[]): SearchEngine<FakeResult> => ({
      async search(term: string | null, options: EngineOptions) {
        const words = (term ?? '').split(' ').filter(Boolean);
        const has = (page: Page, word: string) => page.words.some((w) => w.startsWith(word));
        const known = words.filter((word) => pages.some((page) => has(page, word)));
        let matching = words.length > 0 && known.length === 0 ? [] : pages.filter((page) => known.every((word) => has(page, word)));
        const unfilteredResultCount = matching.length;
        const topic = options.filters.topic;
        if (typeof topic === 'string') matching = matching.filter((page) => page.topics.includes(topic));
        if (Object.keys(options.filters).some((key) => key !== 'topic')) matching = [];
        if (options.sort?.date) matching = [...matching].sort((a, b) => (options.sort?.date === 'desc' ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)));
        const counts: Record<string, number> = {};
        for (const page of pages) for (const value of page.topics) counts[value] = 0;
        for (const page of matching) for (const value of page.topics) counts[value] = (counts[value] ?? 0) + 1;
        return { results: matching.map((page) => ({ id: page.id, score: page.words.length, date: page.date })), filters: { topic: counts }, unfilteredResultCount };
      },
      async preload() {},
    });
    const page = (id: string, words: string, topics: string[], date: string): Page => ({ id, words: words.split(' '), topics, date });
    // One language, as a clean build indexes it after the update below…
    const now = [page('a', 'parti congres', ['party'], '2024-01-05'), page('b2', 'parti reforme', ['army'], '2024-01-20'), page('c', 'parti', ['party'], '2024-03-02'), page('n', 'parti nouveau', ['party'], '2024-03-30')];
    // …and as the update left it: b replaced by b2, d removed, n added.
    const january = pagefindLike([page('a', 'parti congres', ['party'], '2024-01-05'), page('b', 'parti greve', ['party'], '2024-01-20')]);
    const march = pagefindLike([page('c', 'parti', ['party'], '2024-03-02'), page('d', 'parti unique', ['army'], '2024-03-10')]);
    const delta = pagefindLike([page('b2', 'parti reforme', ['army'], '2024-01-20'), page('n', 'parti nouveau', ['party'], '2024-03-30')]);
    const segments = bundleEngine<FakeResult>([
      { ...any(january), ...tombstoned({ b: { topic: ['party'] } }) },
      { ...any(march), ...tombstoned({ d: { topic: ['army'] } }) },
      { ...any(delta), delta: true },
    ]);
    const clean = pagefindLike(now);
    const answer = async (engine: SearchEngine<FakeResult>, term: string | null, options: EngineOptions = { filters: {} }) => {
      const response = await engine.search(term, options);
      return { ids: response?.results.map((result) => result.id).sort(), filters: response?.filters };
    };

    it('drops tombstoned hits and takes their values off the counts, as a clean index answers', async () => {
      for (const term of ['parti', null, 'greve', 'unique', 'reforme', 'parti greve', 'parti reforme', 'parti unique congres', 'zzz parti']) {
        expect(await answer(segments, term), String(term)).toEqual(await answer(clean, term));
        expect(await answer(segments, term, { filters: { topic: 'party' } }), `${term} in party`).toEqual(await answer(clean, term, { filters: { topic: 'party' } }));
      }
    });

    it('asks again without a word only tombstoned pages held', async () => {
      // `greve` was only in b: a clean index lacks it and leaves it out of `parti greve`.
      expect((await answer(segments, 'parti greve')).ids).toEqual(['a', 'b2', 'c', 'n']);
    });

    it('gives a delta’s date-sorted hits as a run of their own beside the bases’', async () => {
      const response = await segments.search('parti', { filters: {}, sort: { date: 'desc' } });
      expect(response?.runs?.map((run) => run.map((result) => result.id))).toEqual([['c', 'a'], ['n', 'b2']]);
      expect(response?.results.map((result) => result.id)).toEqual(['c', 'a', 'n', 'b2']);
      // Without hits in the delta, the bases' order alone.
      const only = await segments.search('congres', { filters: {}, sort: { date: 'desc' } });
      expect(only?.runs).toBeUndefined();
      expect(only?.results.map((result) => result.id)).toEqual(['a']);
    });

    it('filters one bundle with tombstones even when it is the language’s only one', async () => {
      const alone = bundleEngine<FakeResult>([{ ...any(january), ...tombstoned({ b: { topic: ['party'] } }) }]);
      expect(await answer(alone, 'parti')).toEqual({ ids: ['a'], filters: { topic: { party: 1 } } });
    });

    it('fetches the tombstones’ filter values only when there are counts to correct', async () => {
      const fetched: string[] = [];
      const dropping = (filters: EngineResponse<FakeResult>['filters']) =>
        bundleEngine<FakeResult>([
          {
            ...any(fakeBundle([{ id: 'a', score: 2, date: '2024-01-05' }, { id: 'b', score: 9, date: '2024-01-20' }], filters)),
            dead: async () => new Set(['b']),
            deadFilters: async () => (fetched.push('values'), new Map([['b', { topic: ['party'] }]])),
          },
        ]);
      // No filter data loaded: Pagefind counts nothing, and the hit is dropped all the same.
      expect(await answer(dropping({}), 'parti')).toEqual({ ids: ['a'], filters: {} });
      expect(fetched).toEqual([]);
      expect(await answer(dropping({ topic: { party: 2 } }), 'parti')).toEqual({ ids: ['a'], filters: { topic: { party: 1 } } });
      expect(fetched).toEqual(['values']);
    });
  });
});
