import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/unit/support/articles.ts';
import type { Article } from '../schemas/article.ts';
import { UNSTEMMED } from './terms.ts';
import { buildSearchIndex, type SearchIndexResult } from './index-build.ts';

const entry = (id: string, title: string): Article => makeArticle(id, { title, body: [{ kind: 'paragraph', text: `${title} body text` }] });

describe('buildSearchIndex', () => {
  let root: string;
  let entries: string;
  let scratch: string;
  let site: string;
  let summary: SearchIndexResult;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'index-search-'));
    entries = path.join(root, 'articles');
    scratch = path.join(root, 'scratch');
    site = path.join(root, 'site');
    for (const article of [entry('fr/a', 'Réforme'), entry('fr/b', 'Congrès'), entry('ru/c', 'Съезд')]) {
      await mkdir(path.join(entries, article.lang), { recursive: true });
      await writeFile(path.join(entries, `${article.id}.json`), JSON.stringify(article));
    }
    // What a previous build left there is replaced, not merged.
    await mkdir(path.join(site, 'pagefind', 'el'), { recursive: true });
    await writeFile(path.join(site, 'pagefind', 'el', 'stale.js'), '');
    summary = await buildSearchIndex(entries, path.join(site, 'pagefind'), scratch);
  }, 60_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('indexes the entries of each language into that language’s own bundle', () => {
    expect(summary).toEqual({ pages: { fr: 2, ru: 1, el: 0 }, rebuilt: ['fr', 'ru'] });
  });

  it('lists only the bundles it wrote, and writes none for a language without articles', async () => {
    expect(JSON.parse(await readFile(path.join(site, 'pagefind/languages.json'), 'utf8'))).toEqual({ fr: 2, ru: 1 });
    expect((await readdir(path.join(site, 'pagefind'))).sort()).toEqual(['fr', 'languages.json', 'ru']);
  });

  it('each bundle is built without a Pagefind stemmer (the page stems) and none of Pagefind’s unused ready-made UIs', async () => {
    const fr = await readdir(path.join(site, 'pagefind/fr'));
    expect(fr).toContain('wasm.unknown.pagefind');
    expect(fr).not.toContain('wasm.fr.pagefind');
    expect(fr).toContain('pagefind.js');
    expect(fr.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    const pagefindEntry = JSON.parse(await readFile(path.join(site, 'pagefind/ru/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(pagefindEntry.languages)).toEqual([UNSTEMMED]);
  });

  it('only the first bundle listed carries the engine; the others name an empty WebAssembly file', async () => {
    expect(Object.keys(JSON.parse(await readFile(path.join(site, 'pagefind/languages.json'), 'utf8')) as object)[0]).toBe('fr');
    const ru = await readdir(path.join(site, 'pagefind/ru'));
    expect(ru.filter((file) => /\.js$|wasm/.test(file))).toEqual(['wasm.shared.pagefind']);
    expect(await readFile(path.join(site, 'pagefind/ru/wasm.shared.pagefind'), 'utf8')).toBe('pagefind_dcd');
    const ruEntry = JSON.parse(await readFile(path.join(site, 'pagefind/ru/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm: string }> };
    expect(ruEntry.languages[UNSTEMMED]!.wasm).toBe('shared');
    expect(ruEntry.languages[UNSTEMMED]).toHaveProperty('page_count', 1);
  });

  it('minifies the engine’s scripts, keeping the module’s exports', async () => {
    for (const name of ['pagefind.js', 'pagefind-worker.js']) {
      const script = await readFile(path.join(site, 'pagefind/fr', name), 'utf8');
      // Pagefind's build keeps local names whole, such as wasm-bindgen's glue's; esbuild shortens them.
      expect(script).not.toContain('WASM_VECTOR_LEN');
    }
    expect(await readFile(path.join(site, 'pagefind/fr/pagefind.js'), 'utf8')).toMatch(/export\s*\{[^}]*createInstance/);
  });

  it('leaves no scratch pages behind', () => {
    expect(existsSync(scratch)).toBe(false);
  });

  it('stops at an entry that does not match the schema, naming its file', async () => {
    const bad = path.join(root, 'bad');
    await mkdir(path.join(bad, 'fr'), { recursive: true });
    await writeFile(path.join(bad, 'fr', 'broken.json'), JSON.stringify({ ...entry('fr/broken', 'x'), lang: 'de' }));
    await expect(buildSearchIndex(bad, path.join(root, 'bad-index'), path.join(root, 'bad-scratch'))).rejects.toThrow(`${path.join(bad, 'fr', 'broken.json')}: the entry does not match the article schema: lang:`);
  });
});

describe('buildSearchIndex with a state file', () => {
  let root: string;
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Every file below `dir`, relative path -> bytes. */
  async function files(dir: string): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    for (const name of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
      const full = path.join(name.parentPath, name.name);
      out.set(path.relative(dir, full), await readFile(full));
    }
    return out;
  }

  it('keeps a language whose pages are unchanged, rebuilds one that changed, and equals a build from nothing', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'index-search-state-'));
    const entries = path.join(root, 'articles');
    const out = path.join(root, 'pagefind');
    const state = path.join(root, 'state.json');
    const write = async (article: Article) => {
      await mkdir(path.join(entries, article.lang), { recursive: true });
      await writeFile(path.join(entries, `${article.id}.json`), JSON.stringify(article));
    };
    for (const article of [entry('fr/a', 'Réforme'), entry('ru/c', 'Съезд')]) await write(article);
    const scratch = path.join(root, 'scratch');
    expect((await buildSearchIndex(entries, out, scratch, state)).rebuilt).toEqual(['fr', 'ru']);
    const ruBefore = await stat(path.join(out, 'ru', 'pagefind-entry.json'));
    const pageBefore = await stat(path.join(scratch, 'articles/fr/a/index.html'));

    await write(entry('fr/b', 'Congrès'));
    const second = await buildSearchIndex(entries, out, scratch, state);
    expect(second).toEqual({ pages: { fr: 2, ru: 1, el: 0 }, rebuilt: ['fr'] });
    expect((await stat(path.join(out, 'ru', 'pagefind-entry.json'))).mtimeMs).toBe(ruBefore.mtimeMs);
    // The search page of an unchanged entry is kept, not written again.
    expect((await stat(path.join(scratch, 'articles/fr/a/index.html'))).mtimeMs).toBe(pageBefore.mtimeMs);

    const fresh = path.join(root, 'fresh');
    await buildSearchIndex(entries, fresh, path.join(root, 'fresh-scratch'));
    expect(await files(out)).toEqual(await files(fresh));
    expect(existsSync(path.join(root, 'fresh-scratch'))).toBe(false);

    // A changed entry's page is written again, and its bundle rebuilt.
    await write(entry('fr/b', 'Congrès extraordinaire'));
    expect((await buildSearchIndex(entries, out, scratch, state)).rebuilt).toEqual(['fr']);
    await buildSearchIndex(entries, fresh, path.join(root, 'fresh-scratch'));
    expect(await files(out)).toEqual(await files(fresh));

    // A bundle that lost a file is built again, not trusted.
    const fragment = (await readdir(path.join(out, 'ru', 'fragment')))[0] as string;
    await rm(path.join(out, 'ru', 'fragment', fragment));
    expect((await buildSearchIndex(entries, out, scratch, state)).rebuilt).toEqual(['ru']);
    expect(await files(out)).toEqual(await files(fresh));

    // Without French articles the Russian bundle is the first and must carry the engine.
    await rm(path.join(entries, 'fr'), { recursive: true });
    expect((await buildSearchIndex(entries, out, scratch, state)).rebuilt).toEqual(['ru']);
    expect(existsSync(path.join(scratch, 'articles/fr/a'))).toBe(false);
    await buildSearchIndex(entries, fresh, path.join(root, 'fresh-scratch'));
    expect(await files(out)).toEqual(await files(fresh));
  }, 60_000);
});
