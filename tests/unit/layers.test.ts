import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports } from '../../src/ingest/run/code-hash.ts';

/**
 * Dependencies run one way: the shared bottom layer of src/ (lib, schemas, config, i18n, styles)
 * imports nothing from a feature folder (src/ingest, src/search, src/cite, src/dataset, ...) or
 * from the site (pages, components, layouts). A feature may import the bottom layer, never the
 * reverse, so each feature can be read, tested and changed on its own. And the tests beside
 * src/ modules import nothing from scripts/, the thin commands above them.
 */

const SRC = path.resolve('src');
const SCRIPTS = path.resolve('scripts');
const SHARED = ['lib', 'schemas', 'config', 'i18n', 'styles'];
const CODE = /\.(ts|mts|js|mjs|astro|mdx)$/;

/** The feature files a shared-layer file imports, as `importer -> imported` relative to the repo. */
function backEdges(file: string, text: string): string[] {
  return relativeImports(file, text)
    .filter((target) => {
      const [top, ...rest] = path.relative(SRC, target).split(path.sep);
      return top !== '..' && rest.length > 0 && !SHARED.includes(top ?? '');
    })
    .map((target) => `${path.relative('.', file)} -> ${path.relative('.', target)}`);
}

/** The scripts a file imports, as `importer -> imported` relative to the repo. */
function scriptImports(file: string, text: string): string[] {
  return relativeImports(file, text)
    .filter((target) => path.relative(SCRIPTS, target).split(path.sep)[0] !== '..')
    .map((target) => `${path.relative('.', file)} -> ${path.relative('.', target)}`);
}

describe('the shared layers of src/', () => {
  const files = SHARED.flatMap((dir) =>
    readdirSync(path.join(SRC, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => CODE.test(name))
      .map((name) => path.join(SRC, dir, name)),
  );

  it('import nothing from a feature folder or the site', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap((file) => backEdges(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('would catch one that did', () => {
    const file = path.join(SRC, 'lib', 'x.ts');
    const text = "import { a } from '../search/topic-hints.ts';\nimport type { B } from '../schemas/article.ts';\nexport * from './y.ts';\nconst c = await import('../cite/work.ts');";
    expect(backEdges(file, text)).toEqual(['src/lib/x.ts -> src/search/topic-hints.ts', 'src/lib/x.ts -> src/cite/work.ts']);
  });
});

// Scripts are thin commands over src/: a test of src/ that needs one of them tests the wrong thing.
describe('the tests of src/', () => {
  it('import nothing from scripts/', () => {
    const tests = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => path.join(SRC, name));
    expect(tests.length).toBeGreaterThan(30);
    expect(tests.flatMap((file) => scriptImports(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('would catch one that did', () => {
    const file = path.join(SRC, 'ingest', 'x.test.ts');
    expect(scriptImports(file, "import { HOSTILE_URLS } from '../../scripts/fuzz/payloads.ts';\nimport { a } from './a.ts';")).toEqual(['src/ingest/x.test.ts -> scripts/fuzz/payloads.ts']);
  });
});
