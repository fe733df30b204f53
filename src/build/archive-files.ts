import path from 'node:path';
import { archivePaths } from '../config/archive-paths.ts';

/**
 * What a build keeps in an archive folder beside the archive itself. The caches: the ingest's
 * results, the search pages and the site folder's record (`.cache/`), Astro's content store
 * and the pages it restores (`.astro-cache/`). The marker: written after the ingest and removed
 * after the last stage, so a build that was killed leaves it, and its caches may then hold
 * pages newer than their record (Astro writes a restored page's copy as it renders and its
 * record only at the end): the next build starts clean.
 */
export function buildFiles(archive: string) {
  const cache = path.join(archive, archivePaths.cache);
  const astroCache = path.join(archive, archivePaths.astroCache);
  return {
    caches: [cache, astroCache],
    astroCache,
    /** What this archive's last build left in the site folder (src/build/site-output.ts). */
    siteRecord: path.join(cache, 'site-output.json'),
    /** The fingerprint of what the last finished `astro build` read (src/build/render-skip.ts). */
    renderRecord: path.join(cache, 'astro-render.txt'),
    marker: path.join(archive, '.build-incomplete'),
  };
}
