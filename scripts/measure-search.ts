/**
 * Measures the search page in real Chromium against a built site served from 127.0.0.1:
 * bytes fetched and time to the first result shown, for a cold query (nothing loaded yet)
 * and for the queries after it. `npm run measure-search -- --dist DIR [--query Q]...`
 * Each query is pasted into the box and submitted at once, once the page has loaded; `--key-ms N`
 * types it instead, a key every N ms, as a reader does, while the page readies the search
 * (docs/search.md). Either way the times run from the submit. `--open` opens the cold query's
 * address instead, as a link to a search does: its times run from the navigation's start.
 * The figures in docs/search.md come from here; tests never time anything.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from './lib/chromium.ts';
import { startStaticServer } from './lib/static-server.ts';
import { distDir } from '../src/config/archive.ts';
import type { SearchStep } from './bench/report.ts';

/**
 * What a reader on a phone has: Lighthouse's "slow 4G" (1.6 Mbps down, 750 kbps up, 150 ms
 * round trip) and a CPU four times slower than this machine's.
 */
const SLOW_4G = { downloadKbps: 1600, uploadKbps: 750, latencyMs: 150, cpuSlowdown: 4 };


const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    query: { type: 'string', multiple: true },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
    requests: { type: 'boolean' },
    throttle: { type: 'boolean' },
    'key-ms': { type: 'string', default: '0' },
    open: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: npm run measure-search -- [--dist DIR] [--query Q]... [--runs N]

  --dist DIR   built site to serve; default: DIST_DIR or dist
  --query Q    queries, in order: the first is the cold one; default: parti, Hanoi, 18-NQ/TW
  --runs N     fresh browser contexts to repeat the sequence in; medians are reported; default 3
  --json FILE  also write the queries' medians to FILE (the bench reads them)
  --key-ms N   type each query a key every N ms after focusing the box (150: a fast typist, 80 words
               a minute), then press Enter; default 0: pasted and submitted at once
  --open       open the cold query's address, as a link to a search does, timed from the navigation's
               start (the queries after it as --key-ms says)
  --requests   also list, for the first run, each step's requests with their bytes: where the bytes go
  --throttle   a phone on a slow network: Chromium's network emulation at ${SLOW_4G.downloadKbps} kbps down,
               ${SLOW_4G.uploadKbps} kbps up and ${SLOW_4G.latencyMs} ms round trip, and the CPU slowed ${SLOW_4G.cpuSlowdown}x`);
  process.exit(0);
}

const root = path.resolve(values.dist ?? distDir);
const throttled = values.throttle === true;
const queries = values.query?.length ? values.query : ['parti', 'Hanoi', '18-NQ/TW'];
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got "${values.runs}"`);
const opened = values.open === true;
const keyMs = Number(values['key-ms']);
if (!Number.isInteger(keyMs) || keyMs < 0) throw new Error(`--key-ms must be a whole number of milliseconds, got "${values['key-ms']}"`);

interface Step {
  query: string;
  ms: number;
  allMs: number;
  longestTaskMs: number;
  bytes: number;
  requests: number;
  fetched: Fetched[];
  results: string;
  /** Of the first screen as shown while indexes answered, the results a one-shot merge puts in the same place. */
  inPlace: number;
  firstScreen: number;
}

interface Fetched {
  url: string;
  bytes: number;
}

/** Response bytes (headers and body) of every request the page and its workers finish. */
function countBytes(page: Page): { take(): Promise<{ bytes: number; requests: number; fetched: Fetched[] }> } {
  let bytes = 0;
  let requests = 0;
  let fetched: Fetched[] = [];
  const pending: Promise<void>[] = [];
  page.context().on('requestfinished', (request: Request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        // Chromium reports 0 body bytes for a worker's own script (pagefind-worker.js, 43 KB),
        // so every earlier figure left it out; the server compresses nothing, so the body as
        // read is the body as transferred.
        const body = sizes.responseBodySize || ((await (await request.response())?.body().catch(() => undefined))?.length ?? 0);
        bytes += body + sizes.responseHeadersSize;
        requests += 1;
        fetched.push({ url: request.url(), bytes: body + sizes.responseHeadersSize });
      })(),
    );
  });
  return {
    // A request's sizes are read after it finished: wait for those of the step's requests.
    async take() {
      await Promise.all(pending.splice(0));
      const taken = { bytes, requests, fetched };
      bytes = 0;
      requests = 0;
      fetched = [];
      return taken;
    },
  };
}

/** How long a query may take to answer, on a phone's network too, before the measurement fails. */
const QUERY_TIMEOUT_MS = 60_000;

/**
 * Puts a query in the search box as a reader does: focuses it, empties it and types the query
 * a key at a time (`--key-ms`), or pastes it at once; the page readies the search on the
 * way (focus and input events).
 */
async function enter(page: Page, query: string, pace: number): Promise<void> {
  if (pace === 0) return page.fill('#search-q', query);
  await page.fill('#search-q', '');
  // One character every `pace` ms, whatever the keyboard layout (Playwright's own `type`
  // spaces keys of its US layout twice as far as others), and Enter one more key later.
  for (const char of query) {
    await page.keyboard.insertText(char);
    await page.waitForTimeout(pace);
  }
}

/**
 * Enters a query, submits it and returns the milliseconds, measured in the page from the
 * submit, until the first of its results is in the list (results show as each language
 * answers) and until every language has answered (the final status).
 */
async function timeQuery(page: Page, query: string, pace: number): Promise<{ first: number; all: number; status: string }> {
  await enter(page, query, pace);
  const times = await page.evaluate(
    ([q, timeoutMs]) =>
      new Promise<{ first: number; all: number }>((resolve, reject) => {
        const list = document.querySelector('[data-search-results]');
        const status = document.querySelector('[data-search-status]');
        const form = document.querySelector<HTMLFormElement>('form.search-form');
        if (!list || !status || !form) return reject(new Error('not the search page'));
        // The previous query's results stay until this one has some: mark them.
        for (const item of list.children) item.setAttribute('data-measure-stale', '');
        let first: number | undefined;
        const start = performance.now();
        const check = () => {
          if (first === undefined && list.querySelector(':scope > li:not([data-measure-stale])')) first = performance.now() - start;
          const text = status.textContent ?? '';
          if (text.includes(`“${q}”`) && /results?/.test(text)) {
            observer.disconnect();
            const all = performance.now() - start;
            resolve({ first: first ?? all, all });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        observer.observe(list, { childList: true });
        // A bundle that never opens leaves the status unanswered: fail, saying what it shows.
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no answer to “${q}” within ${timeoutMs} ms; the status says: ${status.textContent ?? ''}`));
        }, timeoutMs);
        form.requestSubmit();
      }),
    [query, QUERY_TIMEOUT_MS] as const,
  );
  return { ...times, status: (await page.locator('[data-search-status]').textContent()) ?? '' };
}

/**
 * Opens a query's address, as a link to a search does, and returns the milliseconds from the
 * navigation's start until the first of its results is in the list and until every language
 * has answered, as `watchOpened` saw them.
 */
async function openQuery(page: Page, origin: string, query: string): Promise<{ first: number; all: number; status: string }> {
  await page.goto(`${origin}search/?q=${encodeURIComponent(query)}`);
  const times = await page.waitForFunction(
    (q) => {
      const seen = (window as unknown as { opened?: { first?: number; all?: number; status: string } }).opened;
      return seen?.all !== undefined && seen.status.includes(`“${q}”`) ? { first: seen.first ?? seen.all, all: seen.all } : false;
    },
    query,
    { timeout: QUERY_TIMEOUT_MS },
  );
  return { ...((await times.jsonValue()) as { first: number; all: number }), status: (await page.locator('[data-search-status]').textContent()) ?? '' };
}

/**
 * Records, in every page from its start, when the first result is in the list and when the
 * status first says how many results there are: performance.now() counts from the
 * navigation's start.
 */
function watchOpened(): void {
  const seen: { first?: number; all?: number; status: string } = { status: '' };
  (window as unknown as { opened: typeof seen }).opened = seen;
  const check = () => {
    const list = document.querySelector('[data-search-results]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    if (seen.first === undefined && list?.querySelector(':scope > li')) seen.first = performance.now();
    if (seen.all === undefined && /results? for/.test(status)) {
      seen.all = performance.now();
      seen.status = status;
    }
  };
  new MutationObserver(check).observe(document, { childList: true, characterData: true, subtree: true });
}

/**
 * Slows the page's network and CPU through the DevTools protocol. The page's network
 * conditions hold for its worker's fetches too: with them, every index chunk, page list and
 * 12-byte WebAssembly file Pagefind's worker fetched took 150 ms or more (Playwright's request
 * timings).
 */
async function throttle(page: Page): Promise<void> {
  const network = {
    offline: false,
    latency: SLOW_4G.latencyMs,
    downloadThroughput: (SLOW_4G.downloadKbps * 1000) / 8,
    uploadThroughput: (SLOW_4G.uploadKbps * 1000) / 8,
  };
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', network);
  await session.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown });
}

/** The first screen of results, by link. */
const firstScreen = (page: Page): Promise<string[]> =>
  page.$$eval('[data-search-results] > li h3 a', (links) => links.slice(0, 10).map((link) => link.getAttribute('href') ?? ''));

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const site = await startStaticServer({ root });
const browser = await launchBrowser();
const all: Step[][] = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    // The longest task that blocked the page's thread since the last reading: what a query
    // costs the reader's typing and scrolling while Pagefind works in its worker.
    await context.addInitScript(() => {
      const w = window as unknown as { longestTask: number };
      w.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    if (opened) await context.addInitScript(watchOpened);
    const page = await context.newPage();
    if (throttled) await throttle(page);
    const counter = countBytes(page);
    const longestTask = () =>
      page.evaluate(() => {
        const w = window as unknown as { longestTask: number };
        const longest = w.longestTask;
        w.longestTask = 0;
        return longest;
      });
    if (!opened) await page.goto(`${site.url}search/`, { waitUntil: 'networkidle' });
    const pageLoad = await counter.take();
    const steps: Step[] = [{ query: '(open the page)', ms: 0, allMs: 0, longestTaskMs: await longestTask(), ...pageLoad, results: '', inPlace: 0, firstScreen: 0 }];
    for (const [index, query] of queries.entries()) {
      const { first, all, status } = opened && index === 0 ? await openQuery(page, site.url, query) : await timeQuery(page, query, keyMs);
      // Fragments of the shown results load just after the first one renders; count them too.
      await page.waitForLoadState('networkidle');
      const measured = { query, ms: first, allMs: all, longestTaskMs: await longestTask(), ...(await counter.take()), results: status };
      // The same search again, warm: every index answers within a frame, so the page lists it
      // as a one-shot merge would. Its bytes and tasks are not the step's.
      const shown = await firstScreen(page);
      await timeQuery(page, query, 0);
      await page.waitForLoadState('networkidle');
      const oneShot = await firstScreen(page);
      await counter.take();
      await longestTask();
      steps.push({ ...measured, inPlace: shown.filter((url, place) => oneShot[place] === url).length, firstScreen: shown.length });
    }
    all.push(steps);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}

const medians: SearchStep[] = all[0]!.map((step, index) => ({
  query: step.query,
  firstMs: median(all.map((steps) => steps[index]!.ms)),
  allMs: median(all.map((steps) => steps[index]!.allMs)),
  longestTaskMs: median(all.map((steps) => steps[index]!.longestTaskMs)),
  bytes: median(all.map((steps) => steps[index]!.bytes)),
  requests: median(all.map((steps) => steps[index]!.requests)),
  status: step.results,
  firstScreenInPlace: `${median(all.map((steps) => steps[index]!.inPlace))} of ${step.firstScreen}`,
}));
console.log(`search page on ${root}, ${runs} cold run(s), ${opened ? 'the cold query opened from its address, then ' : ''}queries ${keyMs === 0 ? 'pasted' : `typed a key every ${keyMs} ms`}${throttled ? `, throttled (${SLOW_4G.downloadKbps} kbps down, ${SLOW_4G.latencyMs} ms round trip, CPU ${SLOW_4G.cpuSlowdown}x slower)` : ''}, medians:`);
medians.forEach((step, index) => {
  const label = index === 0 ? step.query : index === 1 ? `cold query "${step.query}"` : `then "${step.query}"`;
  console.log(`  ${label.padEnd(28)} ${index === 0 ? '' : `${step.firstMs.toFixed(0)} ms to first results (${step.allMs.toFixed(0)} to all), `}${(step.bytes / 1024).toFixed(1)} KiB in ${step.requests} requests, longest task ${step.longestTaskMs.toFixed(0)} ms${index === 0 ? '' : `, first screen in its final place ${step.firstScreenInPlace}`}  ${step.status}`);
});
if (values.requests) {
  for (const step of all[0]!) {
    console.log(`\n${step.query}: ${(step.bytes / 1024).toFixed(1)} KiB`);
    for (const { url, bytes } of [...step.fetched].sort((a, b) => b.bytes - a.bytes)) console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KiB  ${url.slice(site.url.length - 1)}`);
  }
}
// The first step opens the page; the queries follow it.
if (values.json) writeFileSync(values.json, JSON.stringify(medians.slice(1), null, 2) + '\n');
