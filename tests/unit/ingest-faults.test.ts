import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus/corpus.ts';
import { archiveState, fingerprintTree, runIngest, startIngest } from '../../scripts/fuzz/harness.ts';
import { sha256Hex } from '../../src/ingest/steps/entry.ts';
import { articleSchema } from '../../src/schemas/article.ts';

const root = path.resolve('.cache/test-faults');
const input = path.join(root, 'input');
const firstHalf = path.join(root, 'input-first-half');
const cleanOut = path.join(root, 'clean');
const out = path.join(root, 'out');
const TIMEOUT = 300_000;

const ingest = (args: string[]) => runIngest({ args: [...args, '--quiet'], timeoutMs: TIMEOUT });

/** Every entry file parses and validates; returns how many there are. */
async function validateEntries(dir: string): Promise<number> {
  const names = (await readdir(path.join(dir, 'articles'), { recursive: true }).catch(() => [])).filter((name) => name.endsWith('.json'));
  for (const name of names) {
    const file = path.join(dir, 'articles', name);
    const parsed = articleSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
  }
  return names.length;
}

/** Starts the ingest and SIGKILLs it as soon as `ready` says it has written enough. */
async function killWhen(args: string[], ready: () => Promise<boolean>) {
  const running = startIngest({ args: [...args, '--quiet'], timeoutMs: TIMEOUT });
  let stopped = false;
  const poll = (async () => {
    while (!stopped) {
      if (await ready()) {
        running.kill();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  const result = await running.done;
  stopped = true;
  await poll;
  return result;
}

const count = async (dir: string): Promise<number> => (await readdir(dir, { recursive: true }).catch(() => [])).length;

describe('ingest under faults', () => {
  let inputPrint: Map<string, string>;

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(input, { recursive: true });
    await mkdir(firstHalf, { recursive: true });
    const files = [...generateCorpus({ articles: 300, seed: 8 })];
    for (const [index, file] of files.entries()) {
      await writeFile(path.join(input, file.name), file.bytes);
      if (index < files.length / 2) await writeFile(path.join(firstHalf, file.name), file.bytes);
    }
    inputPrint = await fingerprintTree(input);
  }, TIMEOUT);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('a killed run leaves the previous output usable and the next run completes it', { timeout: TIMEOUT }, async () => {
    const clean = await ingest(['--input', input, '--out', cleanOut]);
    expect(clean.code, clean.stderr).toBe(0);
    const cleanState = await archiveState(cleanOut);
    const total = await validateEntries(cleanOut);
    expect(total).toBeGreaterThan(100);

    // The previous output: an archive of the first half.
    const previous = await ingest(['--input', firstHalf, '--out', out]);
    expect(previous.code, previous.stderr).toBe(0);
    const previousEntries = await validateEntries(out);
    const cacheDir = path.join(out, '.cache', 'ingest');
    const cachedBefore = await count(cacheDir);

    // Killed while reading: some new results are cached, nothing of the archive is written yet.
    const whileReading = await killWhen(['--input', input, '--out', out], async () => (await count(cacheDir)) >= cachedBefore + 40);
    expect(whileReading.signal, 'the run finished before it could be killed').toBe('SIGKILL');
    expect(await validateEntries(out)).toBe(previousEntries);
    JSON.parse(await readFile(path.join(out, 'ingest-report.json'), 'utf8'));

    // Killed while writing the archive: whatever is there must still parse and validate.
    const articles = path.join(out, 'articles');
    const whileWriting = await killWhen(['--input', input, '--out', out], async () => (await count(articles)) > previousEntries + 5);
    expect([0, null]).toContain(whileWriting.code);
    await validateEntries(out);
    JSON.parse(await readFile(path.join(out, 'ingest-report.json'), 'utf8'));

    const resumed = await ingest(['--input', input, '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await validateEntries(out)).toBe(total);
    expect([...(await archiveState(out))]).toEqual([...cleanState]);
    expect(await fingerprintTree(input)).toEqual(inputPrint);
  });

  it('a missing input folder gives one clear message and a non-zero exit', { timeout: TIMEOUT }, async () => {
    const missing = path.join(root, 'no-such-folder');
    const run = await ingest(['--input', missing, '--out', path.join(root, 'unused')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('an unwritable output folder gives one clear message and a non-zero exit, input untouched', { timeout: TIMEOUT }, async () => {
    // Root ignores permission bits, so make the output path impossible instead: under a regular file.
    const blocker = path.join(root, 'a-regular-file');
    await writeFile(blocker, 'not a folder');
    const target = path.join(blocker, 'archive');
    const run = await ingest(['--input', firstHalf, '--out', target]);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(blocker);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(await readFile(blocker, 'utf8')).toBe('not a folder');
    expect(await fingerprintTree(input)).toEqual(inputPrint);
  });

  it('refuses an output folder inside the input folder, which it must never write to', { timeout: TIMEOUT }, async () => {
    const before = await fingerprintTree(firstHalf);
    const run = await ingest(['--input', firstHalf, '--out', path.join(firstHalf, 'archive')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(await fingerprintTree(firstHalf)).toEqual(before);
  });

  it('does not follow symlinks out of the input folder, nor loop on a symlinked folder', { timeout: TIMEOUT }, async () => {
    const linked = path.join(root, 'input-with-links');
    const secret = path.join(root, 'outside-secret.txt');
    // A whole article outside the input: following the link would publish it.
    const outsideText = (await readFile(path.join(firstHalf, (await readdir(firstHalf))[0] ?? ''), 'utf8')).replace(/\n/, ' SECRET-OUTSIDE\n');
    await writeFile(secret, outsideText);
    await cp(path.resolve('content/raw'), linked, { recursive: true });
    await symlink(secret, path.join(linked, 'link-to-outside.txt'));
    await symlink(linked, path.join(linked, 'loop'));
    const linkedOut = path.join(root, 'linked-out');
    const run = await ingest(['--input', linked, '--out', linkedOut]);
    expect(run.code, run.stderr).toBe(0);
    const rawCopies = await readdir(path.join(linkedOut, 'raw'));
    expect(rawCopies).not.toContain(`${sha256Hex(outsideText)}.txt`);
    const report = await readFile(path.join(linkedOut, 'ingest-report.json'), 'utf8');
    expect(report).not.toContain('SECRET-OUTSIDE');
    expect(report).not.toContain('loop/');
    // Reporting the link as skipped would be fine; reading it is not.
    const records = (JSON.parse(report) as { files: { file: string; status: string }[] }).files;
    expect(records.filter((record) => record.file === 'link-to-outside.txt' && record.status !== 'skipped')).toEqual([]);
  });
});
