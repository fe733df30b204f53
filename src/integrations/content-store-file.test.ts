import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { contentStoreFile } from './content-store-file.ts';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;
interface Plugin {
  name: string;
  transform: (code: string, id: string) => { code: string; meta: unknown } | null;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The Vite plugins the integration adds for a command, with Astro's cache folder in `cacheDir`. */
function pluginsFor(command: 'build' | 'dev', cacheDir: string): Plugin[] {
  const plugins: Plugin[] = [];
  const setup = contentStoreFile().hooks['astro:config:setup'] as Setup;
  const updateConfig = (config: { vite?: { plugins?: Plugin[] } }) => {
    plugins.push(...(config.vite?.plugins ?? []));
    return config;
  };
  void setup({ command, config: { cacheDir: pathToFileURL(`${cacheDir}/`) }, updateConfig } as unknown as Parameters<Setup>[0]);
  return plugins;
}

/** Evaluates a module's code as the prerender chunk would, from a file of its own. */
async function evaluate(folder: string, code: string, name: string): Promise<unknown> {
  const file = path.join(folder, name);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('contentStoreFile', () => {
  it("replaces Astro's inlined store by a read of the same file, with the same value", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'content-store-'));
    folders.push(folder);
    // The shape Astro writes: devalue's array, here with non-ASCII text and escapes.
    const store = JSON.stringify([['Map', 1, 2], 'articles', ['Map', 3, 4], 'ru/a', { id: 3, title: 5 }, 'Ханой «16» "x"\n']);
    writeFileSync(path.join(folder, 'data-store.json'), store);
    const [plugin, ...others] = pluginsFor('build', folder);
    expect(others).toEqual([]);
    const astroCode = `export default JSON.parse(${JSON.stringify(store)})`;
    const replaced = plugin?.transform(astroCode, '\0astro:data-layer-content');
    expect(replaced?.code).not.toContain('Ханой');
    expect(replaced?.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    expect(await evaluate(folder, replaced?.code ?? '', 'replaced.mjs')).toEqual(await evaluate(folder, astroCode, 'astro.mjs'));
  });

  it('gives an empty store when none was synced, as Astro does', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'content-store-'));
    folders.push(folder);
    const replaced = pluginsFor('build', folder)[0]?.transform('export default new Map()', '\0astro:data-layer-content');
    expect(await evaluate(folder, replaced?.code ?? '', 'empty.mjs')).toEqual(new Map());
  });

  it('leaves every other module, and the dev server, alone', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'content-store-'));
    folders.push(folder);
    expect(pluginsFor('build', folder)[0]?.transform('export default 1', '\0astro:content')).toBeNull();
    expect(pluginsFor('dev', folder)).toEqual([]);
  });
});
