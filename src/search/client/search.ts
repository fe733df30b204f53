/**
 * The search page: reads the search from the URL, queries every language's index at once,
 * merges the results into one list (../query.ts) and keeps the URL in step so
 * searches can be linked and the back button works.
 */
import { LANGS, type Lang } from '../../schemas/langs.ts';
import { formatDate, LANGUAGE_NAMES } from '../../i18n/ui.ts';
import { excerptParts } from '../excerpt.ts';
import { combineFacets, COUNTED_FILTERS, type CountedFilter, type FacetOption, type Facets, type LanguageOutcome } from '../facets.ts';
import { countFilter, preloadSearch, querySearch, type Hit as QueryHit, type Pager } from '../query.ts';
import { hasCriteria, parseSearchState, searchStateQuery, type SearchState } from '../state.ts';
import { searchText as t } from '../../i18n/search.ts';
import { matchTopicHints, mergeTopicHints, queryShards, type TopicHint } from '../topic-match.ts';
import { loadEngines, type PagefindData, type PagefindResult } from './pagefind.ts';
import { joinBase, routes } from '../../lib/urls.ts';

// Results per screen, and per "more results": each costs its fragment (about 1.8 KB), 10 are
// 18 KB of the first search at 10,000 articles (20 took it from 402 KiB to 420 KiB).
const PAGE_SIZE = 10;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

type Hit = QueryHit<PagefindResult>;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`search page: missing ${selector}`);
  return element;
}

const root = required<HTMLElement>(document, '[data-search]');
const form = required<HTMLFormElement>(root, 'form');
const input = required<HTMLInputElement>(form, 'input[name="q"]');
const selects = {
  lang: required<HTMLSelectElement>(form, 'select[name="lang"]'),
  topic: required<HTMLSelectElement>(form, 'select[name="topic"]'),
  publisher: required<HTMLSelectElement>(form, 'select[name="publisher"]'),
  year: required<HTMLSelectElement>(form, 'select[name="year"]'),
  sort: required<HTMLSelectElement>(form, 'select[name="sort"]'),
};
const status = required<HTMLElement>(root, '[data-search-status]');
const topicsBox = required<HTMLElement>(root, '[data-search-topics]');
const topicList = required<HTMLUListElement>(root, '[data-search-topic-list]');
const resultsSection = required<HTMLElement>(root, '[data-search-results-section]');
const resultsList = required<HTMLOListElement>(root, '[data-search-results]');
const moreButton = required<HTMLButtonElement>(root, '[data-search-more]');

root.removeAttribute('data-pending');
required<HTMLElement>(document, '[data-search-nojs]').hidden = true;

/** Fetches a JSON file of the site once; a failed fetch is tried again the next time it is asked for. */
function cachedJson<T>(cache: Map<string, Promise<T>>, sitePath: string): Promise<T> {
  let request = cache.get(sitePath);
  if (!request) {
    request = fetch(joinBase(base, sitePath)).then((response) => {
      if (!response.ok) throw new Error(`${sitePath}: HTTP ${response.status}`);
      return response.json() as Promise<T>;
    });
    request.catch(() => cache.delete(sitePath));
    cache.set(sitePath, request);
  }
  return request;
}

// The topic shards the build wrote: a query's word whose shard is not there names no topic.
const topicShards = new Set((root.dataset.topicShards ?? '').split(' ').filter(Boolean));
const shardRequests = new Map<string, Promise<TopicHint[]>>();
/** The topics a query may name: the shards of its words' first characters, fetched once each. */
async function topicHintsFor(query: string): Promise<TopicHint[]> {
  const shards = queryShards(query).filter((shard) => topicShards.has(shard));
  return mergeTopicHints(await Promise.all(shards.map((shard) => cachedJson(shardRequests, routes.searchTopicShard(shard)))));
}

const labelRequests = new Map<string, Promise<Record<string, string>>>();
/**
 * Topic names for the topic filter, fetched only once it shows topics: a topic chosen, or its
 * values counted. Without them the filter shows slugs rather than fail the search.
 */
function topicLabelsFor(facets: Facets, state: SearchState): Promise<Record<string, string>> {
  if (!state.topic && !facets.topic) return Promise.resolve({});
  return cachedJson(labelRequests, routes.searchTopicLabels()).catch(() => ({}));
}

const fragments = new WeakMap<PagefindResult, Promise<PagefindData>>();
function dataOf(result: PagefindResult): Promise<PagefindData> {
  let data = fragments.get(result);
  if (!data) {
    data = result.data();
    fragments.set(result, data);
  }
  return data;
}

// Each search gets a number; a slower, older search that finishes late must not overwrite a newer one.
let generation = 0;
let pager: Pager<Hit> | undefined;
let total = 0;
// The search last asked for, and what the indexes counted for it once answered: a filter
// opened is counted for that search.
let current: SearchState = parseSearchState(new URLSearchParams(), LANGS);
let counted: LanguageOutcome[] = [];

function stateFromForm(): SearchState {
  const fields = [...new FormData(form)].flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : []));
  return parseSearchState(new URLSearchParams(fields), LANGS);
}

function fillForm(state: SearchState): void {
  input.value = state.q;
  for (const key of ['lang', 'topic', 'publisher', 'year'] as const) {
    const value = state[key] ?? '';
    const select = selects[key];
    if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
    select.value = value;
  }
  selects.sort.value = state.sort;
}

/**
 * Fills a filter's list. An uncounted filter (its data not loaded: see countFilter) lists only
 * the chosen value, without a count, until the reader opens it.
 */
function setOptions(select: HTMLSelectElement, options: FacetOption[] | null, label: (value: string) => string, chosen: string | undefined): void {
  const first = select.options[0];
  select.replaceChildren(...(first ? [first] : []));
  if (options) for (const option of options) select.add(new Option(`${label(option.value)} (${option.count})`, option.value));
  else if (chosen) select.add(new Option(label(chosen), chosen));
  select.value = chosen ?? '';
}

async function renderFacets(facets: Facets, state: SearchState, ownGeneration: number): Promise<void> {
  const topicLabels = await topicLabelsFor(facets, state);
  if (ownGeneration !== generation) return;
  setOptions(selects.lang, facets.lang, (lang) => LANGUAGE_NAMES[lang as Lang].english, state.lang);
  setOptions(selects.topic, facets.topic, (slug) => topicLabels[slug] ?? slug, state.topic);
  setOptions(selects.publisher, facets.publisher, (name) => name, state.publisher);
  setOptions(selects.year, facets.year, (year) => year, state.year);
}

function renderTopicHints(found: readonly TopicHint[]): void {
  topicList.replaceChildren(
    ...found.map((hint) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = joinBase(base, routes.topic(hint.slug));
      link.textContent = hint.label;
      item.append(link, ` — ${t.topicHint(hint.count)}`);
      return item;
    }),
  );
  topicsBox.hidden = found.length === 0;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One result. Titles, excerpts and publishers are scraped text: only ever textContent. */
function renderHit(hit: Hit, data: PagefindData): HTMLLIElement {
  const item = element('li');
  item.dataset.lang = hit.lang;
  const heading = element('h3');
  const link = element('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  link.lang = hit.lang;
  heading.append(link);

  const meta = element('p', 'meta');
  const badge = element('span', 'lang-badge', hit.lang.toUpperCase());
  badge.setAttribute('aria-hidden', 'true');
  meta.append(badge, element('span', 'visually-hidden', LANGUAGE_NAMES[hit.lang].english), ' · ');
  const date = data.meta.date;
  if (date) {
    const time = element('time', undefined, formatDate(date));
    time.dateTime = date;
    meta.append(time);
  } else {
    meta.append(element('span', 'provenance', t.undated));
  }
  const publisher = element('span', undefined, data.meta.publisher ?? t.unknownPublisher);
  meta.append(' · ', publisher);

  const excerpt = element('p', 'excerpt');
  excerpt.lang = hit.lang;
  for (const part of excerptParts(data.excerpt)) excerpt.append(part.mark ? element('mark', undefined, part.text) : part.text);
  item.append(heading, meta, excerpt);
  return item;
}

/**
 * Appends hits in their order, each as soon as its own fragment and those of the hits before
 * it have arrived, rather than when the slowest of them has: the first result shows after one
 * fragment, and nothing is ever inserted above one shown. Returns the items appended, or none
 * if a newer search took over.
 */
async function appendInOrder(hits: readonly Hit[], ownGeneration: number, afterEach = () => {}): Promise<HTMLLIElement[]> {
  const datas = hits.map((hit) => dataOf(hit.result));
  const items: HTMLLIElement[] = [];
  for (const [index, hit] of hits.entries()) {
    const data = await datas[index]!;
    if (ownGeneration !== generation) return [];
    const item = renderHit(hit, data);
    resultsList.append(item);
    items.push(item);
    afterEach();
  }
  return items;
}

/** Appends the next page of hits. */
async function showMore(focusFirst: boolean): Promise<void> {
  const current = pager;
  const ownGeneration = generation;
  if (!current) return;
  const items = await appendInOrder(await current.take(PAGE_SIZE), ownGeneration);
  if (ownGeneration !== generation) return;
  moreButton.hidden = current.done;
  if (focusFirst) items[0]?.querySelector('a')?.focus();
  if (focusFirst) status.textContent = t.shown(resultsList.children.length, total);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function run(state: SearchState): Promise<void> {
  const ownGeneration = ++generation;
  pager = undefined;
  current = state;
  counted = [];
  if (!hasCriteria(state)) {
    resultsList.replaceChildren();
    resultsSection.setAttribute('aria-busy', 'false');
    moreButton.hidden = true;
    topicsBox.hidden = true;
    status.textContent = t.idle;
    return;
  }
  status.textContent = t.loading;
  resultsSection.setAttribute('aria-busy', 'true');
  // The previous search's results go at once, and this one's topic hints go in as soon as they
  // are known, before any result: nothing is ever inserted above a result on screen.
  resultsList.replaceChildren();
  moreButton.hidden = true;
  topicsBox.hidden = true;
  // Topic hints help; a shard that fails to load leaves them out rather than fail the search.
  const hintsShown = topicHintsFor(state.q).then(
    (hints) => {
      if (ownGeneration === generation) renderTopicHints(state.q ? matchTopicHints(state.q, hints) : []);
    },
    () => undefined,
  );
  const failed = (error: unknown): never => {
    if (ownGeneration === generation) {
      status.textContent = t.failed;
      resultsSection.setAttribute('aria-busy', 'false');
    }
    throw error;
  };
  const [loaded] = await Promise.all([loadEngines(base, LANGS), hintsShown]).catch(failed);
  const listed = [...loaded.keys()].filter((lang) => !state.lang || lang === state.lang);
  let answered: readonly Lang[] = [];
  let shownCount = 0;
  // Hits arrive in batches as languages answer; batches go in in the order they came.
  let appending = Promise.resolve();
  const append = (hits: Hit[]) => {
    appending = appending.then(async () => {
      await appendInOrder(hits, ownGeneration, () => {
        shownCount += 1;
        const waiting = listed.filter((lang) => !answered.includes(lang)).map((lang) => LANGUAGE_NAMES[lang].english);
        if (waiting.length > 0) status.textContent = t.partial(shownCount, waiting.join(', '));
      });
    });
  };
  // An index that fails to open fails here: the engines wait for their index as they are asked.
  const collated = await querySearch(loaded, state, async (hit) => (await dataOf(hit.result)).meta.date ?? '', {
    pageSize: PAGE_SIZE,
    settle: nextFrame,
    show: (hits, languages) => {
      answered = [...languages];
      append(hits);
    },
  }).catch(failed);
  await appending;
  if (ownGeneration !== generation) return;
  const { outcomes } = collated;
  pager = collated.pager;
  total = collated.total;
  counted = outcomes;
  await renderFacets(combineFacets(outcomes, state), state, ownGeneration);
  if (ownGeneration !== generation) return;
  // A newest-first list comes in one piece, now every language has answered.
  if (shownCount === 0) await showMore(false);
  if (ownGeneration !== generation) return;
  moreButton.hidden = pager.done;
  resultsSection.setAttribute('aria-busy', 'false');
  const perLanguage = outcomes
    .filter((outcome) => !state.lang || outcome.lang === state.lang)
    .map((outcome) => `${LANGUAGE_NAMES[outcome.lang].english} ${outcome.count}`)
    .join(', ');
  status.textContent = t.status(total, state.q, perLanguage);
}

/** Runs a search and records it in the address bar; `push` makes it a back-button step. */
function navigate(state: SearchState, push: boolean): void {
  const target = `${location.pathname}${searchStateQuery(state)}`;
  if (target !== `${location.pathname}${location.search}`) {
    if (push) history.pushState(null, '', target);
    else history.replaceState(null, '', target);
  }
  void run(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(stateFromForm(), true);
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) navigate(stateFromForm(), true);
});
// A reader in the search box is about to search: Pagefind starts loading on focus, and each
// language's index chunks for the words so far load as they type.
input.addEventListener('focus', () => void loadEngines(base, LANGS).catch(() => undefined));
input.addEventListener('input', () => {
  const state = stateFromForm();
  void loadEngines(base, LANGS)
    .then((loaded) => preloadSearch(loaded, state))
    .catch(() => undefined);
  void topicHintsFor(state.q).catch(() => undefined);
});
moreButton.addEventListener('click', () => void showMore(true));

const counting = new Set<CountedFilter>();
/**
 * Counts a filter's values when the reader is about to open it (pointer over it, or focus),
 * rather than loading every filter's data with the first search. A page with no search yet
 * counts the whole archive, so a filter can be picked before typing.
 */
async function countOnOpen(key: CountedFilter): Promise<void> {
  if (counting.has(key) || counted.some((outcome) => outcome.filters[key] !== undefined)) return;
  counting.add(key);
  try {
    const state = current;
    const ownGeneration = generation;
    const outcomes = await countFilter(await loadEngines(base, LANGS), key, state);
    if (ownGeneration !== generation) return;
    counted = outcomes;
    await renderFacets(combineFacets(outcomes, state), state, ownGeneration);
  } finally {
    counting.delete(key);
  }
}
for (const key of COUNTED_FILTERS) {
  for (const type of ['pointerenter', 'focus'] as const) selects[key].addEventListener(type, () => void countOnOpen(key).catch(() => undefined));
}
window.addEventListener('popstate', () => {
  const state = parseSearchState(new URLSearchParams(location.search), LANGS);
  fillForm(state);
  void run(state);
});

const initial = parseSearchState(new URLSearchParams(location.search), LANGS);
fillForm(initial);
void run(initial);
