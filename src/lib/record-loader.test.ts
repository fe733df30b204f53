import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryDigest, entryFile } from './archive-entries.ts';
import { RECORD_FORMAT, articleRecords } from './record-loader.ts';
import { readRecords, RECORDS_DIGEST_FILE, recordsDigest, shardOf, storedRecords, storedRecordsDigest, writeRecordShards } from './record-store.ts';
import { assign, makeArticle, makeRecord } from '../../tests/unit/support/articles.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** An archive's `articles/` folder and a record store beside it. */
function archive(): { articlesDir: string; storeDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'records-'));
  folders.push(dir);
  mkdirSync(path.join(dir, 'articles', 'fr'), { recursive: true });
  return { articlesDir: path.join(dir, 'articles'), storeDir: path.join(dir, 'store') };
}

/** Runs the loader; `astroStore` stands for Astro's own store, which must be left empty. */
async function load(articlesDir: string, storeDir: string, astroStore = new Map<string, unknown>()): Promise<string[]> {
  const lines: string[] = [];
  const context = {
    store: { keys: () => [...astroStore.keys()], clear: () => astroStore.clear() },
    logger: { info: (line: string) => lines.push(line) },
  };
  await (articleRecords(articlesDir, storeDir).load as (c: unknown) => Promise<void>)(context);
  return lines;
}

/** Writes an entry as the ingest does: a new file renamed over the old one. */
function replaceEntry(file: string, content: string): void {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}

const digestOf = (articlesDir: string, id: string) => `${RECORD_FORMAT}:${entryDigest(entryFile(articlesDir, id))}`;

describe('articleRecords', () => {
  it('stores each entry as a record with its digest, and leaves Astro\'s own store empty', async () => {
    const { articlesDir, storeDir } = archive();
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify(makeArticle('fr/a', { topics: [assign('party')] })));
    const astroStore = new Map<string, unknown>([['fr/old', { data: 'a record of an older layout' }]]);
    expect(await load(articlesDir, storeDir, astroStore)).toEqual(['1 entries: 1 read, 0 removed, 0 unchanged']);
    expect(astroStore.size).toBe(0);
    expect(readRecords(storeDir)).toEqual(new Map([['fr/a', { digest: digestOf(articlesDir, 'fr/a'), record: makeRecord('fr/a', { topics: [assign('party')] }) }]]));
  });

  it('reads again only changed entries, rewrites only their shards, and forgets removed ones', async () => {
    const { articlesDir, storeDir } = archive();
    // Three ids in three different shards, so that what is rewritten can be told apart.
    const ids: string[] = [];
    for (let n = 0; ids.length < 3; n++) if (!ids.some((id) => shardOf(id) === shardOf(`fr/a${n}`))) ids.push(`fr/a${n}`);
    const [changed, removed, kept] = ids as [string, string, string];
    for (const id of ids) writeFileSync(entryFile(articlesDir, id), JSON.stringify(makeArticle(id)));
    await load(articlesDir, storeDir);
    const shardTime = (id: string) => statSync(path.join(storeDir, `${shardOf(id)}.json`)).mtimeMs;
    const keptShard = shardTime(kept);
    await new Promise((resolve) => setTimeout(resolve, 20));

    replaceEntry(entryFile(articlesDir, changed), JSON.stringify(makeArticle(changed, { title: 'Changed' })));
    rmSync(entryFile(articlesDir, removed));
    expect(await load(articlesDir, storeDir)).toEqual(['2 entries: 1 read, 1 removed, 1 unchanged']);
    const records = readRecords(storeDir);
    expect([...records.keys()].sort()).toEqual([changed, kept].sort());
    expect(records.get(changed)?.record.title).toBe('Changed');
    expect(records.get(changed)?.digest).toBe(digestOf(articlesDir, changed));
    expect(shardTime(kept)).toBe(keptShard);
    expect(readdirSync(storeDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('reads again a record stored in another format, though its entry file is unchanged', async () => {
    const { articlesDir, storeDir } = archive();
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify(makeArticle('fr/a', { topics: [assign('party')] })));
    writeFileSync(entryFile(articlesDir, 'fr/b'), JSON.stringify(makeArticle('fr/b', { topics: [assign('hcmc')] })));
    const unchanged = digestOf(articlesDir, 'fr/b');
    const stale = { ...makeRecord('fr/b'), title: 'kept as stored' };
    writeRecordShards(
      storeDir,
      new Map([
        // What an older code stored for fr/a, under the digest it gave then (the file's alone).
        ['fr/a', { digest: entryDigest(entryFile(articlesDir, 'fr/a')), record: { ...makeRecord('fr/a'), topics: [] } }],
        ['fr/b', { digest: unchanged, record: stale }],
      ]),
      new Set([shardOf('fr/a'), shardOf('fr/b')]),
    );
    await load(articlesDir, storeDir);
    const records = readRecords(storeDir);
    expect(records.get('fr/a')).toEqual({ digest: digestOf(articlesDir, 'fr/a'), record: makeRecord('fr/a', { topics: [assign('party')] }) });
    expect(records.get('fr/b')).toEqual({ digest: unchanged, record: stale });
  });

  it('reads again the entries of a shard that cannot be parsed', async () => {
    const { articlesDir, storeDir } = archive();
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify(makeArticle('fr/a')));
    await load(articlesDir, storeDir);
    const shard = path.join(storeDir, `${shardOf('fr/a')}.json`);
    writeFileSync(shard, '{"fr/a": [');
    expect(await load(articlesDir, storeDir)).toEqual(['1 entries: 1 read, 0 removed, 0 unchanged']);
    expect(readRecords(storeDir).get('fr/a')?.record).toEqual(makeRecord('fr/a'));
  });

  it('leaves the records it wrote to the rest of the process, which reads no shard again', async () => {
    const { articlesDir, storeDir } = archive();
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify(makeArticle('fr/a')));
    await load(articlesDir, storeDir);
    writeFileSync(entryFile(articlesDir, 'fr/b'), JSON.stringify(makeArticle('fr/b')));
    await load(articlesDir, storeDir);
    // A shard damaged after the loader ran is not read: the process has what the loader wrote.
    writeFileSync(path.join(storeDir, `${shardOf('fr/a')}.json`), '{');
    expect([...storedRecords(storeDir).keys()].sort()).toEqual(['fr/a', 'fr/b']);
    expect(storedRecords(storeDir).get('fr/b')?.digest).toBe(digestOf(articlesDir, 'fr/b'));
  });

  it('gives the records a digest that an entry\'s body alone does not change, and any record does', async () => {
    const { articlesDir, storeDir } = archive();
    const article = makeArticle('fr/a', { topics: [assign('party')] });
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify(article));
    writeFileSync(entryFile(articlesDir, 'fr/b'), JSON.stringify(makeArticle('fr/b')));
    await load(articlesDir, storeDir);
    const first = storedRecordsDigest(storeDir);
    expect(first).toBe(recordsDigest(readRecords(storeDir)));
    // The body changed, and the entry's digest with it (another size and time).
    replaceEntry(entryFile(articlesDir, 'fr/a'), JSON.stringify({ ...article, body: [...article.body, { kind: 'paragraph', text: 'Một đoạn nữa.' }] }));
    expect(await load(articlesDir, storeDir)).toEqual(['2 entries: 1 read, 0 removed, 1 unchanged']);
    expect(storedRecordsDigest(storeDir)).toBe(first);
    expect(recordsDigest(readRecords(storeDir))).toBe(first);
    replaceEntry(entryFile(articlesDir, 'fr/a'), JSON.stringify({ ...article, title: 'Retitled' }));
    await load(articlesDir, storeDir);
    const retitled = storedRecordsDigest(storeDir);
    expect(retitled).not.toBe(first);
    expect(retitled).toBe(recordsDigest(readRecords(storeDir)));
    rmSync(entryFile(articlesDir, 'fr/b'));
    await load(articlesDir, storeDir);
    expect(storedRecordsDigest(storeDir)).not.toBe(retitled);
    expect(storedRecordsDigest(storeDir)).toBe(recordsDigest(readRecords(storeDir)));
  });

  it('keeps the records\' digest while no record changes, and makes it again when one does or it is gone', async () => {
    const { articlesDir, storeDir } = archive();
    const article = makeArticle('fr/a');
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify(article));
    await load(articlesDir, storeDir);
    const digestFile = path.join(storeDir, RECORDS_DIGEST_FILE);
    // The kept digest is trusted while no record changes: a stand-in shows it is not made again.
    writeFileSync(digestFile, 'kept');
    replaceEntry(entryFile(articlesDir, 'fr/a'), JSON.stringify({ ...article, body: [...article.body, { kind: 'paragraph', text: 'Một đoạn nữa.' }] }));
    await load(articlesDir, storeDir);
    expect(storedRecordsDigest(storeDir)).toBe('kept');
    // A changed record: made again from the records.
    replaceEntry(entryFile(articlesDir, 'fr/a'), JSON.stringify({ ...article, title: 'Retitled' }));
    await load(articlesDir, storeDir);
    expect(storedRecordsDigest(storeDir)).toBe(recordsDigest(readRecords(storeDir)));
    // Gone (a pass killed while writing shards): made again, though no record changed.
    rmSync(digestFile);
    replaceEntry(entryFile(articlesDir, 'fr/a'), JSON.stringify({ ...article, title: 'Retitled', body: [...article.body, { kind: 'paragraph', text: 'Thêm.' }] }));
    await load(articlesDir, storeDir);
    expect(readFileSync(digestFile, 'utf8')).toBe(recordsDigest(readRecords(storeDir)));
  });

  it('lists only the folders changed since its last pass, as the ingest writes them', async () => {
    const { articlesDir, storeDir } = archive();
    mkdirSync(path.join(articlesDir, 'ru'));
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify(makeArticle('fr/a')));
    writeFileSync(entryFile(articlesDir, 'ru/b'), JSON.stringify(makeArticle('ru/b', { lang: 'ru' })));
    // A folder changed within the file system's clock tick of a pass's start is listed again
    // by the next pass: the folders must be older than the first pass.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await load(articlesDir, storeDir);
    // Written in place, fr/a moves no folder: its folder is not listed again, and the change is
    // not seen (the ingest never writes so). ru/b, renamed over, is read again.
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify(makeArticle('fr/a', { title: 'Edited in place, with more bytes' })));
    replaceEntry(entryFile(articlesDir, 'ru/b'), JSON.stringify(makeArticle('ru/b', { lang: 'ru', title: 'Replaced' })));
    expect(await load(articlesDir, storeDir)).toEqual(['2 entries: 1 read, 0 removed, 1 unchanged']);
    expect(storedRecords(storeDir).get('ru/b')?.record.title).toBe('Replaced');
    expect(storedRecords(storeDir).get('fr/a')?.record.title).toBe(makeRecord('fr/a').title);
    // Without the listing (deleted, or damaged), every folder is listed and every entry stat'ed.
    writeFileSync(path.join(storeDir, 'listing.json'), '{');
    expect(await load(articlesDir, storeDir)).toEqual(['2 entries: 1 read, 0 removed, 1 unchanged']);
    expect(storedRecords(storeDir).get('fr/a')?.record.title).toBe('Edited in place, with more bytes');
  });

  it('fails on an invalid entry, naming its file', async () => {
    const { articlesDir, storeDir } = archive();
    writeFileSync(entryFile(articlesDir, 'fr/a'), JSON.stringify({ ...makeArticle('fr/a'), lang: 'xx' }));
    await expect(load(articlesDir, storeDir)).rejects.toThrow(/fr\/a\.json/);
  });
});
