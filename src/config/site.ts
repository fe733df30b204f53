/**
 * The public address and sub-path are deployment facts, not code: set SITE_URL and BASE_PATH
 * when building for a real host (e.g. a GitHub Pages project site under /archive/). Read by
 * Astro's config and by the stages that write the site beside it (scripts/publish-data.ts).
 */
export const siteUrl = process.env.SITE_URL ?? 'http://127.0.0.1:4321';
/** Always with a leading slash (`archive` -> `/archive`), as Astro reads it. */
export const basePath = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+/, '')}`;
