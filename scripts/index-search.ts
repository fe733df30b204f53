/**
 * Stage three of the build: the search index of the archive's entries, written into the
 * site's `pagefind/` (see src/search/index-build.ts).
 */
import path from 'node:path';
import { archiveDir, articlesDir, distDir } from '../src/config/archive.ts';
import { LANGS } from '../src/schemas/article.ts';
import { buildSearchIndex } from '../src/search/index-build.ts';

try {
  const summary = await buildSearchIndex(articlesDir, path.join(distDir, 'pagefind'), path.join(archiveDir, '.cache', 'search-pages'));
  console.log(`search index: ${LANGS.map((lang) => `${lang} ${summary[lang]}`).join(', ')} pages`);
} catch (error) {
  console.error(`search index: ${(error as Error).message}`);
  process.exit(1);
}
