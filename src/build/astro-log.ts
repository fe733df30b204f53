import { stripVTControlCharacters } from 'node:util';

/** One page `astro build` wrote, as its log names it. */
interface LoggedPage {
  path: string;
  /** Restored from the previous build (experimental.incrementalBuild) instead of rendered. */
  restored: boolean;
}

/**
 * A page in the log: `├─ /path`, then ` (restored)` or ` (cached)` at once when it came from
 * the previous build. Astro renders several pages at a time (build.concurrency), and logs a
 * rendered page's time when it is written, so a page's name can run straight into the next
 * page's timestamp (`├─ /a/index.html14:05:23   ├─ /b/index.html`): the path ends at
 * whitespace or at a timestamp.
 */
const PAGE = /├─ (\/\S*?)(?=\d\d:\d\d:\d\d|\s|$)( \((?:restored|cached)\))?/g;

/**
 * The pages in an `astro build` log. Astro colours its log whenever the environment says CI or
 * a terminal, so the codes are stripped first.
 */
export function loggedPages(log: string): LoggedPage[] {
  return [...stripVTControlCharacters(log).matchAll(PAGE)].map((match) => ({ path: match[1] as string, restored: match[2] !== undefined }));
}

/** What src/integrations/incremental-pages.ts logs of the pages it kept without handing them to Astro. */
export const KEPT_UNVISITED = / (\d+) unchanged pages kept without visiting them/;

/** The pages an `astro build` log says were kept without being visited (0 when it says none). */
export function unvisitedPages(log: string): number {
  return Number(KEPT_UNVISITED.exec(stripVTControlCharacters(log))?.[1] ?? 0);
}
