/**
 * The search page: reads the search from the URL, queries every language's index at once,
 * merges the results into one list (../query.ts) and keeps the URL in step so searches can
 * be linked and the back button works. One module per part of the page: its elements
 * (page.ts), the search on screen (session.ts), one search's run (run.ts), the results
 * (results.ts), the filters (filters.ts), the topic hints (hints.ts), the address bar
 * (history.ts) and the indexes (pagefind.ts).
 */
import { LANGS } from '../../schemas/langs.ts';
import { openSearch, preloadSearch } from '../query.ts';
import { hasCriteria, parseSearchState } from '../state.ts';
import { countFiltersOnOpen } from './filters.ts';
import { topicHintsFor } from './hints.ts';
import { followAddress, stateFromForm } from './history.ts';
import { loadEngines, startEngine } from './pagefind.ts';
import { base, input, moreButton, noScriptNote, root } from './page.ts';
import { showMore } from './results.ts';

root.removeAttribute('data-pending');
noScriptNote.hidden = true;

// The page exists to search: once it has loaded, the engine starts and the list of bundles
// loads, before the reader has typed or pasted anything. A search in the address runs at once
// (followAddress) and its first bundle starts the engine. The first letter typed opens the
// bundles its language's search will ask, and as the reader types, the index chunks of the
// words so far load.
const ready = () => {
  void loadEngines(base, LANGS).catch(() => undefined);
  void startEngine(base).catch(() => undefined);
};
if (!hasCriteria(parseSearchState(new URLSearchParams(location.search), LANGS))) {
  if (document.readyState === 'complete') ready();
  else window.addEventListener('load', ready, { once: true });
}
input.addEventListener('input', () => {
  const state = stateFromForm();
  void loadEngines(base, LANGS)
    .then((loaded) => Promise.all([openSearch(loaded, state), preloadSearch(loaded, state)]))
    .catch(() => undefined);
  void topicHintsFor(state.q).catch(() => undefined);
});
moreButton.addEventListener('click', () => void showMore(true));
countFiltersOnOpen();
followAddress();
