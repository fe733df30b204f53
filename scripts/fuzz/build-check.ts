/**
 * The rest of the guarantee after the ingest: the archive a fuzz run wrote must build. Runs
 * `astro build` and the search index over it, as `npm run build` does, then checks that every
 * kept file has its article page, every publisher its page, and every language its index.
 */
import { spawn } from 'node:child_process';
import { access, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArticle, type Article } from '../../src/schemas/article.ts';
import { toRecord } from '../../src/lib/article-record.ts';
import { groupPublishers } from '../../src/lib/publishers.ts';
import { routes } from '../../src/lib/urls.ts';
import type { ReportRecord } from './verdict.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface StageRun {
  stage: string;
  code: number | null;
  ms: number;
  output: string;
}

function runStage(stage: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<StageRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      // The tail is what explains a failure; a whole build log can be megabytes.
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stage, code, ms: performance.now() - started, output });
    });
  });
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** The page file of a route under `dist/` (the site builds with `format: 'directory'`). */
const pageFile = (distDir: string, route: string): string => path.join(distDir, ...route.split('/'), 'index.html');

interface BuildCheck {
  stages: StageRun[];
  /** One sentence per page or index that should exist and does not, or per failed stage. */
  problems: string[];
  articles: number;
  publishers: number;
}

async function readEntries(articlesDir: string): Promise<Article[]> {
  const names = (await readdir(articlesDir, { recursive: true }).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => parseArticle(JSON.parse(await readFile(path.join(articlesDir, name), 'utf8')), name)));
}

/**
 * Builds the site from the archive in `outDir` into `distDir` and checks it against the
 * ingest's report: each kept record's article page, each publisher's page, each language's
 * search index.
 */
export async function checkBuild(outDir: string, distDir: string, records: readonly ReportRecord[], timeoutMs: number): Promise<BuildCheck> {
  await rm(distDir, { recursive: true, force: true });
  const env = { ...process.env, ARCHIVE_DIR: outDir, DIST_DIR: distDir };
  const stages: StageRun[] = [];
  const problems: string[] = [];
  for (const [stage, script] of [
    ['astro build', 'node_modules/astro/bin/astro.mjs'],
    ['search index', 'scripts/index-search.ts'],
  ] as const) {
    const run = await runStage(stage, stage === 'astro build' ? [script, 'build'] : [script], env, timeoutMs);
    stages.push(run);
    if (run.code !== 0) {
      problems.push(`${stage} failed (${run.code ?? 'killed'}): ${run.output.trim().split('\n').slice(-8).join(' | ')}`);
      return { stages, problems, articles: 0, publishers: 0 };
    }
  }

  const articles = await readEntries(path.join(outDir, 'articles'));
  const byId = new Map(articles.map((article) => [article.id, article]));
  for (const record of records) {
    if (record.status !== 'kept') continue;
    if (!record.id || !byId.has(record.id)) problems.push(`${JSON.stringify(record.file)}: kept as ${record.id ?? '(no id)'} but no entry holds that id`);
    else if (!(await exists(pageFile(distDir, routes.article(record.id))))) problems.push(`${JSON.stringify(record.file)}: no page for article ${record.id}`);
  }
  const publishers = groupPublishers(articles.map(toRecord));
  for (const group of publishers.values()) {
    if (!(await exists(pageFile(distDir, routes.publisher(group.slug))))) problems.push(`no page for publisher ${JSON.stringify(group.name)} (${group.slug})`);
  }
  const search = stages.at(-1)?.output ?? '';
  for (const lang of new Set(articles.map((article) => article.lang))) {
    const pages = Number(new RegExp(`\\b${lang} (\\d+)`).exec(search)?.[1] ?? NaN);
    const expected = articles.filter((article) => article.lang === lang).length;
    if (pages !== expected) problems.push(`search index: ${lang} has ${Number.isNaN(pages) ? 'no' : pages} pages for ${expected} articles`);
  }
  return { stages, problems, articles: articles.length, publishers: publishers.size };
}
