/**
 * `npm run lighthouse`: Lighthouse's four category scores for the pages issue #16 holds to
 * its quality bar (and a side-by-side page, where the archive has one), on a site already
 * built (it builds nothing: run `npm run build` first).
 * The site is served the way `npm run preview` serves it, Chromium is Debian's (CHROME_PATH,
 * else scripts/lib/chromium.ts's), Lighthouse runs its default mobile emulation with
 * simulated throttling. Exits 1 when a score is under the bar (performance 95, the others
 * 100; the search page is `noindex` and exempt from SEO). Kept out of `npm test` and
 * `.ci/run`: performance moves by a few points with the machine's load.
 *
 *   npm run lighthouse -- [--dist DIR] [--runs N] [--path articles/fr/x/ ...] [--json FILE]
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { distDir } from '../src/config/archive.ts';
import { compareStrings } from '../src/lib/sort.ts';
import { routes } from '../src/lib/urls.ts';
import { startStaticServer } from './lib/static-server.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const BAR: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
/** The metrics behind the performance score, to see what moved when it does. */
const METRICS = { FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time', CLS: 'cumulative-layout-shift', SI: 'speed-index' } as const;

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: distDir },
    runs: { type: 'string', default: '1' },
    path: { type: 'string', multiple: true },
    json: { type: 'string' },
  },
});
const dist = path.resolve(values.dist);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of runs, got ${values.runs}`);

/** The site path of the biggest `index.html` directly under `folder/*` (or `folder/*\/*`): the heaviest page of its kind. */
function biggestPage(folder: string, depth: 1 | 2): string {
  const candidates: { sitePath: string; size: number }[] = [];
  const walk = (relative: string, left: number): void => {
    for (const entry of readdirSync(path.join(dist, relative), { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'page') continue;
      const child = `${relative}${entry.name}/`;
      if (left > 1) walk(child, left - 1);
      else {
        const size = statSync(path.join(dist, child, 'index.html'), { throwIfNoEntry: false })?.size;
        if (size !== undefined) candidates.push({ sitePath: child, size });
      }
    }
  };
  walk(folder, depth);
  candidates.sort((a, b) => b.size - a.size || compareStrings(a.sitePath, b.sitePath));
  const biggest = candidates[0];
  if (!biggest) throw new Error(`${path.join(dist, folder)} holds no page: build the site first (npm run build)`);
  return biggest.sitePath;
}

if (!statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false })) throw new Error(`${dist} holds no built site: run npm run build first`);
const pages: { label: string; sitePath: string; exempt: Category[] }[] = values.path
  ? values.path.map((sitePath) => ({ label: sitePath, sitePath, exempt: sitePath === routes.search() ? ['seo'] : [] }))
  : [
      { label: 'home', sitePath: routes.home(), exempt: [] },
      { label: 'article', sitePath: biggestPage('articles/', 2), exempt: [] },
      { label: 'topic', sitePath: biggestPage(routes.topics(), 1), exempt: [] },
      // Side-by-side pages exist only where an original has two or more versions.
      ...(existsSync(path.join(dist, routes.compare(''))) ? [{ label: 'compare', sitePath: biggestPage(routes.compare(''), 1), exempt: [] }] : []),
      { label: 'report', sitePath: routes.report(), exempt: [] },
      // `noindex` by design, so never crawlable: exempt from SEO only.
      { label: 'search', sitePath: routes.search(), exempt: ['seo'] },
    ];

const served = await startStaticServer({ root: dist, base: process.env.BASE_PATH ?? '/' });
const chrome = await launch({ chromePath: process.env.CHROME_PATH ?? CHROMIUM_PATH, chromeFlags: [...CHROMIUM_FLAGS] });
const results: { run: number; page: string; url: string; scores: Record<Category, number>; metrics: Record<string, string> }[] = [];
let failed = false;
try {
  for (let run = 1; run <= runs; run++) {
    for (const page of pages) {
      const url = new URL(page.sitePath, served.url).href;
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const metrics = Object.fromEntries(Object.entries(METRICS).map(([name, audit]) => [name, String(lhr.audits[audit]?.displayValue ?? '?')]));
      const below = CATEGORIES.filter((c) => !page.exempt.includes(c) && scores[c] < BAR[c]);
      failed ||= below.length > 0;
      results.push({ run, page: page.label, url, scores, metrics });
      const cells = CATEGORIES.map((c) => `${c} ${scores[c]}${below.includes(c) ? ' (under the bar)' : page.exempt.includes(c) ? ' (exempt)' : ''}`);
      console.log(`run ${run} · ${page.label.padEnd(8)} ${cells.join(' · ')}  [${Object.entries(metrics).map(([name, value]) => `${name} ${value}`).join(', ')}]  /${page.sitePath}`);
    }
  }
} finally {
  chrome.kill();
  await served.close();
}
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
if (failed) {
  console.error(`Some scores are under the bar (performance ${BAR.performance}, the others 100). On a loaded machine, performance moves by a few points: see the metrics above.`);
  process.exitCode = 1;
}
