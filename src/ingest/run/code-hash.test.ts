import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeHash, ingestCodeHash, moduleGraph, relativeImports } from './code-hash.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'code-hash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('relativeImports', () => {
  it('finds imports, type imports, re-exports and dynamic imports by relative path, not packages', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../lib/b.ts';",
      "export { c } from './c.ts';",
      "const d = await import('./d.ts');",
      "import z from 'astro/zod';",
      "import './side-effect.ts';",
    ].join('\n');
    expect(relativeImports('/x/src/ingest/m.ts', text)).toEqual([
      '/x/src/ingest/a.ts',
      '/x/src/lib/b.ts',
      '/x/src/ingest/c.ts',
      '/x/src/ingest/d.ts',
      '/x/src/ingest/side-effect.ts',
    ]);
  });
});

describe('moduleGraph and codeHash', () => {
  it('cover every module of the folders and what they import from elsewhere, tests left out', async () => {
    await mkdir(path.join(dir, 'ingest', 'steps'), { recursive: true });
    await mkdir(path.join(dir, 'lib'), { recursive: true });
    await writeFile(path.join(dir, 'ingest', 'steps', 'a.ts'), "import { s } from '../../lib/slug.ts';\n");
    await writeFile(path.join(dir, 'ingest', 'steps', 'a.test.ts'), "import { t } from '../../lib/test-only.ts';\n");
    await writeFile(path.join(dir, 'lib', 'slug.ts'), "import { u } from './deeper.ts';\n");
    await writeFile(path.join(dir, 'lib', 'deeper.ts'), 'export const u = 1;\n');
    await writeFile(path.join(dir, 'lib', 'unused.ts'), 'export const v = 1;\n');
    const graph = moduleGraph([path.join(dir, 'ingest')]);
    expect(graph.map((file) => path.relative(dir, file))).toEqual(['ingest/steps/a.ts', 'lib/deeper.ts', 'lib/slug.ts']);

    const before = codeHash(dir, graph);
    expect(codeHash(dir, graph)).toBe(before);
    await writeFile(path.join(dir, 'lib', 'deeper.ts'), 'export const u = 2;\n');
    expect(codeHash(dir, graph)).not.toBe(before);
  });

  it('make the ingest key cover the modules it imports from src/lib', () => {
    const graph = moduleGraph([path.resolve('src/ingest'), path.resolve('src/schemas')]).map((file) => path.relative(process.cwd(), file));
    expect(graph).toEqual(expect.arrayContaining(['src/lib/slug.ts', 'src/lib/publishers.ts', 'src/ingest/pipeline.ts', 'src/schemas/article.ts']));
    expect(graph.some((file) => file.endsWith('.test.ts'))).toBe(false);
    expect(ingestCodeHash()).toMatch(/^[0-9a-f]{64}$/);
  });
});
