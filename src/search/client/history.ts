/**
 * The search in the address bar: each submitted search or changed filter is a link and a
 * back-button step, and the back button brings the search back.
 */
import { LANGS } from '../../schemas/langs.ts';
import { parseSearchState, searchStateQuery, type SearchState } from '../state.ts';
import { form, input, selects } from './page.ts';
import { run } from './run.ts';

export function stateFromForm(): SearchState {
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

/** Runs a search and records it in the address bar; `push` makes it a back-button step. */
function navigate(state: SearchState, push: boolean): void {
  const target = `${location.pathname}${searchStateQuery(state)}`;
  if (target !== `${location.pathname}${location.search}`) {
    if (push) history.pushState(null, '', target);
    else history.replaceState(null, '', target);
  }
  void run(state);
}

/** Runs the search the address names, then every search the form or the back button asks for. */
export function followAddress(): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(stateFromForm(), true);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) navigate(stateFromForm(), true);
  });
  const fromAddress = () => {
    const state = parseSearchState(new URLSearchParams(location.search), LANGS);
    fillForm(state);
    void run(state);
  };
  window.addEventListener('popstate', fromAddress);
  fromAddress();
}
