/**
 * `npm run topics -- --explain <file-or-id>` prints why an article gets each topic, and the
 * near-misses below threshold. `npm run topics -- --stats` prints per-topic counts per
 * language over the archive and the articles with no theme. Reads ARCHIVE_DIR's entries; a
 * raw file given to --explain goes through the ingest's pipeline first.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articlesDir } from '../src/config/archive.ts';
import { parseArticle, type Article } from '../src/schemas/article.ts';
import { ARTICLE_ID, LANGS, perLang, type Lang } from '../src/schemas/langs.ts';
import { parseTaxonomy, TOPICS_FILE, type Topic } from '../src/schemas/topic.ts';
import { ingestFile } from '../src/ingest/pipeline.ts';
import { compileTaxonomy, scoreTopics, type CompiledTaxonomy, type TopicScore } from '../src/ingest/steps/topics.ts';
import { compareStrings } from '../src/lib/sort.ts';
import { errorMessage } from '../src/lib/errors.ts';

const USAGE = `Usage:
  npm run topics -- --explain <entry.json | raw file | id such as fr/some-slug-1a2b3c4d5e>
  npm run topics -- --stats [--recompute | --input DIR] [--limit N]

  --explain    why the article gets each topic: score, threshold, which patterns matched
               how often, and the topics that matched but stayed below their threshold
  --stats      per-topic article counts per language over ${path.relative(process.cwd(), articlesDir) || articlesDir},
               the share of articles with at least one theme, and the articles with none
  --recompute  score the entries again with the current taxonomy instead of reading the
               topics the ingest stored (to try a taxonomy change without re-ingesting)
  --input DIR  with --stats: run the raw files under DIR through the ingest in memory
               instead of reading the archive (nothing is written)
  --limit N    how many articles without a theme to list (default 20)
  --taxonomy   the taxonomy file (default ${TOPICS_FILE})`;

function fail(message: string): never {
  console.error(`topics: ${message}`);
  process.exit(1);
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        explain: { type: 'string' },
        stats: { type: 'boolean' },
        recompute: { type: 'boolean' },
        input: { type: 'string' },
        limit: { type: 'string', default: '20' },
        taxonomy: { type: 'string', default: TOPICS_FILE },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`topics: ${errorMessage(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}
const values = parseCommandLine();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if ((values.explain === undefined) === (values.stats !== true)) {
  console.error(`topics: give exactly one of --explain and --stats\n\n${USAGE}`);
  process.exit(2);
}
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 0) fail(`--limit must be a whole number (got "${values.limit}")`);

async function loadTaxonomy(file: string): Promise<Topic[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(`cannot read the taxonomy ${file}: ${errorMessage(error)}`);
  }
  try {
    return parseTaxonomy(text, file);
  } catch (error) {
    fail(errorMessage(error));
  }
}

async function readEntry(file: string): Promise<Article> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    fail(`${file}: not a readable JSON entry: ${errorMessage(error)}`);
  }
  try {
    return parseArticle(data, file);
  } catch (error) {
    fail(errorMessage(error));
  }
}

/** An entry, a raw file run through the ingest, or an id looked up in the archive. */
async function loadArticle(target: string, taxonomy: CompiledTaxonomy): Promise<{ article: Article; from: string }> {
  if (existsSync(target) && target.endsWith('.json')) return { article: await readEntry(target), from: target };
  if (existsSync(target)) {
    const bytes = new Uint8Array(await readFile(target));
    const result = ingestFile(bytes, path.basename(target), taxonomy);
    if (result.status !== 'kept' || !result.article) fail(`${target}: the ingest skips this file: ${result.reason ?? 'no article'}`);
    return { article: result.article, from: `${target} (raw file, through the ingest)` };
  }
  const entry = path.join(articlesDir, `${target.replace(/\.json$/, '')}.json`);
  if (!ARTICLE_ID.test(target.replace(/\.json$/, '')) || !existsSync(entry)) {
    fail(`"${target}" is neither a file nor the id of an entry in ${articlesDir}`);
  }
  return { article: await readEntry(entry), from: entry };
}

function scoresOf(article: Article, taxonomy: CompiledTaxonomy): TopicScore[] {
  const { lang, title, body, documentRefs, tags } = article;
  return scoreTopics({ lang, title, body, documentRefs, tags }, taxonomy);
}

function formatScore(score: TopicScore): string {
  const matches = score.matches.map((match) => `"${match.pattern}" ×${match.count}`).join(', ');
  return `  ${score.slug.padEnd(32)} ${score.kind.padEnd(12)} ${String(score.score).padStart(5)} / ${String(score.threshold).padEnd(5)}  ${matches}`;
}

async function explain(target: string, taxonomy: CompiledTaxonomy): Promise<void> {
  const { article, from } = await loadArticle(target, taxonomy);
  const scores = scoresOf(article, taxonomy);
  const assigned = scores.filter((score) => score.assigned);
  const nearMisses = scores.filter((score) => !score.assigned);
  console.log(`${article.id} (${article.lang}) — ${article.title}`);
  console.log(`from ${from}`);
  console.log(`\nAssigned (${assigned.length}):            kind          score / needed   patterns matched`);
  for (const score of assigned) console.log(formatScore(score));
  console.log(`\nBelow threshold (${nearMisses.length}):`);
  for (const score of nearMisses) console.log(formatScore(score));
  const stored = article.topics.map((topic) => topic.slug).join(' ');
  const now = assigned.map((score) => score.slug).join(' ');
  if (stored !== now) console.log(`\nThe entry stores other topics (ingested with an older taxonomy?): ${stored || '(none)'}`);
}

async function listEntries(dir: string): Promise<string[]> {
  if (!existsSync(dir)) fail(`no archive at ${dir}: run the ingest first (npm run ingest) or set ARCHIVE_DIR`);
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.json'));
  return files.map((file) => path.join(dir, file)).sort();
}

/** Entries from the archive, or (--input) raw files put through the ingest without writing anything. */
async function* articles(taxonomy: CompiledTaxonomy, input: string | undefined): AsyncGenerator<Article> {
  if (input === undefined) {
    const files = await listEntries(articlesDir);
    if (files.length === 0) fail(`no entries in ${articlesDir}`);
    for (const file of files) yield await readEntry(file);
    return;
  }
  if (!existsSync(input)) fail(`no folder ${input}`);
  const files = (await readdir(input, { recursive: true })).filter((file) => file.endsWith('.txt')).sort();
  if (files.length === 0) fail(`no .txt files under ${input}`);
  for (const file of files) {
    const result = ingestFile(new Uint8Array(await readFile(path.join(input, file))), file, taxonomy);
    if (result.article) yield result.article;
  }
}

async function stats(taxonomy: CompiledTaxonomy, recompute: boolean, input: string | undefined): Promise<void> {
  const kinds = new Map(taxonomy.topics.map((topic) => [topic.slug, topic.kind]));
  const counts = new Map<string, Record<Lang, number>>();
  const byLang = perLang(() => 0);
  const withTheme = perLang(() => 0);
  const noTheme: string[] = [];
  let total = 0;
  for await (const article of articles(taxonomy, input)) {
    total += 1;
    const slugs = recompute
      ? scoresOf(article, taxonomy).filter((score) => score.assigned).map((score) => score.slug)
      : article.topics.map((topic) => topic.slug);
    byLang[article.lang] += 1;
    for (const slug of slugs) {
      const row = counts.get(slug) ?? perLang(() => 0);
      row[article.lang] += 1;
      counts.set(slug, row);
    }
    if (slugs.some((slug) => kinds.get(slug) === 'theme')) withTheme[article.lang] += 1;
    else noTheme.push(`${article.id} — ${article.title}`);
  }

  const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
  console.log(`${total} articles from ${input ?? articlesDir} (${LANGS.map((lang) => `${lang} ${byLang[lang]}`).join(', ')}); topics ${recompute || input !== undefined ? 'scored with' : 'as stored, taxonomy'} ${values.taxonomy}`);
  const themed = LANGS.reduce((sum, lang) => sum + withTheme[lang], 0);
  console.log(
    `with at least one theme: ${themed}/${total} = ${percent(themed, total)} (${LANGS.map((lang) => `${lang} ${percent(withTheme[lang], byLang[lang])}`).join(', ')})`,
  );
  const rows = [...counts].map(([slug, row]) => ({ slug, row, sum: row.fr + row.ru + row.el }));
  rows.sort((a, b) => b.sum - a.sum || compareStrings(a.slug, b.slug));
  console.log(`\n${'topic'.padEnd(34)}${'kind'.padEnd(14)}${'fr'.padStart(7)}${'ru'.padStart(7)}${'el'.padStart(7)}${'all'.padStart(8)}`);
  for (const { slug, row, sum } of rows) {
    const kind = kinds.get(slug) ?? 'document';
    console.log(`${slug.padEnd(34)}${kind.padEnd(14)}${String(row.fr).padStart(7)}${String(row.ru).padStart(7)}${String(row.el).padStart(7)}${String(sum).padStart(8)}`);
  }
  const unused = taxonomy.topics.filter((topic) => !counts.has(topic.slug)).map((topic) => topic.slug);
  if (unused.length > 0) console.log(`\nCurated topics no article got (${unused.length}): ${unused.join(' ')}`);
  console.log(`\nArticles with no theme (${noTheme.length}):`);
  for (const line of noTheme.slice(0, limit)) console.log(`  ${line}`);
  if (noTheme.length > limit) console.log(`  … and ${noTheme.length - limit} more (--limit N to see them)`);
}

const taxonomy = compileTaxonomy(await loadTaxonomy(values.taxonomy));
if (values.explain !== undefined) await explain(values.explain, taxonomy);
else await stats(taxonomy, values.recompute === true, values.input);
