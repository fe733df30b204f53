/**
 * Stage three of the build: the search index of the archive's entries, written into the
 * site's `pagefind/` (see src/search/build/index-build.ts). The last build's bundles are built
 * on (kept, or given a delta and tombstones); the state that tells lives in the archive's
 * cache. SEARCH_BUNDLE_PAGES, SEARCH_DELTA_PAGES and SEARCH_STALE_SHARE override the
 * segment limits (src/search/bundles.ts), for tests. The build sets ARCHIVE_SITE_INTACT when
 * the site folder is as the last build left it, and ARCHIVE_SEARCH_MEMORY beside Astro
 * (src/build/search-gate.ts).
 */
import path from 'node:path';
import { archiveDir, articlesDir, distDir } from '../src/config/archive.ts';
import { archivePaths } from '../src/config/archive-paths.ts';
import { LANGS } from '../src/schemas/article.ts';
import { segmentLimits } from '../src/search/bundles.ts';
import { buildSearchIndex, SEARCH_STATE_FILE, type SearchIndexProgress } from '../src/search/build/index-build.ts';
import { errorMessage } from '../src/lib/errors.ts';
import { SITE_INTACT } from '../src/build/render-skip.ts';
import { memoryFor } from '../src/build/search-gate.ts';
import { stageReporter, type StageProgress } from './lib/stage-progress.ts';

/** A step's line for `npm run build`'s progress (scripts/lib/stage-progress.ts): search pages written, then pages indexed by bundle. */
function stageProgress(progress: SearchIndexProgress): StageProgress {
  const { done, total } = progress;
  if (progress.step === 'pages') return { done, total, unit: 'search pages' };
  return { done, total, unit: 'pages indexed', detail: `bundle ${progress.bundle} of ${progress.bundles}: ${progress.name}` };
}

let waited = false;
/** Holds a bundle too large to index beside `astro build` until Astro is done (src/build/search-gate.ts). */
async function waitForAstro(bytes: number): Promise<void> {
  await memoryFor(bytes, () => {
    waited = true;
    console.log(`search index: waiting for astro build to finish, to index a bundle taking about ${(bytes / 2 ** 30).toFixed(1)} GiB`);
  });
  if (!waited) return;
  waited = false;
  console.log('search index: astro build is done; indexing');
}

try {
  const report = stageReporter();
  let last: StageProgress | undefined;
  const { pages, bundles, rebuilt, tombstones } = await buildSearchIndex(
    articlesDir,
    path.join(distDir, 'pagefind'),
    path.join(archiveDir, archivePaths.searchPages),
    {
      stateFile: path.join(archiveDir, archivePaths.cache, SEARCH_STATE_FILE),
      limits: segmentLimits(process.env),
      onProgress: (progress) => {
        last = stageProgress(progress);
        // A bundle's start is news: Pagefind may take a minute on it.
        report(last, progress.step === 'bundles' && progress.done < progress.total);
      },
      waitForMemory: waitForAstro,
      bundlesIntact: process.env[SITE_INTACT] === '1',
    },
  );
  const kept = bundles.filter((bundle) => !rebuilt.includes(bundle.name)).map((bundle) => bundle.name);
  if (last) report({ ...last, detail: `${rebuilt.length} of ${bundles.length} bundles built` }, true);
  console.log(
    `search index: ${LANGS.map((lang) => `${lang} ${pages[lang]}`).join(', ')} pages; built ${rebuilt.join(', ') || 'none'}${kept.length ? `, kept ${kept.join(', ')}` : ''}${tombstones ? `; ${tombstones} tombstoned` : ''}`,
  );
} catch (error) {
  console.error(`search index: ${errorMessage(error)}`);
  process.exit(1);
}
