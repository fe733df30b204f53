import { describe, expect, it } from 'vitest';
import { bundleEngine } from './bundle-engine.ts';
import type { Lang } from '../schemas/article.ts';
import { collate, countFilter, openSearch, preloadSearch, querySearch, StableMerge, type ArrivedPart, type EngineFilter, type EngineOptions, type EngineResponse, type FilterCounts, type Hit, type SearchEngine } from './query.ts';
import type { SearchState } from './state.ts';

interface Doc {
  id: string;
  words: string[];
  score: number;
  date?: string;
  topic?: string;
  year?: string;
}

interface FakeResult {
  id: string;
  score: number;
  date?: string;
}

/**
 * An index that behaves as Pagefind does where the search relies on it: words (stored folded,
 * as Pagefind stores them) match by
 * prefix and all must match, a date sort leaves out the undated, and filter values are
 * counted over the results, for the keys whose data is loaded only (a search loads the keys
 * it filters on).
 */
function matches(value: string | undefined, filter: EngineFilter): boolean {
  return typeof filter === 'string' ? value === filter : !(value !== undefined && filter.none.includes(value));
}

class FakeEngine implements SearchEngine<FakeResult> {
  readonly asked: { term: string | null; options: EngineOptions }[] = [];
  readonly preloaded: string[] = [];
  readonly loaded = new Set<string>();

  constructor(private readonly docs: Doc[]) {}

  async preload(term: string, options: EngineOptions): Promise<void> {
    this.preloaded.push(term);
    for (const key of Object.keys(options.filters)) this.loaded.add(key);
  }

  async search(term: string | null, options: EngineOptions): Promise<EngineResponse<FakeResult>> {
    this.asked.push({ term, options });
    for (const key of Object.keys(options.filters)) this.loaded.add(key);
    const terms = term === null ? [] : term.split(' ');
    // As Pagefind: a quoted word is found exactly, any other as a prefix, and the pages the
    // words find are counted before the filters.
    const finds = (t: string) => (word: string) => (/^".*"$/.test(t) ? word === t.slice(1, -1) : word.startsWith(t));
    const found = this.docs.filter((doc) => terms.every((t) => doc.words.some(finds(t))));
    let docs = found.filter((doc) => Object.entries(options.filters).every(([key, filter]) => matches(doc[key as 'topic' | 'year'], filter)));
    const filters: FilterCounts = {};
    for (const key of this.loaded) {
      filters[key] = {};
      for (const doc of docs) {
        const value = doc[key as 'topic' | 'year'];
        if (value) filters[key]![value] = (filters[key]![value] ?? 0) + 1;
      }
    }
    if (options.sort?.date === 'desc') docs = docs.filter((doc) => doc.date).sort((a, b) => (a.date! < b.date! ? 1 : -1));
    else docs = [...docs].sort((a, b) => b.score - a.score);
    return { results: docs.map(({ id, score, date }) => (date ? { id, score, date } : { id, score })), filters, unfilteredResultCount: found.length };
  }
}

const dateOf = async (hit: Hit<FakeResult>) => hit.result.date ?? '';
const ids = (hits: Hit<FakeResult>[]) => hits.map((hit) => `${hit.lang}:${hit.result.id}`);
const state = (fields: Partial<SearchState>): SearchState => ({ q: '', sort: 'relevance', ...fields });

function engines(): Map<Lang, FakeEngine> {
  return new Map<Lang, FakeEngine>([
    [
      'fr',
      new FakeEngine([
        { id: 'f1', words: ['parti', 'congres'], score: 3, date: '2025-01-10', topic: 'congress', year: '2025' },
        { id: 'f2', words: ['partis'], score: 1, topic: 'hanoi' },
        { id: 'f3', words: ['hanoi'], score: 2, date: '2024-05-01', topic: 'hanoi', year: '2024' },
      ]),
    ],
    [
      'ru',
      new FakeEngine([
        { id: 'r1', words: ['партииныи', 'съезд'], score: 2.5, date: '2025-03-01', topic: 'congress', year: '2025' },
        { id: 'r2', words: ['партииных'], score: 0.5, date: '2023-02-02', topic: 'hanoi', year: '2023' },
      ]),
    ],
    ['el', new FakeEngine([{ id: 'e1', words: ['κομμα'], score: 4, date: '2024-12-31', topic: 'congress', year: '2024' }])],
  ]);
}

describe('querySearch', () => {
  it('asks every language with its own stemmed words and merges by relevance', async () => {
    const fakes = engines();
    const { outcomes, total, pager } = await querySearch(fakes, state({ q: 'партийной' }), dateOf);
    // Stemmed with й intact, then folded as Pagefind folds what it indexes: the prefix of both forms.
    expect(fakes.get('ru')!.asked.map((a) => a.term)).toEqual(['партиин']);
    expect(total).toBe(2);
    expect(ids(await pager.take(20))).toEqual(['ru:r1', 'ru:r2']);
    expect(outcomes.map((o) => [o.lang, o.count])).toEqual([
      ['fr', 0],
      ['ru', 2],
      ['el', 0],
    ]);
    expect(pager.done).toBe(true);
  });

  it('relevance interleaves languages by score, a page at a time', async () => {
    const fakes = engines();
    fakes.set('el', new FakeEngine([{ id: 'e1', words: ['parti'], score: 2.8 }]));
    const { total, pager } = await querySearch(fakes, state({ q: 'parti' }), dateOf);
    expect(total).toBe(3);
    expect(ids(await pager.take(2))).toEqual(['fr:f1', 'el:e1']);
    expect(pager.done).toBe(false);
    expect(ids(await pager.take(2))).toEqual(['fr:f2']);
    expect(pager.done).toBe(true);
  });

  it('the language filter lists one language but every language is counted', async () => {
    const fakes = engines();
    const { outcomes, total, pager } = await querySearch(fakes, state({ q: 'hanoi partis', lang: 'fr' }), dateOf);
    expect(outcomes.map((o) => o.count)).toEqual([0, 0, 0]);
    expect(total).toBe(0);
    const topic = await querySearch(fakes, state({ topic: 'congress', lang: 'ru' }), dateOf);
    expect(topic.outcomes.map((o) => [o.lang, o.count])).toEqual([
      ['fr', 1],
      ['ru', 1],
      ['el', 1],
    ]);
    expect(topic.total).toBe(1);
    expect(ids(await topic.pager.take(20))).toEqual(['ru:r1']);
    expect(pager.done).toBe(true);
    // Pagefind is never asked to filter by language: a language is a bundle, not a filter.
    for (const fake of fakes.values()) for (const { options } of fake.asked) expect(Object.keys(options.filters)).not.toContain('lang');
  });

  it('newest first merges dated hits across languages and puts the undated after, by relevance', async () => {
    const fakes = engines();
    const { total, pager } = await querySearch(fakes, state({ q: '', topic: 'hanoi', sort: 'date' }), dateOf);
    expect(total).toBe(3);
    expect(ids(await pager.take(20))).toEqual(['fr:f3', 'ru:r2', 'fr:f2']);
    for (const fake of fakes.values()) {
      expect(fake.asked.map((a) => a.options)).toEqual([{ filters: { topic: 'hanoi' } }, { filters: { topic: 'hanoi' }, sort: { date: 'desc' } }]);
    }
  });

  it('a search without words lists newest first even when relevance is asked for', async () => {
    const { pager } = await querySearch(engines(), state({ year: '2025' }), dateOf);
    expect(ids(await pager.take(20))).toEqual(['ru:r1', 'fr:f1']);
  });

  it('relevance order asks each index once, without a sort', async () => {
    const fakes = engines();
    await querySearch(fakes, state({ q: 'parti', year: '2025' }), dateOf);
    for (const fake of fakes.values()) expect(fake.asked.map((a) => a.options)).toEqual([{ filters: { year: '2025' } }]);
    expect(fakes.get('fr')!.asked[0]!.term).toBe('part');
  });

  it('passes on the filter counts each index gives', async () => {
    const fakes = engines();
    const { outcomes } = await querySearch(fakes, state({ q: 'parti', topic: 'congress' }), dateOf);
    expect(outcomes[0]!.filters).toEqual({ topic: { congress: 1 } });
  });
});

describe('countFilter', () => {
  it('counts no filter until asked, then the one asked for, for the search shown, in every language', async () => {
    const fakes = engines();
    const search = state({ q: 'parti', year: '2025' });
    const first = await querySearch(fakes, search, dateOf);
    expect(first.outcomes.map((o) => o.filters)).toEqual([{ year: { '2025': 1 } }, { year: {} }, { year: {} }]);

    const outcomes = await countFilter(fakes, 'topic', search);
    expect(outcomes).toEqual([
      { lang: 'fr', count: 1, filters: { topic: { congress: 1 }, year: { '2025': 1 } } },
      { lang: 'ru', count: 0, filters: { topic: {}, year: {} } },
      { lang: 'el', count: 0, filters: { topic: {}, year: {} } },
    ]);
    // Counting leaves out no hit, and later searches keep counting the filter.
    const later = await querySearch(fakes, state({ q: 'hanoi' }), dateOf);
    expect(later.outcomes[0]!.filters.topic).toEqual({ hanoi: 1 });
    expect(later.outcomes[0]!.filters.publisher).toBeUndefined();
  });

  it('keeps the value the search filters on', async () => {
    const outcomes = await countFilter(engines(), 'topic', state({ topic: 'hanoi' }));
    expect(outcomes.map((o) => [o.lang, o.count, o.filters.topic])).toEqual([
      ['fr', 2, { hanoi: 2 }],
      ['ru', 1, { hanoi: 1 }],
      ['el', 0, {}],
    ]);
  });

  it('a search without criteria counts the whole archive', async () => {
    const outcomes = await countFilter(engines(), 'year', state({}));
    expect(outcomes.map((o) => o.filters.year)).toEqual([{ '2025': 1, '2024': 1 }, { '2025': 1, '2023': 1 }, { '2024': 1 }]);
  });
});

describe('preloadSearch', () => {
  it('preloads each language its own stemmed words of three letters or more', async () => {
    const fakes = engines();
    await preloadSearch(fakes, state({ q: 'de партийной', year: '2025' }));
    expect(fakes.get('ru')!.preloaded).toEqual(['партиин']);
    expect(fakes.get('fr')!.preloaded).toEqual(['партиинои']);
    expect(fakes.get('ru')!.loaded).toEqual(new Set(['year']));
    await preloadSearch(fakes, state({ q: 'de' }));
    expect(fakes.get('ru')!.preloaded).toEqual(['партиин']);
  });
});

describe('openSearch', () => {
  it('from the first letter, opens the languages written in its script (all of them for a digit), and no other', async () => {
    const opened = async (q: string) => {
      const fakes = engines();
      await openSearch(fakes, state({ q, year: '2025' }));
      expect([...fakes.values()].every((engine) => engine.preloaded.every((term) => term === '') && engine.loaded.size === 0)).toBe(true);
      return [...fakes].filter(([, engine]) => engine.preloaded.includes('')).map(([lang]) => lang);
    };
    expect(await opened('п')).toEqual(['ru']);
    expect(await opened('σ')).toEqual(['el']);
    expect(await opened('p')).toEqual(['fr']);
    expect(await opened('партийной')).toEqual(['ru']);
    expect(await opened('1')).toEqual(['fr', 'ru', 'el']);
    expect(await opened('p σ')).toEqual(['fr', 'el']);
    expect(await opened('')).toEqual([]);
  });
});

describe('collate', () => {
  it('an index that answers nothing counts as no hits', async () => {
    const { outcomes, total, pager } = collate([{ lang: 'fr', relevance: [], dated: [], filters: {} }], state({ q: 'x' }), dateOf);
    expect(outcomes).toEqual([{ lang: 'fr', count: 0, filters: {} }]);
    expect(total).toBe(0);
    expect(await pager.take(20)).toEqual([]);
    expect(pager.done).toBe(true);
  });
});

/** An engine whose answers wait until the test lets them through. */
class HeldEngine implements SearchEngine<FakeResult> {
  private gate!: () => void;
  private readonly open = new Promise<void>((resolve) => (this.gate = resolve));
  constructor(private readonly engine: FakeEngine) {}
  release(): void {
    this.gate();
  }
  preload(term: string, options: EngineOptions): Promise<void> {
    return this.engine.preload(term, options);
  }
  async search(term: string | null, options: EngineOptions): Promise<EngineResponse<FakeResult>> {
    await this.open;
    return this.engine.search(term, options);
  }
}

/** One index's hits with these scores; `rank`: its place among the indexes asked. */
const scored = (rank: number, lang: Lang, ...scores: number[]): ArrivedPart<FakeResult> => ({
  rank,
  hits: scores.map((score, index) => ({ lang, score, result: { id: `${lang}${index + 1}`, score } })),
});

describe('StableMerge', () => {
  it('shows a share of the page per index answered, and never moves a hit once shown', () => {
    const [fr, ru, el] = [scored(0, 'fr', 9, 4, 3, 2), scored(1, 'ru', 5, 1, 0.5), scored(2, 'el', 4.5)];
    const merge = new StableMerge<FakeResult>(3, 6);
    const shown: string[] = [];
    shown.push(...ids(merge.add([ru])));
    expect(shown).toEqual(['ru:ru1', 'ru:ru2']);
    shown.push(...ids(merge.add([fr])));
    // fr1 outranks everything shown, yet goes after it: nothing shown moves.
    expect(shown).toEqual(['ru:ru1', 'ru:ru2', 'fr:fr1', 'fr:fr2']);
    shown.push(...ids(merge.add([el])));
    expect(shown).toEqual(['ru:ru1', 'ru:ru2', 'fr:fr1', 'fr:fr2', 'el:el1', 'fr:fr3']);
    expect(ids(merge.rest([...fr.hits, ...ru.hits, ...el.hits]))).toEqual(['fr:fr4', 'ru:ru3']);
  });

  it('gives the order of a one-shot merge when every index answers at once', () => {
    const merge = new StableMerge<FakeResult>(3, 20);
    expect(ids(merge.add([scored(2, 'el', 2, 1), scored(0, 'fr', 3, 1), scored(1, 'ru', 2.5)]))).toEqual(['fr:fr1', 'ru:ru1', 'el:el1', 'fr:fr2', 'el:el2']);
  });

  it('shows nothing when no index is listed', () => {
    expect(ids(new StableMerge<FakeResult>(0, 20).add([scored(0, 'fr', 3)]))).toEqual([]);
  });
});

describe('querySearch as languages answer', () => {
  const held = () => new Map([...engines()].map(([lang, fake]) => [lang, new HeldEngine(fake)] as const));
  /** Lets every promise that can settle settle. */
  const drain = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('shows each language as it answers; the full list keeps what was shown first', async () => {
    const fakes = new Map<Lang, FakeEngine>([
      ['fr', new FakeEngine([{ id: 'f1', words: ['parti'], score: 3 }, { id: 'f2', words: ['parti'], score: 1 }])],
      ['ru', new FakeEngine([{ id: 'r1', words: ['parti'], score: 2 }])],
      ['el', new FakeEngine([{ id: 'e1', words: ['parti'], score: 9 }])],
    ]);
    const gated = new Map([...fakes].map(([lang, fake]) => [lang, new HeldEngine(fake)] as const));
    const batches: string[][] = [];
    const search = querySearch(gated, state({ q: 'parti' }), dateOf, {
      pageSize: 3,
      show: (hits) => batches.push(ids(hits)),
      settle: async () => {},
    });
    gated.get('ru')!.release();
    await drain();
    expect(batches).toEqual([['ru:r1']]);
    gated.get('fr')!.release();
    await drain();
    expect(batches).toEqual([['ru:r1'], ['fr:f1']]);
    gated.get('el')!.release();
    const { total, pager } = await search;
    // e1 scores highest but answered last: it follows what was already shown.
    expect(batches).toEqual([['ru:r1'], ['fr:f1'], ['el:e1']]);
    expect(total).toBe(4);
    expect(ids(await pager.take(20))).toEqual(['fr:f2']);
  });

  it('languages answering before the page settles are shown as one, in one-shot order', async () => {
    const gated = held();
    const batches: string[][] = [];
    let nextFrame!: () => void;
    const frame = new Promise<void>((resolve) => (nextFrame = resolve));
    const search = querySearch(gated, state({ q: 'parti' }), dateOf, { pageSize: 20, show: (hits) => batches.push(ids(hits)), settle: () => frame });
    gated.get('el')!.release();
    gated.get('fr')!.release();
    await drain();
    expect(batches).toEqual([]);
    nextFrame();
    gated.get('ru')!.release();
    await search;
    expect(batches[0]).toEqual(['fr:f1', 'fr:f2']);
  });

  it('shows each bundle of a language as it answers, and the whole list equals one search of the language', async () => {
    const older = new HeldEngine(new FakeEngine([{ id: 'o1', words: ['parti'], score: 2 }, { id: 'o2', words: ['parti'], score: 0.5 }]));
    const newer = new HeldEngine(new FakeEngine([{ id: 'n1', words: ['parti'], score: 3 }]));
    const french = bundleEngine([older, newer].map((engine) => ({ engine, mayHold: () => true })));
    const russian = new HeldEngine(new FakeEngine([{ id: 'r1', words: ['parti'], score: 1 }]));
    const asked = new Map<Lang, SearchEngine<FakeResult>>([['fr', french], ['ru', russian]]);
    const batches: string[][] = [];
    const answered: string[][] = [];
    const search = querySearch(asked, state({ q: 'parti' }), dateOf, {
      pageSize: 3,
      show: (hits, languages) => {
        batches.push(ids(hits));
        answered.push([...languages]);
      },
      settle: async () => {},
    });
    older.release();
    await drain();
    // One of three indexes in: a third of the page, and French is still searching.
    expect(batches).toEqual([['fr:o1']]);
    expect(answered).toEqual([[]]);
    russian.release();
    await drain();
    newer.release();
    const { total, pager, outcomes } = await search;
    expect(batches).toEqual([['fr:o1'], ['ru:r1'], ['fr:n1']]);
    expect(answered.at(-1)).toEqual(['ru', 'fr']);
    expect(total).toBe(4);
    expect(ids(await pager.take(20))).toEqual(['fr:o2']);
    const whole = await querySearch(asked, state({ q: 'parti' }), dateOf);
    expect(whole.total).toBe(total);
    expect(whole.outcomes).toEqual(outcomes);
  });

  it('a newest-first list waits for every language', async () => {
    const gated = held();
    const batches: string[][] = [];
    const search = querySearch(gated, state({ topic: 'hanoi' }), dateOf, { pageSize: 20, show: (hits) => batches.push(ids(hits)), settle: async () => {} });
    for (const engine of gated.values()) engine.release();
    const { pager } = await search;
    expect(batches).toEqual([]);
    expect(ids(await pager.take(20))).toEqual(['fr:f3', 'ru:r2', 'fr:f2']);
  });
});
