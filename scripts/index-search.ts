/**
 * Stage three of the build: the search index of the archive's entries, written into the
 * site's `pagefind/` (see src/search/index-build.ts). A bundle whose search pages are the
 * same as the last build's is kept; the state that tells lives in the archive's cache.
 */
import path from 'node:path';
import { archiveDir, articlesDir, distDir } from '../src/config/archive.ts';
import { LANGS } from '../src/schemas/article.ts';
import { buildSearchIndex, SEARCH_STATE_FILE } from '../src/search/index-build.ts';

try {
  const cache = path.join(archiveDir, '.cache');
  const { pages, bundles, rebuilt } = await buildSearchIndex(articlesDir, path.join(distDir, 'pagefind'), path.join(cache, 'search-pages'), path.join(cache, SEARCH_STATE_FILE));
  const kept = bundles.filter((bundle) => !rebuilt.includes(bundle.name)).map((bundle) => bundle.name);
  console.log(`search index: ${LANGS.map((lang) => `${lang} ${pages[lang]}`).join(', ')} pages; built ${rebuilt.join(', ') || 'none'}${kept.length ? `, kept ${kept.join(', ')}` : ''}`);
} catch (error) {
  console.error(`search index: ${(error as Error).message}`);
  process.exit(1);
}
