import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle, writeEntryFile } from '../../../tests/unit/support/articles.ts';
import type { Article } from '../../schemas/article.ts';
import { FRAGMENT_DIR, SHARED_LANGUAGE, TOMBSTONE_FILTERS_FILE, TOMBSTONES_FILE } from '../bundles.ts';
import { decode } from 'cbor2';
import { UNSTEMMED } from '../terms.ts';
import { isEngineFile } from './engine-files.ts';
import { buildSearchIndex, type SearchIndexResult } from './index-build.ts';
import { readPagefindFile } from './pagefind-files.ts';

/** Every file below `dir`, relative path -> bytes. */
async function files(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const full = path.join(name.parentPath, name.name);
    out.set(path.relative(dir, full), await readFile(full));
  }
  return out;
}

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
      writeEntryFile(path.join(entries, `${article.id}.json`), article);
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
    expect(summary).toEqual({
      pages: { fr: 2, ru: 1, el: 0 },
      // Each bundle lists what it holds outside its script: the Russian page's Latin words.
      bundles: [
        { name: 'fr', lang: 'fr', pages: 2, foreign: [] },
        { name: 'ru', lang: 'ru', pages: 1, foreign: ['body', 'text'] },
      ],
      rebuilt: ['fr', 'ru'],
      tombstones: 0,
    });
  });

  it('indexes the smallest bundle first, so one that must wait for memory holds no other back, and lists them in their order', async () => {
    const asked: number[] = [];
    const started: string[] = [];
    const again = await buildSearchIndex(entries, path.join(root, 'site-ordered', 'pagefind'), path.join(root, 'scratch-ordered'), {
      waitForMemory: async (bytes) => void asked.push(bytes),
      onProgress: (progress) => {
        if (progress.step === 'bundles' && started.at(-1) !== progress.name) started.push(progress.name);
      },
    });
    expect(started).toEqual(['ru', 'fr']);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toBeLessThan(asked[1] as number);
    expect(again.bundles.map((bundle) => bundle.name)).toEqual(['fr', 'ru']);
    expect(again.rebuilt).toEqual(['fr', 'ru']);
    const [ordered, first] = await Promise.all([files(path.join(root, 'site-ordered', 'pagefind')), files(path.join(site, 'pagefind'))]);
    expect([...ordered.keys()].sort()).toEqual([...first.keys()].filter((name) => !name.startsWith('el/')).sort());
    for (const [name, bytes] of ordered) expect(bytes.equals(first.get(name) as Buffer), name).toBe(true);
  });

  it('lists only the bundles it wrote, and writes none for a language without articles', async () => {
    expect(JSON.parse(await readFile(path.join(site, 'pagefind/bundles.json'), 'utf8'))).toEqual(summary.bundles);
    const names = (await readdir(path.join(site, 'pagefind'))).sort();
    expect(names.filter((name) => !isEngineFile(name))).toEqual(['bundles.json', 'fr', 'ru']);
    expect(JSON.parse(await readFile(path.join(site, 'pagefind/ru/foreign-words.json'), 'utf8'))).toEqual(['body', 'text']);
  });

  it('each bundle is built without a Pagefind stemmer (the page stems) and none of Pagefind’s unused ready-made UIs', async () => {
    const fr = await readdir(path.join(site, 'pagefind/fr'));
    expect(fr).toContain('wasm.unknown.pagefind');
    expect(fr).not.toContain('wasm.fr.pagefind');
    expect(fr.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    const pagefindEntry = JSON.parse(await readFile(path.join(site, 'pagefind/ru/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(pagefindEntry.languages)).toEqual([UNSTEMMED, SHARED_LANGUAGE]);
  });

  it('writes the engine beside the bundles, with an index of no page, and every bundle names an empty WebAssembly file under its shared language', async () => {
    const names = (await readdir(path.join(site, 'pagefind'))).filter(isEngineFile);
    const engineEntry = JSON.parse(await readFile(path.join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }> };
    const { hash } = engineEntry.languages[UNSTEMMED]!;
    expect(engineEntry.languages).toEqual({ [UNSTEMMED]: { hash, wasm: null, page_count: 0 } });
    expect(names.sort()).toEqual(['pagefind-entry.json', 'pagefind-worker.js', 'pagefind.js', `pagefind.${hash}.pf_meta`, 'wasm.unknown.pagefind']);
    expect(decode(readPagefindFile(path.join(site, 'pagefind', `pagefind.${hash}.pf_meta`)))).toEqual([engineEntry.version, [], [], [], [], []]);
    for (const name of ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']) {
      expect((await readFile(path.join(site, 'pagefind', name))).equals(await readFile(path.join(site, 'pagefind/ru', name))), name).toBe(true);
    }
    for (const bundle of ['fr', 'ru']) {
      expect(await readFile(path.join(site, 'pagefind', bundle, 'wasm.shared.pagefind'), 'utf8')).toBe('pagefind_dcd');
      const bundleEntry = JSON.parse(await readFile(path.join(site, 'pagefind', bundle, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { wasm: string | null; hash: string }> };
      expect(bundleEntry.version).toBe(engineEntry.version);
      expect(bundleEntry.languages[SHARED_LANGUAGE]).toEqual({ ...bundleEntry.languages[UNSTEMMED], wasm: 'shared' });
    }
  });

  it('removes the engine with the last bundle', async () => {
    const empty = path.join(root, 'no-articles');
    await mkdir(empty);
    const output = path.join(root, 'site-emptied', 'pagefind');
    await buildSearchIndex(entries, output, path.join(root, 'scratch-emptied'));
    expect((await readdir(output)).some(isEngineFile)).toBe(true);
    await buildSearchIndex(empty, output, path.join(root, 'scratch-emptied'));
    expect(await readdir(output)).toEqual(['bundles.json']);
  });

  it('minifies the engine’s scripts, keeping the module’s exports', async () => {
    for (const name of ['pagefind.js', 'pagefind-worker.js']) {
      const script = await readFile(path.join(site, 'pagefind/fr', name), 'utf8');
      // Pagefind's build keeps local names whole, such as wasm-bindgen's glue's; esbuild shortens them.
      expect(script).not.toContain('WASM_VECTOR_LEN');
    }
    expect(await readFile(path.join(site, 'pagefind/pagefind.js'), 'utf8')).toMatch(/export\s*\{[^}]*createInstance/);
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

  it('keeps a language whose pages are unchanged, rebuilds one that changed, and equals a build from nothing', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'index-search-state-'));
    const entries = path.join(root, 'articles');
    const out = path.join(root, 'pagefind');
    const state = path.join(root, 'state.json');
    const write = async (article: Article) => {
      writeEntryFile(path.join(entries, `${article.id}.json`), article);
    };
    for (const article of [entry('fr/a', 'Réforme'), entry('ru/c', 'Съезд')]) await write(article);
    const scratch = path.join(root, 'scratch');
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state })).rebuilt).toEqual(['fr', 'ru']);
    const ruBefore = await stat(path.join(out, 'ru', 'pagefind-entry.json'));
    const scratchPage = path.join(scratch, 'fr/undated/articles/fr/a/index.html');
    const pageBefore = await stat(scratchPage);

    await write(entry('fr/b', 'Congrès'));
    const second = await buildSearchIndex(entries, out, scratch, { stateFile: state });
    expect(second.rebuilt).toEqual(['fr']);
    expect(second.pages).toEqual({ fr: 2, ru: 1, el: 0 });
    expect((await stat(path.join(out, 'ru', 'pagefind-entry.json'))).mtimeMs).toBe(ruBefore.mtimeMs);
    // The search page of an unchanged entry is kept, not written again.
    expect((await stat(scratchPage)).mtimeMs).toBe(pageBefore.mtimeMs);

    const fresh = path.join(root, 'fresh');
    await buildSearchIndex(entries, fresh, path.join(root, 'fresh-scratch'));
    expect(await files(out)).toEqual(await files(fresh));
    expect(existsSync(path.join(root, 'fresh-scratch'))).toBe(false);

    // A changed entry's page is written again, and its bundle rebuilt; the pages of unchanged
    // entries are not looked at until a bundle that holds them is written: then one deleted
    // by hand is written again. Of the state, only the parts that changed are written (the
    // changed entry's shard of pages, and its bundle): the others are left as they were, and
    // no part the state does not name is left.
    const parts = path.join(root, 'state-parts');
    const partTimes = async () => new Map(await Promise.all((await readdir(parts)).map(async (name) => [name, (await stat(path.join(parts, name))).mtimeMs] as const)));
    const named = async () => {
      const head = JSON.parse(await readFile(state, 'utf8')) as { pages: string[]; langs: Record<string, { bases: { part: string }[]; delta?: { part: string } }> };
      return new Set([...head.pages, ...Object.values(head.langs).flatMap(({ bases, delta }) => [...bases, ...(delta ? [delta] : [])].map(({ part }) => part))]);
    };
    const partsBefore = await partTimes();
    await rm(scratchPage);
    await write(entry('fr/b', 'Congrès extraordinaire'));
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state })).rebuilt).toEqual(['fr']);
    expect(existsSync(scratchPage)).toBe(true);
    await buildSearchIndex(entries, fresh, path.join(root, 'fresh-scratch'));
    expect(await files(out)).toEqual(await files(fresh));
    const partsAfter = await partTimes();
    expect(new Set(partsAfter.keys())).toEqual(await named());
    expect([...partsAfter].filter(([name, time]) => partsBefore.get(name) !== time)).toHaveLength(2);
    // With nothing changed, no part is written again.
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state })).rebuilt).toEqual([]);
    expect(await partTimes()).toEqual(partsAfter);
    // A part of another shape is no state: everything is built again, and equals a build from
    // nothing; so is a part the state names that is missing, found when it is read: a base
    // whose months no page changed in is kept unread.
    for (const name of await named()) {
      const part = JSON.parse(await readFile(path.join(parts, name), 'utf8')) as Record<string, unknown[]>;
      const page = Object.values(part)[0];
      if (Array.isArray(page) && page.length === 5) {
        page[2] = 'xx';
        await writeFile(path.join(parts, name), JSON.stringify(part));
        break;
      }
    }
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state })).rebuilt).toEqual(['fr', 'ru']);
    expect(await files(out)).toEqual(await files(fresh));
    const ruPart = (JSON.parse(await readFile(state, 'utf8')) as { langs: { ru: { bases: { part: string }[] } } }).langs.ru.bases[0]!.part;
    await rm(path.join(parts, ruPart));
    await write(entry('fr/b', 'Congrès'));
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state, bundlesIntact: true })).rebuilt).toEqual(['fr']);
    expect(existsSync(path.join(parts, ruPart))).toBe(false);
    await write(entry('ru/c', 'Съезд партии'));
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state, bundlesIntact: true })).rebuilt).toEqual(['fr', 'ru']);
    await buildSearchIndex(entries, fresh, path.join(root, 'fresh-scratch'));
    expect(await files(out)).toEqual(await files(fresh));

    // A bundle that lost a file is built again, not trusted; unless the caller says the site
    // folder is as the last build left it (the build knows from its record): then no bundle is
    // read again to tell.
    const fragment = (await readdir(path.join(out, 'ru', FRAGMENT_DIR), { recursive: true })).find((name) => name.endsWith('.pf_fragment'))!;
    await rm(path.join(out, 'ru', FRAGMENT_DIR, fragment));
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state, bundlesIntact: true })).rebuilt).toEqual([]);
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state })).rebuilt).toEqual(['ru']);
    expect(await files(out)).toEqual(await files(fresh));

    // Without French articles the Russian bundle is kept as it is: every bundle carries the
    // engine, which is written again beside it.
    await rm(path.join(entries, 'fr'), { recursive: true });
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state })).rebuilt).toEqual([]);
    expect((await readdir(out)).filter((name) => !isEngineFile(name)).sort()).toEqual(['bundles.json', 'ru']);
    expect((await readdir(out)).filter(isEngineFile)).toHaveLength(5);
    expect(existsSync(path.join(scratch, 'fr/undated/articles/fr/a'))).toBe(false);
    await buildSearchIndex(entries, fresh, path.join(root, 'fresh-scratch'));
    expect(await files(out)).toEqual(await files(fresh));
  }, 60_000);
});

describe('buildSearchIndex cutting a language into bundles', () => {
  let root: string;
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const dated = (id: string, date: string | undefined): Article => ({ ...entry(id, `Article ${id}`), ...(date ? { date, dateSource: 'publisher-line' as const } : {}) });

  it('cuts a language over the cap by month; an update adds a delta and tombstones; compaction folds them back', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'index-search-split-'));
    const entries = path.join(root, 'articles');
    const write = async (article: Article) => {
      writeEntryFile(path.join(entries, `${article.id}.json`), article);
    };
    for (const article of [dated('fr/a', undefined), dated('fr/b', '2024-01-05'), dated('fr/c', '2024-01-20'), dated('fr/d', '2024-03-02'), dated('ru/e', '2024-02-01')]) await write(article);
    const out = path.join(root, 'pagefind');
    const state = path.join(root, 'state.json');
    const scratch = path.join(root, 'scratch');
    const first = await buildSearchIndex(entries, out, scratch, { stateFile: state, limits: { maxBundlePages: 2 } });
    expect(first.bundles.map(({ foreign: _, ...bundle }) => bundle)).toEqual([
      { name: 'fr-undated', lang: 'fr', pages: 1 },
      { name: 'fr-2024-01', lang: 'fr', pages: 2 },
      { name: 'fr-2024-03', lang: 'fr', pages: 1 },
      { name: 'ru', lang: 'ru', pages: 1 },
    ]);
    expect(JSON.parse(await readFile(path.join(out, 'bundles.json'), 'utf8'))).toEqual(first.bundles);
    // Each bundle holds its own pages, under the article's own path.
    const entryOf = async (bundle: string) => JSON.parse(await readFile(path.join(out, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect((await entryOf('fr-2024-01')).languages[UNSTEMMED]?.page_count).toBe(2);

    await write(dated('fr/f', '2024-03-28'));
    const second = await buildSearchIndex(entries, out, scratch, { stateFile: state, limits: { maxBundlePages: 2 } });
    expect(second.rebuilt).toEqual(['fr-2024-03']);
    expect(second.bundles.map((bundle) => `${bundle.name} ${bundle.pages}`)).toEqual(['fr-undated 1', 'fr-2024-01 2', 'fr-2024-03 2', 'ru 1']);

    // An update writes a delta and tombstones, keeping every base.
    await write(dated('fr/g', '2024-04-01'));
    await rm(path.join(entries, 'fr', 'b.json'));
    const segments = { maxBundlePages: 2, deltaPages: 5, staleShare: 1 };
    const third = await buildSearchIndex(entries, out, scratch, { stateFile: state, limits: segments });
    expect(third.rebuilt).toEqual(['fr-delta']);
    expect(third.bundles.map(({ foreign: _, ...bundle }) => bundle)).toEqual([
      { name: 'fr-undated', lang: 'fr', pages: 1 },
      { name: 'fr-2024-01', lang: 'fr', pages: 2, dead: 1 },
      { name: 'fr-2024-03', lang: 'fr', pages: 2 },
      { name: 'fr-delta', lang: 'fr', pages: 1, delta: true },
      { name: 'ru', lang: 'ru', pages: 1 },
    ]);
    // Only the bundle with tombstones has tombstone files.
    for (const file of [TOMBSTONES_FILE, TOMBSTONE_FILTERS_FILE]) {
      expect(third.bundles.filter((bundle) => existsSync(path.join(out, bundle.name, file))).map((bundle) => bundle.name)).toEqual(['fr-2024-01']);
    }
    // The dead page's id is one of the bundle's fragments; its filter values are in a file of their own.
    const ids = JSON.parse(await readFile(path.join(out, 'fr-2024-01', TOMBSTONES_FILE), 'utf8')) as string[];
    const values = JSON.parse(await readFile(path.join(out, 'fr-2024-01', TOMBSTONE_FILTERS_FILE), 'utf8')) as Record<string, Record<string, string[]>>;
    expect(ids).toHaveLength(1);
    expect(existsSync(path.join(out, 'fr-2024-01', FRAGMENT_DIR, `${ids[0]}.pf_fragment`))).toBe(true);
    expect(Object.keys(values)).toEqual(ids);
    expect(values[ids[0]!]!.year).toEqual(['2024']);
    // The same update again writes nothing.
    expect((await buildSearchIndex(entries, out, scratch, { stateFile: state, limits: segments })).rebuilt).toEqual([]);

    // Past the limits, the delta's month becomes a base and the stale base is rebuilt.
    const compacted = await buildSearchIndex(entries, out, scratch, { stateFile: state, limits: { maxBundlePages: 2, deltaPages: 0, staleShare: 0.1 } });
    expect(compacted.bundles.map((bundle) => `${bundle.name} ${bundle.pages}`)).toEqual(['fr-undated 1', 'fr-2024-01 1', 'fr-2024-03 2', 'fr-2024-04 1', 'ru 1']);
    expect(compacted.rebuilt).toEqual(['fr-2024-01', 'fr-2024-04']);
    expect(compacted.tombstones).toBe(0);
    for (const file of [TOMBSTONES_FILE, TOMBSTONE_FILTERS_FILE]) expect(existsSync(path.join(out, 'fr-2024-01', file)), `the rebuilt base has no ${file} left`).toBe(false);
    expect((await readdir(out)).filter((name) => !isEngineFile(name)).sort()).toEqual(['bundles.json', 'fr-2024-01', 'fr-2024-03', 'fr-2024-04', 'fr-undated', 'ru']);

    // Without a state, as `--clean`, the cut a clean build makes.
    const fresh = path.join(root, 'fresh');
    const clean = await buildSearchIndex(entries, fresh, path.join(root, 'fresh-scratch'), { limits: { maxBundlePages: 2 } });
    expect(clean.bundles.map((bundle) => `${bundle.name} ${bundle.pages}`)).toEqual(['fr-undated 2', 'fr-2024-03 2', 'fr-2024-04 1', 'ru 1']);
  }, 60_000);
});
