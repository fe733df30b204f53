/**
 * Stage three of the build: one Pagefind bundle per article language, `pagefind/<lang>/`,
 * from the article pages only (their `data-pagefind-body`), plus `pagefind/languages.json`
 * naming the bundles that have pages.
 *
 * Why one bundle per language and not Pagefind's usual one bundle with a per-`<html lang>`
 * index: Pagefind's browser code keeps one WebAssembly module (which holds the stemmer) per
 * loaded copy of pagefind.js, so a single copy searching three languages would stem Russian
 * and Greek with the French stemmer. Three bundles are three copies, each with its own
 * stemmer; the search page queries them side by side and merges (see README, "Search design").
 */
import { readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { distDir } from '../src/config/archive.ts';
import { LANGS, type Lang } from '../src/schemas/article.ts';

// Pagefind writes its ready-made UIs into every bundle; the search page has its own.
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Pages per language bundle written. */
export type SearchIndexSummary = Record<Lang, number>;

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexSummary> {
  const outputRoot = path.join(siteDir, 'pagefind');
  await rm(outputRoot, { recursive: true, force: true });
  const summary = {} as SearchIndexSummary;
  try {
    for (const lang of LANGS) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`pagefind (${lang}): ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: siteDir, glob: `articles/${lang}/**/index.html` });
      if (added.errors.length) throw new Error(`pagefind (${lang}): ${added.errors.join('; ')}`);
      summary[lang] = added.page_count;
      if (added.page_count > 0) {
        const outputPath = path.join(outputRoot, lang);
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`pagefind (${lang}): ${written.errors.join('; ')}`);
        for (const file of await readdir(outputPath)) {
          if (UNUSED.test(file)) await rm(path.join(outputPath, file));
        }
      }
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
  }
  await mkdir(outputRoot, { recursive: true });
  const present = Object.fromEntries(LANGS.filter((lang) => summary[lang] > 0).map((lang) => [lang, summary[lang]]));
  await writeFile(path.join(outputRoot, 'languages.json'), `${JSON.stringify(present)}\n`);
  return summary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const summary = await buildSearchIndex(distDir);
  console.log(`search index: ${LANGS.map((lang) => `${lang} ${summary[lang]}`).join(', ')} pages`);
}
