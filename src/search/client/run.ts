/**
 * One search, from the state the page asks for to the list, the filters' counts and the
 * status line: every language's index is asked at once (../query.ts) and results show as
 * each index answers.
 */
import { LANGS, type Lang } from '../../schemas/langs.ts';
import { LANGUAGE_NAMES } from '../../i18n/ui.ts';
import { searchText as t } from '../../i18n/search.ts';
import { combineFacets } from '../facets.ts';
import { querySearch } from '../query.ts';
import { hasCriteria, type SearchState } from '../state.ts';
import { matchTopicHints } from '../topic-match.ts';
import { renderFacets } from './filters.ts';
import { renderTopicHints, topicHintsFor } from './hints.ts';
import { loadEngines } from './pagefind.ts';
import { base, moreButton, resultsList, resultsSection, status, topicsBox } from './page.ts';
import { appendInOrder, dataOf, PAGE_SIZE, showMore } from './results.ts';
import { isCurrent, session, startSearch, type Hit } from './session.ts';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export async function run(state: SearchState): Promise<void> {
  const generation = startSearch(state);
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
  // are known, before any result: nothing is ever inserted above a result on screen. The
  // search itself does not wait for them; only its results do.
  resultsList.replaceChildren();
  moreButton.hidden = true;
  topicsBox.hidden = true;
  // Topic hints help; a shard that fails to load leaves them out rather than fail the search.
  const hintsShown = topicHintsFor(state.q).then(
    (hints) => {
      if (isCurrent(generation)) renderTopicHints(state.q ? matchTopicHints(state.q, hints) : []);
    },
    () => undefined,
  );
  const failed = (error: unknown): never => {
    if (isCurrent(generation)) {
      status.textContent = t.failed;
      resultsSection.setAttribute('aria-busy', 'false');
    }
    throw error;
  };
  const loaded = await loadEngines(base, LANGS).catch(failed);
  const listed = [...loaded.keys()].filter((lang) => !state.lang || lang === state.lang);
  let answered: readonly Lang[] = [];
  let shownCount = 0;
  // Hits arrive in batches as indexes answer; batches go in in the order they came, after the
  // topic hints.
  let appending = hintsShown;
  const append = (hits: Hit[]) => {
    appending = appending.then(async () => {
      await appendInOrder(hits, generation, () => {
        shownCount += 1;
        const waiting = listed.filter((lang) => !answered.includes(lang)).map((lang) => LANGUAGE_NAMES[lang].english);
        if (waiting.length > 0) status.textContent = t.partial(shownCount, waiting.join(', '));
      });
    });
  };
  // An index that fails to open fails here: the engines open their index as they are asked.
  const collated = await querySearch(loaded, state, async (hit) => (await dataOf(hit.result)).meta.date ?? '', {
    pageSize: PAGE_SIZE,
    settle: nextFrame,
    show: (hits, languages) => {
      answered = [...languages];
      append(hits);
    },
  }).catch(failed);
  await appending;
  if (!isCurrent(generation)) return;
  const { outcomes } = collated;
  session.pager = collated.pager;
  session.total = collated.total;
  session.counted = outcomes;
  await renderFacets(combineFacets(outcomes, state), state, generation);
  if (!isCurrent(generation)) return;
  // A newest-first list comes in one piece, now every language has answered.
  if (shownCount === 0) await showMore(false);
  if (!isCurrent(generation)) return;
  moreButton.hidden = collated.pager.done;
  resultsSection.setAttribute('aria-busy', 'false');
  const perLanguage = outcomes
    .filter((outcome) => !state.lang || outcome.lang === state.lang)
    .map((outcome) => `${LANGUAGE_NAMES[outcome.lang].english} ${outcome.count}`)
    .join(', ');
  status.textContent = t.status(collated.total, state.q, perLanguage);
}
