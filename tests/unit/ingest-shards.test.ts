import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus/corpus.ts';
import { archiveState, runIngest } from '../../scripts/fuzz/harness.ts';

const root = path.resolve('.cache/test-shards');
const input = path.join(root, 'input');
const out = path.join(root, 'out');
const TIMEOUT = 300_000;

const ingest = async (inputDir: string, outDir: string): Promise<void> => {
  const run = await runIngest({ args: ['--input', inputDir, '--out', outDir, '--quiet'], timeoutMs: TIMEOUT });
  expect(run.code, run.stderr).toBe(0);
};

/** The report lines the cache holds, one file per shard. */
const shardLines = async (): Promise<string[]> => (await readdir(path.join(out, '.cache', 'ingest', 'report-lines'))).filter((name) => name.endsWith('.txt')).sort();
/** The parts of the last-run record and of the input record: the names of the files in the cache. */
const recordParts = async (): Promise<string[]> => [
  ...(await readdir(path.join(out, '.cache', 'ingest', 'last-run'))).map((name) => `last-run/${name}`),
  ...(await readdir(path.join(out, '.cache', 'ingest', 'input-stats'))).map((name) => `input-stats/${name}`),
];

/** Ingests `input` into `out`, and into a fresh folder: the two must be equal byte for byte. */
async function ingestAndCompare(): Promise<void> {
  await ingest(input, out);
  const clean = path.join(root, 'clean');
  await rm(clean, { recursive: true, force: true });
  await ingest(input, clean);
  expect([...(await archiveState(out))]).toEqual([...(await archiveState(clean))]);
  const manifest = async (archive: string): Promise<string> => readFile(path.join(archive, '.ingest-manifest.json'), 'utf8');
  expect(await manifest(out)).toBe(await manifest(clean));
}

type Report = { summary: { files: number; status: Record<string, number> }; files: { file: string; status: string; duplicateOf?: string }[] };
const report = async (): Promise<Report> => JSON.parse(await readFile(path.join(out, 'ingest-report.json'), 'utf8')) as Report;

describe('the ingest report in shards', () => {
  let names: string[];

  beforeAll(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(input, { recursive: true });
    names = [];
    for (const file of generateCorpus({ articles: 600, seed: 3 })) {
      await writeFile(path.join(input, file.name), file.bytes);
      names.push(file.name);
    }
    names.sort();
    const written = Date.now();
    await ingest(input, out);
    // Files written within 2 s before a run are recorded to be hashed again (racily clean):
    // a second run after that records them for good, so the test sees only its own changes.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, written + 2_100 - Date.now())));
    await ingest(input, out);
  }, TIMEOUT);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('remakes only the shards whose files or duplicate verdicts changed, and equals a clean ingest', { timeout: TIMEOUT }, async () => {
    const before = await shardLines();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const partsBefore = await recordParts();
    expect(partsBefore).toHaveLength(2 * before.length);

    // One file's body changes: one shard's lines are made again, the others are kept.
    const changed = path.join(input, names[Math.floor(names.length / 2)] as string);
    await writeFile(`${changed}.new`, `${await readFile(changed, 'utf8')}\nUne phrase ajoutée à la fin.\n`);
    await rename(`${changed}.new`, changed);
    await ingestAndCompare();
    const afterOne = await shardLines();
    expect(afterOne.filter((name) => !before.includes(name))).toHaveLength(1);
    expect(afterOne).toHaveLength(before.length);
    // Its shard's parts of the two records are written again, and only they.
    const partsAfter = await recordParts();
    expect(partsAfter.filter((name) => !partsBefore.includes(name)).map((name) => name.split('/')[0])).toEqual(['last-run', 'input-stats']);
    expect(partsAfter).toHaveLength(partsBefore.length);

    // A copy of the first kept file, named to sort last: a duplicate in the last shard.
    const first = (await report()).files.find((record) => record.status === 'kept')?.file as string;
    await cp(path.join(input, first), path.join(input, 'zzz-copy.txt'));
    await ingestAndCompare();
    expect((await report()).files.at(-1)).toMatchObject({ file: 'zzz-copy.txt', status: 'duplicate', duplicateOf: first });

    // The original goes: its copy, in a shard whose files are unchanged, is kept in its place.
    const beforeRemoval = await shardLines();
    await rm(path.join(input, first));
    await ingestAndCompare();
    expect((await report()).files.at(-1)).toMatchObject({ file: 'zzz-copy.txt', status: 'kept' });
    const afterRemoval = await shardLines();
    expect(afterRemoval.filter((name) => !beforeRemoval.includes(name)).length).toBeLessThanOrEqual(3);

    // The original back, and a new file beside its copy: the copy's shard is not the last
    // run's, and the copy is a duplicate again. Its line is made again; the other files of the
    // shard keep theirs.
    const [extra] = generateCorpus({ articles: 1, seed: 99 });
    await writeFile(path.join(input, 'zzz-extra.txt'), extra?.bytes ?? '');
    await cp(path.join(input, 'zzz-copy.txt'), path.join(input, first));
    await ingestAndCompare();
    expect((await report()).files.slice(-2)).toMatchObject([
      { file: 'zzz-copy.txt', status: 'duplicate', duplicateOf: first },
      { file: 'zzz-extra.txt', status: 'kept' },
    ]);

    // One cache record per input file: those of the changed and removed files' old bytes are gone.
    const records = async (): Promise<string[]> => (await readdir(path.join(out, '.cache', 'ingest'))).filter((name) => /^[0-9a-f]{64}\.txt$/.test(name));
    expect(await records()).toHaveLength((await readdir(input)).length);

    // Every cache record gone, then one file with no duplicate changed: its record alone is
    // made. The other files of its shard are not looked at: their lines are the last run's,
    // found by their keys.
    for (const name of await records()) await rm(path.join(out, '.cache', 'ingest', name));
    const { files: rows } = await report();
    const alone = rows.find((row, index) => index > rows.length / 3 && row.status === 'kept' && !rows.some((other) => other.duplicateOf === row.file))?.file as string;
    const another = path.join(input, alone);
    await writeFile(`${another}.new`, `${await readFile(another, 'utf8')}\nΜια πρόταση ακόμη.\n`);
    await rename(`${another}.new`, another);
    await ingestAndCompare();
    expect(await records()).toHaveLength(1);

    // The shards' counts add up to the report's.
    const { summary, files } = await report();
    expect(summary.files).toBe(files.length);
    expect(summary.status.kept).toBe(files.filter((record) => record.status === 'kept').length);
  });

  it('puts right the entries and raw copies edited or deleted by hand in shards whose files are unchanged', { timeout: TIMEOUT }, async () => {
    // The cache records the test above deleted, from the clean ingest of the same files: an
    // entry is put right from its record.
    const cacheOf = (archive: string): string => path.join(archive, '.cache', 'ingest');
    for (const name of (await readdir(cacheOf(path.join(root, 'clean')))).filter((name) => /^[0-9a-f]{64}\.txt$/.test(name))) await cp(path.join(cacheOf(path.join(root, 'clean')), name), path.join(cacheOf(out), name));
    const before = await shardLines();
    const kept = (await report()).files.filter((record): record is Report['files'][number] & { id: string } => record.status === 'kept' && 'id' in record);
    const [edited, deleted, copyless] = kept;
    const entryOf = (record: { id: string } | undefined): string => path.join(out, 'articles', `${record?.id}.json`);
    // An entry edited in place to the same size, another deleted, and a raw copy deleted, all
    // in the first shard; then one file of a later shard changes.
    const original = await readFile(entryOf(edited), 'utf8');
    await writeFile(entryOf(edited), original.replace('"title": "', '"title": "X').replace(/.\n}\n$/, '\n}\n'));
    expect(await readFile(entryOf(edited), 'utf8')).toHaveLength(original.length);
    await rm(entryOf(deleted));
    const rawCopy = path.join(out, 'raw', `${createHash('sha256').update(await readFile(path.join(input, copyless?.file ?? ''))).digest('hex')}.txt`);
    await rm(rawCopy);
    const changed = path.join(input, names[Math.floor((names.length * 2) / 3)] as string);
    await writeFile(`${changed}.new`, `${await readFile(changed, 'utf8')}\nEncore une phrase.\n`);
    await rename(`${changed}.new`, changed);
    await ingestAndCompare();
    expect(await readFile(entryOf(edited), 'utf8')).toBe(original);
    expect((await shardLines()).filter((name) => !before.includes(name))).toHaveLength(1);
  });
});
