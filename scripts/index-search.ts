/**
 * Stage three of the build: one Pagefind bundle per article language, `pagefind/<lang>/`,
 * plus `pagefind/languages.json` naming the bundles that have pages.
 *
 * Why one bundle per language and not Pagefind's usual one bundle with a per-`<html lang>`
 * index: Pagefind's browser code keeps one WebAssembly module (which holds the stemmer) per
 * loaded copy of pagefind.js, so a single copy searching three languages would stem Russian
 * and Greek with the French stemmer. Three bundles are three copies, each with its own
 * stemmer; the search page queries them side by side and merges (see README, "Search design").
 *
 * The index is made from the archive's entries, not from the built pages, so `scripts/build.ts`
 * runs it beside `astro build` and only writes the result into the site afterwards. Each entry
 * becomes a small page (`searchDocument`) in a scratch folder that Pagefind reads as a
 * directory: handing it the same pages one message at a time (`addHTMLFile`) took 43 s for
 * 10,000 articles, reading them as a folder 29 s, reading the built site 37 s.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { archiveDir, articlesDir, distDir } from '../src/config/archive.ts';
import { searchDocument } from '../src/lib/search-record.ts';
import { articleSchema, LANGS, type Lang } from '../src/schemas/article.ts';

// Pagefind writes its ready-made UIs into every bundle; the search page has its own.
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Pages per language bundle. */
export type SearchIndexSummary = Record<Lang, number>;

export interface SearchIndex {
  summary: SearchIndexSummary;
  /** Every file of every bundle, by path below `pagefind/`. */
  files: { path: string; content: Uint8Array }[];
}

/**
 * Writes one search page per entry below `scratchDir` (`articles/<id>/index.html`, the path
 * of the article's own page, so Pagefind gives results the article's URL). An entry that
 * does not match the article schema stops the build, naming its file.
 */
async function writeSearchDocuments(entriesDir: string, scratchDir: string): Promise<void> {
  await rm(scratchDir, { recursive: true, force: true });
  let names: string[];
  try {
    names = (await readdir(entriesDir, { recursive: true })).filter((name) => name.endsWith('.json')).sort();
  } catch {
    names = [];
  }
  const made = new Set<string>();
  for (const name of names) {
    const file = path.join(entriesDir, name);
    const parsed = articleSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      throw new Error(`${file} does not match the article schema: ${issues.join('; ')}`);
    }
    const page = path.join(scratchDir, 'articles', parsed.data.id, 'index.html');
    const folder = path.dirname(page);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await writeFile(page, searchDocument(parsed.data));
  }
}

/** Builds every language's bundle in memory from the entries in `entriesDir`. */
export async function buildSearchIndex(entriesDir: string, scratchDir: string): Promise<SearchIndex> {
  const summary = {} as SearchIndexSummary;
  const files: SearchIndex['files'] = [];
  try {
    await writeSearchDocuments(entriesDir, scratchDir);
    for (const lang of LANGS) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`pagefind (${lang}): ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: scratchDir, glob: `articles/${lang}/**/index.html` });
      if (added.errors.length) throw new Error(`pagefind (${lang}): ${added.errors.join('; ')}`);
      summary[lang] = added.page_count;
      if (added.page_count > 0) {
        const written = await index.getFiles();
        if (written.errors.length) throw new Error(`pagefind (${lang}): ${written.errors.join('; ')}`);
        for (const file of written.files) {
          if (!UNUSED.test(path.basename(file.path))) files.push({ path: `${lang}/${file.path}`, content: file.content });
        }
      }
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
    await rm(scratchDir, { recursive: true, force: true });
  }
  const present = Object.fromEntries(LANGS.filter((lang) => summary[lang] > 0).map((lang) => [lang, summary[lang]]));
  files.push({ path: 'languages.json', content: Buffer.from(`${JSON.stringify(present)}\n`) });
  return { summary, files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/** Replaces `pagefind/` in the built site with the index. */
export async function writeSearchIndex(index: SearchIndex, siteDir: string): Promise<void> {
  const outputRoot = path.join(siteDir, 'pagefind');
  await rm(outputRoot, { recursive: true, force: true });
  for (const file of index.files) {
    const target = path.join(outputRoot, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const index = await buildSearchIndex(articlesDir, path.join(archiveDir, '.cache', 'search-pages'));
    await writeSearchIndex(index, distDir);
    console.log(`search index: ${LANGS.map((lang) => `${lang} ${index.summary[lang]}`).join(', ')} pages`);
  } catch (error) {
    console.error(`search index: ${(error as Error).message}`);
    process.exit(1);
  }
}
