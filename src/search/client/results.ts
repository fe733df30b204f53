/** The list of results: each result as it is shown, put in order, a screen at a time. */
import { formatDate, LANGUAGE_NAMES } from '../../i18n/ui.ts';
import { searchText as t } from '../../i18n/search.ts';
import { excerptParts } from '../excerpt.ts';
import type { PagefindData, PagefindResult } from './pagefind.ts';
import { moreButton, resultsList, status } from './page.ts';
import { isCurrent, session, type Hit } from './session.ts';

// Results per screen, and per "more results": each costs its fragment (about 1.8 KB), 10 are
// 18 KB of the first search at 10,000 articles (20 took it from 402 KiB to 420 KiB).
export const PAGE_SIZE = 10;

const fragments = new WeakMap<PagefindResult, Promise<PagefindData>>();
/** A result's fragment (title, date, excerpt), fetched once. */
export function dataOf(result: PagefindResult): Promise<PagefindData> {
  let data = fragments.get(result);
  if (!data) {
    data = result.data();
    fragments.set(result, data);
  }
  return data;
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
export async function appendInOrder(hits: readonly Hit[], generation: number, afterEach = () => {}): Promise<HTMLLIElement[]> {
  const datas = hits.map((hit) => dataOf(hit.result));
  const items: HTMLLIElement[] = [];
  for (const [index, hit] of hits.entries()) {
    const data = await datas[index]!;
    if (!isCurrent(generation)) return [];
    const item = renderHit(hit, data);
    resultsList.append(item);
    items.push(item);
    afterEach();
  }
  return items;
}

/** Appends the next screen of the search's list; `focusFirst` when the reader asked for it. */
export async function showMore(focusFirst: boolean): Promise<void> {
  const pager = session.pager;
  const generation = session.generation;
  if (!pager) return;
  const items = await appendInOrder(await pager.take(PAGE_SIZE), generation);
  if (!isCurrent(generation)) return;
  moreButton.hidden = pager.done;
  if (focusFirst) items[0]?.querySelector('a')?.focus();
  if (focusFirst) status.textContent = t.shown(resultsList.children.length, session.total);
}
