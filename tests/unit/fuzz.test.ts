import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, type Sample } from '../../scripts/fuzz/corpus.ts';
import { fuzzIngest } from '../../scripts/fuzz/harness.ts';
import { tally } from '../../scripts/fuzz/verdict.ts';

const sandbox = path.resolve('.cache/test-fuzz');

async function loadSamples(): Promise<Sample[]> {
  const dir = path.resolve('content/raw');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(dir, name))) })));
}

describe('the ingest CLI over a few hundred bad files', () => {
  afterAll(async () => {
    await rm(sandbox, { recursive: true, force: true });
  });

  it('accounts for every file, never crashes, hangs or writes outside its output folder', { timeout: 420_000 }, async () => {
    // Long lines are kept short here; `npm run fuzz` makes the 5 MB ones.
    const cases = generateCorpus({ seed: 20_251_123, count: 260, samples: await loadSamples(), longLineBytes: 128 * 1024 });
    const { run, records, problems } = await fuzzIngest(cases, sandbox, 400_000);
    expect(problems).toEqual([]);
    expect(run.code, run.stderr).toBe(0);
    const counts = tally(records);
    expect(counts.tried).toBe(cases.length);
    // The corpus holds intact-enough files, hopeless ones and exact copies: all three outcomes occur.
    expect(counts.kept).toBeGreaterThan(0);
    expect(counts.skipped).toBeGreaterThan(0);
    expect(counts.duplicate).toBeGreaterThan(0);
    // Hostile names were in the corpus and still ended up in the report under their own name.
    expect(records.filter((record) => /\/\.\.|\\/.test(record.file)).length).toBeGreaterThan(0);
  });

  // Files saved by `npm run fuzz` that once made the pipeline throw or stall
  // (tests/fixtures/ingest-crashers/README.md): they must stay handled.
  it('handles every saved crasher without throwing', { timeout: 120_000 }, async () => {
    const dir = path.resolve('tests/fixtures/ingest-crashers');
    // Huge crashers are stored gzipped (a 5 MB line packs into 25 KB) and fed to the ingest as
    // the raw bytes they were.
    const names = (await readdir(dir)).filter((name) => /\.txt(?:\.gz)?$/.test(name)).sort();
    expect(names.length).toBeGreaterThan(0);
    const cases = await Promise.all(
      names.map(async (name) => {
        const stored = await readFile(path.join(dir, name));
        const bytes = name.endsWith('.gz') ? gunzipSync(stored) : stored;
        return { path: name.replace(/\.gz$/, ''), kind: 'crasher', bytes: new Uint8Array(bytes) };
      }),
    );
    const { problems } = await fuzzIngest(cases, path.join(sandbox, 'crashers'), 100_000);
    expect(problems).toEqual([]);
  });
});
