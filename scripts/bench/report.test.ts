import { describe, expect, it } from 'vitest';
import { checkTargets, formatBytes, formatResult, STAGES, type BenchResult } from './report.ts';

function result(articles: number, e2eMs: number, overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    articles,
    seed: 1,
    takenAt: '2026-01-01T00:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'AMD EPYC', memoryBytes: 24 * 2 ** 30, node: 'v24.0.0', kernel: '6.1' },
    load: { before: 0.1, after: 1.9 },
    heapMb: 16384,
    corpus: { files: articles, bytes: articles * 9000 },
    entries: articles - 30,
    stages: [
      { stage: STAGES.ingestCold, wallMs: 10_000, peakRssBytes: 300 * 2 ** 20, cpuMs: 9000 },
      { stage: STAGES.ingestWarm, wallMs: 800, peakRssBytes: 200 * 2 ** 20 },
      { stage: STAGES.endToEnd, wallMs: e2eMs, peakRssBytes: 2 * 2 ** 30 },
    ],
    output: { distBytes: 5 * 2 ** 20, distFiles: 100, htmlPages: 90, pagefind: { bytes: 1000, files: 10, bundles: [] } },
    ...overrides,
  };
}

describe('formatBytes', () => {
  it('picks a readable unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 2 ** 30)).toBe('3.0 GiB');
  });
});

describe('formatResult', () => {
  it('prints every stage with its wall time, time per 1,000 files and peak memory', () => {
    const text = formatResult(result(2000, 50_000));
    expect(text).toMatch(/ingest \(cold\)\s+10\.0 s\s+5\.0 s\s+9\.0 s\s+300 MiB/);
    expect(text).toMatch(/build\.ts end to end\s+50\.0 s\s+25\.0 s\s+-\s+2\.0 GiB/);
  });
});

describe('checkTargets', () => {
  it('passes a run within the targets and fails one outside them', () => {
    const good = checkTargets(result(10_000, 75_000), []);
    expect(good.every((c) => c.ok)).toBe(true);
    const slow = checkTargets(result(10_000, 85_000), []);
    expect(slow.find((c) => c.target.startsWith('cold build'))?.ok).toBe(false);
  });

  it('judges linear growth against a smaller run', () => {
    const small = result(10_000, 40_000);
    expect(checkTargets(result(30_000, 130_000), [small]).find((c) => c.target.startsWith('linear'))?.ok).toBe(true);
    expect(checkTargets(result(30_000, 140_000), [small]).find((c) => c.target.startsWith('linear'))?.ok).toBe(false);
  });

  it('holds the incremental builds to their times at 10,000 and 100,000, and to shares of the cold build below', () => {
    const withRebuilds = (articles: number, updateMs: number, unchangedMs: number, oneMs: number) => {
      const r = result(articles, 60_000 * (articles / 10_000));
      r.stages.push(
        { stage: STAGES.update, wallMs: updateMs, peakRssBytes: 0, pagesRendered: 10, pagesRestored: 90 },
        { stage: STAGES.unchanged, wallMs: unchangedMs, peakRssBytes: 0, pagesRendered: 0, pagesRestored: 0 },
        { stage: STAGES.oneChanged, wallMs: oneMs, peakRssBytes: 0, pagesRendered: 14, pagesRestored: 86 },
      );
      return r;
    };
    const find = (checks: ReturnType<typeof checkTargets>, start: string) => checks.find((c) => c.target.startsWith(start))?.ok;
    const at10k = checkTargets(withRebuilds(10_000, 15_000, 5_000, 8_000), []);
    expect([find(at10k, 'update <='), find(at10k, 'nothing changed <='), find(at10k, 'one file changed <=')]).toEqual([true, true, true]);
    const slow10k = checkTargets(withRebuilds(10_000, 15_100, 5_100, 8_100), []);
    expect([find(slow10k, 'update <='), find(slow10k, 'nothing changed <='), find(slow10k, 'one file changed <=')]).toEqual([false, false, false]);
    const at100k = checkTargets(withRebuilds(100_000, 60_000, 15_000, 20_000), []);
    expect(at100k.filter((c) => /^(update|nothing|one file)/.test(c.target)).map((c) => [c.target, c.ok])).toEqual([
      ['update <= 60.0 s (target at 100,000)', true],
      ['nothing changed <= 15.0 s (target at 100,000)', true],
      ['one file changed <= 20.0 s (target at 100,000)', true],
    ]);
    // 1,000 files: the cold build is 6 s here.
    expect(find(checkTargets(withRebuilds(1000, 1_800, 900, 900), []), 'update <= 30%')).toBe(true);
    expect(find(checkTargets(withRebuilds(1000, 1_900, 900, 900), []), 'update <= 30%')).toBe(false);
    expect(find(checkTargets(withRebuilds(1000, 1_800, 1_000, 900), []), 'nothing changed <= 15%')).toBe(false);
    const small = withRebuilds(10_000, 5_000, 1_000, 1_000);
    expect(find(checkTargets(withRebuilds(100_000, 9_000, 1_000, 1_000), [small]), 'update grows')).toBe(true);
    expect(find(checkTargets(withRebuilds(100_000, 11_000, 1_000, 1_000), [small]), 'update grows')).toBe(false);
    expect(formatResult(small)).toMatch(/update: \+1% new.*\s10 \/ 90$/m);
    expect(formatResult(small)).toMatch(/build again, nothing changed.*\s0 \/ 0$/m);
  });

  it('fails a re-ingest that redoes most of the work', () => {
    const lazy = result(1000, 5000);
    lazy.stages[1] = { stage: STAGES.ingestWarm, wallMs: 6000, peakRssBytes: 0 };
    expect(checkTargets(lazy, []).find((c) => c.target.startsWith('unchanged'))?.ok).toBe(false);
  });

  it('holds the search to the targets at 10,000, and runs above 10,000 to those at 100,000', () => {
    const step = (query: string, kib: number, firstMs: number) => ({ query, firstMs, allMs: firstMs + 100, longestTaskMs: 60, bytes: kib * 1024, requests: 20, status: '' });
    const withSearch = (articles: number, coldKiB: number, coldMs: number, nextKiB: number, nextMs: number) =>
      checkTargets(result(articles, 60_000, { search: [step('parti', coldKiB, coldMs), step('Ханой', nextKiB, nextMs)] }), []);
    const ok = (checks: ReturnType<typeof checkTargets>, start: string) => checks.find((c) => c.target.startsWith(start))?.ok;
    expect(ok(withSearch(10_000, 290, 390, 90, 140), 'cold search')).toBe(true);
    expect(ok(withSearch(10_000, 310, 390, 90, 140), 'cold search')).toBe(false);
    expect(ok(withSearch(10_000, 290, 410, 90, 140), 'cold search')).toBe(false);
    expect(ok(withSearch(10_000, 290, 390, 90, 160), 'next search')).toBe(false);
    expect(ok(withSearch(100_000, 690, 590, 140, 190), 'cold search')).toBe(true);
    expect(ok(withSearch(100_000, 690, 590, 140, 190), 'next search')).toBe(true);
    expect(ok(withSearch(100_000, 2295, 590, 140, 190), 'cold search')).toBe(false);
    expect(formatResult(result(1000, 5000, { search: [step('parti', 300, 1300)] }))).toMatch(/search, cold "parti": 1300 ms to first results \(1400 to all\), 300 KiB in 20 requests/);
  });

  it('holds a three-language cold query and a cold query on slow 4G to their own targets, and prints them', () => {
    const step = (query: string, kib: number, firstMs: number) => ({ query, firstMs, allMs: firstMs + 100, longestTaskMs: 0, bytes: kib * 1024, requests: 20, status: '' });
    const run = (articles: number, referenceKiB: number, referenceMs: number, slowMs: number) =>
      result(articles, 60_000, { search: [step('parti', 100, 100)], searchReference: step('NQ/TW', referenceKiB, referenceMs), searchThrottled: [step('parti', 100, slowMs)] });
    const ok = (checks: ReturnType<typeof checkTargets>, start: string) => checks.find((c) => c.target.startsWith(start))?.ok;
    expect(ok(checkTargets(run(10_000, 440, 2000, 2900), []), 'cold search "NQ/TW"')).toBe(true);
    expect(ok(checkTargets(run(10_000, 460, 100, 2900), []), 'cold search "NQ/TW"')).toBe(false);
    expect(ok(checkTargets(run(10_000, 440, 100, 2900), []), 'cold search "parti" on slow 4G')).toBe(true);
    expect(ok(checkTargets(run(10_000, 440, 100, 3100), []), 'cold search "parti" on slow 4G')).toBe(false);
    expect(ok(checkTargets(run(100_000, 1200, 800, 4900), []), 'cold search "NQ/TW"')).toBe(true);
    expect(ok(checkTargets(run(100_000, 1200, 1000, 4900), []), 'cold search "NQ/TW"')).toBe(false);
    expect(ok(checkTargets(run(100_000, 1200, 800, 4900), []), 'cold search "parti" on slow 4G')).toBe(true);
    const text = formatResult(run(1000, 440, 700, 2500));
    expect(text).toMatch(/search, cold "NQ\/TW": 700 ms/);
    expect(text).toMatch(/search on slow 4G, cold "parti": 2500 ms/);
  });
});
