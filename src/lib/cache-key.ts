import { createHash } from 'node:crypto';

/**
 * A `cacheKey` for `getStaticPaths()` (Astro's experimental.incrementalBuild): a page is
 * restored from the previous build when its key and its module graph are unchanged. So the
 * key must cover everything the page shows that does not come from code: its params, its
 * props, and whatever it reads at render time (the entry file's digest on article pages).
 * Everything given here is serialised as JSON; the objects are built in a fixed order, so the
 * same data gives the same key.
 */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
