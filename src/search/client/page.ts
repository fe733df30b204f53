/**
 * The search page's elements (SearchPage.astro), looked up once. A missing one is a page
 * that does not match this script: it fails at once, naming the element.
 */
function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`search page: missing ${selector}`);
  return element;
}

export const root = required<HTMLElement>(document, '[data-search]');
export const form = required<HTMLFormElement>(root, 'form');
export const input = required<HTMLInputElement>(form, 'input[name="q"]');
export const selects = {
  lang: required<HTMLSelectElement>(form, 'select[name="lang"]'),
  topic: required<HTMLSelectElement>(form, 'select[name="topic"]'),
  publisher: required<HTMLSelectElement>(form, 'select[name="publisher"]'),
  year: required<HTMLSelectElement>(form, 'select[name="year"]'),
  sort: required<HTMLSelectElement>(form, 'select[name="sort"]'),
};
export const status = required<HTMLElement>(root, '[data-search-status]');
export const topicsBox = required<HTMLElement>(root, '[data-search-topics]');
export const topicList = required<HTMLUListElement>(root, '[data-search-topic-list]');
export const resultsSection = required<HTMLElement>(root, '[data-search-results-section]');
export const resultsList = required<HTMLOListElement>(root, '[data-search-results]');
export const moreButton = required<HTMLButtonElement>(root, '[data-search-more]');
export const noScriptNote = required<HTMLElement>(document, '[data-search-nojs]');

export const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

// The topic shards the build wrote: a query's word whose shard is not there names no topic.
export const topicShards = new Set((root.dataset.topicShards ?? '').split(' ').filter(Boolean));
