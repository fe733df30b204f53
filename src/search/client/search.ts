/**
 * The search page: reads the search from the URL, queries every language's index at once,
 * merges the results into one list (../query.ts) and keeps the URL in step so searches can
 * be linked and the back button works. One module per part of the page: its elements
 * (page.ts), the search on screen (session.ts), one search's run (run.ts), the results
 * (results.ts), the filters (filters.ts), the topic hints (hints.ts), the address bar
 * (history.ts) and the indexes (pagefind.ts).
 */
import { LANGS } from '../../schemas/langs.ts';
import { preloadSearch } from '../query.ts';
import { countFiltersOnOpen } from './filters.ts';
import { topicHintsFor } from './hints.ts';
import { followAddress, stateFromForm } from './history.ts';
import { loadEngines } from './pagefind.ts';
import { base, input, moreButton, noScriptNote, root } from './page.ts';
import { showMore } from './results.ts';

root.removeAttribute('data-pending');
noScriptNote.hidden = true;

// A reader in the search box is about to search: Pagefind's module loads on focus, and the
// indexes that may hold the words so far open, and load their chunks, as they type.
input.addEventListener('focus', () => void loadEngines(base, LANGS).catch(() => undefined));
input.addEventListener('input', () => {
  const state = stateFromForm();
  void loadEngines(base, LANGS)
    .then((loaded) => preloadSearch(loaded, state))
    .catch(() => undefined);
  void topicHintsFor(state.q).catch(() => undefined);
});
moreButton.addEventListener('click', () => void showMore(true));
countFiltersOnOpen();
followAddress();
