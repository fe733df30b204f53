/**
 * The search page's interface text, used by its Astro markup and its browser script alike.
 * English like the rest of the interface (ui.ts beside it), kept with it so that all interface
 * text is translated in one folder; article text keeps its language.
 */
export const searchText = {
  title: 'Search',
  intro: 'One search over the French, Russian and Greek texts. Accents and capitals do not matter; document references such as 18-NQ/TW are found as typed.',
  formLabel: 'Search French, Russian and Greek texts',
  queryLabel: 'Words to find',
  submit: 'Search',
  filtersLegend: 'Narrow the results',
  sortLabel: 'Order',
  sortRelevance: 'Most relevant first',
  sortDate: 'Newest first',
  anyLanguage: 'All languages',
  anyTopic: 'All topics',
  anyPublisher: 'All publishers',
  anyYear: 'All years',
  languageLabel: 'Language',
  topicLabel: 'Topic',
  publisherLabel: 'Publisher',
  yearLabel: 'Year',
  resultsHeading: 'Results',
  noJs: 'Search runs in your browser and needs JavaScript, which is turned off or blocked here.',
  noJsBrowse: 'Browse the archive by topic instead',
  idle: 'Type words to search for, or pick a filter.',
  loading: 'Searching…',
  failed: 'Search could not load. Reload the page to try again.',
  more: 'Show more results',
  undated: 'date unknown',
  unknownPublisher: 'unknown publisher',
  topicHintsHeading: 'Topics named in your search',
  topicHint: (count: number) => `${count} ${count === 1 ? 'article' : 'articles'} across all languages`,
  status: (count: number, query: string, perLanguage: string) =>
    `${count === 0 ? 'No' : count} ${count === 1 ? 'result' : 'results'}${query ? ` for “${query}”` : ''}${count > 0 ? ` (${perLanguage})` : ''}.`,
  // Never says "result": the final status does, and waiting for it means every language answered.
  partial: (found: number, waiting: string) => `${found} found so far; still searching ${waiting}…`,
  shown: (shown: number, total: number) => `Showing ${shown} of ${total}.`,
} as const;
