import { stripVTControlCharacters } from 'node:util';

/** One page `astro build` wrote, as its log names it. */
interface LoggedPage {
  path: string;
  /** Restored from the previous build (experimental.incrementalBuild) instead of rendered. */
  restored: boolean;
}

/**
 * The pages in an `astro build` log: each written page is a `├─ /path` line, marked
 * `(restored)` or `(cached)` when it came from the previous build. Astro colours its log
 * whenever the environment says CI or a terminal, so the codes are stripped first.
 */
export function loggedPages(log: string): LoggedPage[] {
  const pages: LoggedPage[] = [];
  for (const line of stripVTControlCharacters(log).split('\n')) {
    const match = /├─ (\/\S*)(.*)$/.exec(line);
    if (match) pages.push({ path: match[1] as string, restored: /\((?:restored|cached)\)/.test(match[2] as string) });
  }
  return pages;
}

/** What src/integrations/incremental-pages.ts logs of the pages it kept without handing them to Astro. */
export const KEPT_UNVISITED = / (\d+) unchanged pages kept without visiting them/;

/** The pages an `astro build` log says were kept without being visited (0 when it says none). */
export function unvisitedPages(log: string): number {
  return Number(KEPT_UNVISITED.exec(stripVTControlCharacters(log))?.[1] ?? 0);
}
