import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryDigest, entryFile } from './archive-entries.ts';
import { RECORD_FORMAT, articleRecords } from './record-loader.ts';
import { assign, makeArticle } from '../../tests/unit/support/articles.ts';

interface Stored {
  id: string;
  data: unknown;
  digest?: string;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Runs the loader over `articlesDir` on a store that already holds `stored`; returns the store. */
async function load(articlesDir: string, stored: Stored[]): Promise<Map<string, Stored>> {
  const store = new Map(stored.map((entry) => [entry.id, entry]));
  const context = {
    store: { get: (id: string) => store.get(id), set: (entry: Stored) => store.set(entry.id, entry), keys: () => [...store.keys()], delete: (id: string) => store.delete(id) },
    logger: { info: () => undefined },
  };
  await (articleRecords(articlesDir).load as (c: unknown) => Promise<void>)(context);
  return store;
}

describe('articleRecords', () => {
  it('reads again a record stored in another format, though its entry file is unchanged', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'records-'));
    folders.push(dir);
    mkdirSync(path.join(dir, 'fr'));
    writeFileSync(entryFile(dir, 'fr/a'), JSON.stringify(makeArticle('fr/a', { topics: [assign('party')] })));
    writeFileSync(entryFile(dir, 'fr/b'), JSON.stringify(makeArticle('fr/b', { topics: [assign('hcmc')] })));
    const unchanged = `${RECORD_FORMAT}:${entryDigest(entryFile(dir, 'fr/b'))}`;
    const store = await load(dir, [
      // What an older code stored for fr/a, under the digest it gave then (the file's alone).
      { id: 'fr/a', data: { id: 'fr/a', topics: [{ slug: 'party' }] }, digest: entryDigest(entryFile(dir, 'fr/a')) },
      { id: 'fr/b', data: 'kept as stored', digest: unchanged },
    ]);
    expect(store.get('fr/a')?.data).toMatchObject({ id: 'fr/a', topics: ['party'] });
    expect(store.get('fr/a')?.digest).toBe(`${RECORD_FORMAT}:${entryDigest(entryFile(dir, 'fr/a'))}`);
    expect(store.get('fr/b')).toEqual({ id: 'fr/b', data: 'kept as stored', digest: unchanged });
  });
});
