import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { isIngestWrites } from '../../src/build/astro-gate.ts';
import { run as runStage } from '../../src/build/run.ts';

const run = promisify(execFile);
const CLI = path.resolve('scripts/ingest.ts');

async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return ingestWithEnv({}, ...args);
}

async function ingestWithEnv(extra: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, ...extra };
  if (!('ARCHIVE_DIR' in extra)) delete env.ARCHIVE_DIR;
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: path.resolve('.'), env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file below `root` (except the cache) with its content hash. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    if (file.startsWith('.cache')) continue;
    files[file] = createHash('sha256').update(await readFile(path.join(root, file))).digest('hex');
  }
  return files;
}

let dir: string;
let input: string;
let out: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ingest-cli-'));
  input = path.join(dir, 'input');
  out = path.join(dir, 'out');
  await cp('content/raw', path.join(input, 'samples'), { recursive: true });
  await mkdir(path.join(input, 'nested', 'deeper'), { recursive: true });
  await cp('content/raw/003_736dc36327812824.txt', path.join(input, 'nested', 'deeper', 'copy-of-003.txt'));
  await writeFile(path.join(input, 'nested', 'empty.txt'), '');
  await cp('tests/fixtures/ingest/polish.txt', path.join(input, 'nested', 'polish.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run ingest', { timeout: 60_000 }, () => {
  it('explains every option with --help', async () => {
    const { code, stdout } = await ingest('--help');
    expect(code).toBe(0);
    for (const option of ['--input', '--out', '--report', '--topics', '--max-bytes', '--jobs', '--file-timeout', '--no-cache', '--quiet']) expect(stdout).toContain(option);
  });

  it('writes entries, raw copies, report and manifest; keeps the input untouched', async () => {
    const before = await snapshot(input);
    const { code, stdout } = await ingest('--input', input, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/kept 5, skipped 2, duplicate 1/);
    expect(await snapshot(input)).toEqual(before);

    const report = JSON.parse(await readFile(path.join(out, 'ingest-report.json'), 'utf8')) as { files: { file: string; status: string; id?: string }[] };
    expect(report.files.map((record) => [record.file, record.status])).toEqual([
      // The same bytes twice: the path that sorts first is kept.
      ['nested/deeper/copy-of-003.txt', 'kept'],
      ['nested/empty.txt', 'skipped'],
      ['nested/polish.txt', 'skipped'],
      ['samples/000_647adb3486ad43d7.txt', 'kept'],
      ['samples/001_508e9a579cab8ace.txt', 'kept'],
      ['samples/002_71d977bec0ddab80.txt', 'kept'],
      ['samples/003_736dc36327812824.txt', 'duplicate'],
      ['samples/004_eccd677ccf18e2ae.txt', 'kept'],
    ]);
    for (const record of report.files.filter((r) => r.status === 'kept')) {
      const entry = JSON.parse(await readFile(path.join(out, 'articles', `${record.id}.json`), 'utf8')) as { raw: { sha256: string; path: string } };
      expect(entry.raw.path).toBe(record.file);
      const copy = await readFile(path.join(out, 'raw', `${entry.raw.sha256}.txt`));
      expect(copy.equals(await readFile(path.join(input, record.file)))).toBe(true);
    }
  });

  it('gives byte-identical output on a re-run, from the cache', async () => {
    const first = await snapshot(out);
    const { code, stdout } = await ingest('--input', input, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain('(8 unchanged, from cache)');
    expect(await snapshot(out)).toEqual(first);
    // A lost entry is noticed and written again, even though no input changed.
    const lost = path.join(out, 'articles', 'fr', 'thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-74335e0e1b.json');
    await rm(lost);
    expect((await ingest('--input', input, '--out', out, '--quiet')).code).toBe(0);
    expect(await snapshot(out)).toEqual(first);
    const uncached = await ingest('--input', input, '--out', out, '--no-cache', '--quiet');
    expect(uncached.stdout).toBe('');
    expect(await snapshot(out)).toEqual(first);
  });

  it('tells `npm run build` when it will write the archive, and only then', async () => {
    // How many times a run said so over the channel the build opens (src/build/astro-gate.ts).
    const saidWrites = async (): Promise<number> => {
      const messages: unknown[] = [];
      await runStage(process.execPath, [CLI, '--input', input, '--out', out, '--quiet'], { label: 'ingest', onLine: () => {}, onMessage: (message) => messages.push(message) });
      return messages.filter(isIngestWrites).length;
    };
    // The run before was made without the cache, which leaves no record of itself.
    await saidWrites();
    expect(await saidWrites()).toBe(0);
    await rm(path.join(out, 'articles', 'fr', 'thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-74335e0e1b.json'));
    expect(await saidWrites()).toBe(1);
    expect(await saidWrites()).toBe(0);
  });

  it('on an update, reads back only the entries that may have changed, and puts right those edited by hand', async () => {
    const updated = path.join(dir, 'update-input');
    const archive = path.join(dir, 'update-out');
    await cp(input, updated, { recursive: true });
    expect((await ingest('--input', updated, '--out', archive, '--quiet')).code).toBe(0);
    const entryOf = async (file: string): Promise<string> => {
      const report = JSON.parse(await readFile(path.join(archive, 'ingest-report.json'), 'utf8')) as { files: { file: string; id?: string }[] };
      return path.join(archive, 'articles', `${report.files.find((record) => record.file === file)?.id}.json`);
    };
    const [changed, edited, unread, untouched] = await Promise.all(['samples/001_508e9a579cab8ace.txt', 'samples/002_71d977bec0ddab80.txt', 'samples/004_eccd677ccf18e2ae.txt', 'samples/000_647adb3486ad43d7.txt'].map(entryOf));
    const mtimes = async () => Promise.all([unread, untouched].map(async (file) => (await stat(file ?? '')).mtimeMs));
    const before = await mtimes();

    // One input's body grows by a sentence.
    const lines = (await readFile(path.join(updated, 'samples', '001_508e9a579cab8ace.txt'), 'utf8')).split('\n');
    lines[1] = `${lines[1]} Une phrase de plus.`;
    await writeFile(path.join(updated, 'samples', '001_508e9a579cab8ace.txt'), lines.join('\n'));
    // An entry edited by hand, to the same size.
    const original = await readFile(edited ?? '', 'utf8');
    await writeFile(edited ?? '', original.replace('"title": "', '"title": "X').replace(/.\n}\n$/, '\n}\n'));
    expect((await stat(edited ?? '')).size).toBe(Buffer.byteLength(original));
    // The cache record of an unchanged entry loses its body: were that entry read back from the
    // cache and compared, it would be written empty.
    const cacheDir = path.join(archive, '.cache', 'ingest');
    let emptied = { file: '', record: '' };
    for (const name of (await readdir(cacheDir)).filter((name) => /^[0-9a-f]{64}\.txt$/.test(name))) {
      const record = await readFile(path.join(cacheDir, name), 'utf8');
      if (record.startsWith('{"file":"samples/004_eccd677ccf18e2ae.txt"')) emptied = { file: path.join(cacheDir, name), record };
    }
    await writeFile(emptied.file, emptied.record.slice(0, emptied.record.indexOf('\n') + 1));

    expect((await ingest('--input', updated, '--out', archive, '--quiet')).code).toBe(0);
    const clean = path.join(dir, 'update-clean');
    expect((await ingest('--input', updated, '--out', clean, '--quiet')).code).toBe(0);
    expect(await snapshot(archive)).toEqual(await snapshot(clean));
    expect(await readFile(edited ?? '', 'utf8')).toBe(original);
    expect(await readFile(changed ?? '', 'utf8')).toContain('Une phrase de plus.');
    expect(await mtimes()).toEqual(before);
    await writeFile(emptied.file, emptied.record);

    // A run killed while writing has forgotten the last run's record: then every entry is
    // compared, and one edited to the same size and modification time is put right too.
    const { mtime } = await stat(edited ?? '');
    await writeFile(edited ?? '', original.replace('"title": "', '"title": "X').replace(/.\n}\n$/, '\n}\n'));
    await utimes(edited ?? '', mtime, mtime);
    await rm(path.join(cacheDir, 'last-run.json'));
    expect((await ingest('--input', updated, '--out', archive, '--quiet')).code).toBe(0);
    expect(await readFile(edited ?? '', 'utf8')).toBe(original);
    expect(await snapshot(archive)).toEqual(await snapshot(clean));
  });

  it('removes its own stale entries, never files it did not write', async () => {
    const foreign = path.join(out, 'articles', 'fr', 'written-by-hand.json');
    await writeFile(foreign, '{}');
    const smaller = path.join(dir, 'smaller');
    await mkdir(smaller);
    await cp(path.join(input, 'samples', '000_647adb3486ad43d7.txt'), path.join(smaller, '000.txt'));
    expect((await ingest('--input', smaller, '--out', out, '--quiet')).code).toBe(0);
    const files = Object.keys(await snapshot(out)).sort();
    expect(files.filter((file) => file.startsWith('articles'))).toEqual([
      path.join('articles', 'fr', 'thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-74335e0e1b.json'),
      path.join('articles', 'fr', 'written-by-hand.json'),
    ]);
    expect(files.filter((file) => file.startsWith('raw'))).toHaveLength(1);
  });

  it('stops a file over the time bound, reports it, and does not cache the timeout', async () => {
    const bounded = path.join(dir, 'bounded');
    const timedOut = await ingest('--input', path.join(input, 'samples'), '--out', bounded, '--file-timeout', '0.001', '--jobs', '1');
    expect(timedOut.code).toBe(0);
    expect(timedOut.stdout).toContain('skip reasons: timeout 5');
    const report = JSON.parse(await readFile(path.join(bounded, 'ingest-report.json'), 'utf8')) as { files: { reason?: string }[] };
    expect(report.files[0]?.reason).toBe('timeout: not finished within 0.001 s, stopped');
    const again = await ingest('--input', path.join(input, 'samples'), '--out', bounded);
    expect(again.stdout).toContain('(0 unchanged, from cache)');
    expect(again.stdout).toContain('kept 5, skipped 0');
  });

  it('names every link in the report as not followed, and goes on with the rest', async () => {
    const linked = path.join(dir, 'linked');
    await mkdir(linked);
    await cp(path.join(input, 'samples', '002_71d977bec0ddab80.txt'), path.join(linked, 'real.txt'));
    await symlink(path.join(linked, 'real.txt'), path.join(linked, 'link-to-real.txt'));
    await symlink(path.join(dir, 'no-such-file.txt'), path.join(linked, 'dangling.txt'));
    const { code, stdout } = await ingest('--input', linked, '--out', path.join(dir, 'linked-out'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/kept 1, skipped 2, duplicate 0/);
    const report = JSON.parse(await readFile(path.join(dir, 'linked-out', 'ingest-report.json'), 'utf8')) as { files: { file: string; status: string; reason?: string }[] };
    expect(report.files.map(({ file, status, reason }) => [file, status, reason])).toEqual([
      ['dangling.txt', 'skipped', 'link: a symbolic link, not followed'],
      ['link-to-real.txt', 'skipped', 'link: a symbolic link, not followed'],
      ['real.txt', 'kept', undefined],
    ]);
  });

  it('writes to $ARCHIVE_DIR when no --out is given', async () => {
    const fromEnv = path.join(dir, 'from-env');
    const { code } = await ingestWithEnv({ ARCHIVE_DIR: fromEnv }, '--input', path.join(input, 'samples'), '--quiet');
    expect(code).toBe(0);
    expect((await stat(path.join(fromEnv, 'ingest-report.json'))).isFile()).toBe(true);
    expect((await readdir(path.join(fromEnv, 'articles'))).sort()).toEqual(['el', 'fr', 'ru']);
  });

  it('writes the report where --report says', async () => {
    const reportPath = path.join(dir, 'elsewhere', 'report.json');
    expect((await ingest('--input', input, '--out', out, '--report', reportPath, '--quiet')).code).toBe(0);
    expect((await stat(reportPath)).isFile()).toBe(true);
  });

  it('fails with one clear message when it cannot run', async () => {
    const missing = await ingest('--input', path.join(dir, 'nope'), '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`ingest: input folder not found: ${path.join(dir, 'nope')}\n`);

    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const unwritable = await ingest('--input', input, '--out', path.join(blocker, 'out'), '--no-cache');
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toBe(`ingest: cannot write to the archive folder ${path.join(blocker, 'out')}: ENOTDIR\n`);

    const intoInput = await ingest('--input', input, '--out', path.join(input, 'archive'));
    expect(intoInput.code).toBe(1);
    expect(intoInput.stderr).toMatch(/is inside the input folder/);
  });

  it('assigns topics from the taxonomy as it is now, not as an earlier run parsed it', async () => {
    // The parsed taxonomy is kept beside the cache for the next run's workers: an edit to the
    // file must reach the entries all the same.
    const topics = path.join(dir, 'topics-edited.yaml');
    const archive = path.join(dir, 'out-topics-edited');
    const assigned = async (): Promise<Set<string>> => {
      const slugs = new Set<string>();
      for (const file of await readdir(path.join(archive, 'articles'), { recursive: true })) {
        if (!file.endsWith('.json')) continue;
        const entry = JSON.parse(await readFile(path.join(archive, 'articles', file), 'utf8')) as { topics: { slug: string }[] };
        for (const topic of entry.topics) slugs.add(topic.slug);
      }
      return slugs;
    };
    const full = await readFile('content/topics.yaml', 'utf8');
    await writeFile(topics, full);
    expect((await ingest('--input', input, '--out', archive, '--topics', topics, '--quiet')).code).toBe(0);
    const before = await assigned();
    const curated = (parseYaml(full) as { slug: string }[]).find((topic) => before.has(topic.slug));
    expect(curated, 'the samples get at least one curated topic').toBeDefined();
    const removed = curated?.slug ?? '';
    await writeFile(topics, stringifyYaml((parseYaml(full) as { slug: string }[]).filter((topic) => topic.slug !== removed)));
    expect((await ingest('--input', input, '--out', archive, '--topics', topics, '--quiet')).code).toBe(0);
    expect((await assigned()).has(removed)).toBe(false);
    await writeFile(topics, full);
    expect((await ingest('--input', input, '--out', archive, '--topics', topics, '--quiet')).code).toBe(0);
    expect(await assigned()).toEqual(before);
  });

  it('stops at a bad taxonomy even when the last run read a good one', async () => {
    // The taxonomy's YAML is parsed only when no run parsed the same text with the same code
    // (the topics are kept beside the cache): an edit that breaks it must still stop the run
    // before any work.
    const topics = path.join(dir, 'topics.yaml');
    const archive = path.join(dir, 'out-topics');
    await cp('content/topics.yaml', topics);
    expect((await ingest('--input', input, '--out', archive, '--topics', topics, '--quiet')).code).toBe(0);
    expect((await ingest('--input', input, '--out', archive, '--topics', topics, '--quiet')).code).toBe(0);
    await writeFile(topics, `${await readFile(topics, 'utf8')}\n- [unclosed\n`);
    const broken = await ingest('--input', input, '--out', archive, '--topics', topics, '--quiet');
    expect(broken.code).toBe(1);
    expect(broken.stderr.startsWith(`ingest: ${topics}: not valid YAML`), broken.stderr).toBe(true);
  });
});
