/**
 * The hash of the code an ingest result depends on, part of every cache key: a change to any of
 * it makes every cached result stale. Made from the module graph, not a hand-kept list (one
 * such list missed `src/lib/slug.ts` once): every module in the given folders, and every module
 * they import by relative path, wherever it lives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../steps/entry.ts';

/** Relative specifiers of static imports, re-exports and dynamic imports of a literal path. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The modules a module's text imports by relative path, resolved against its own file. */
export function relativeImports(file: string, text: string): string[] {
  return [...text.matchAll(RELATIVE_IMPORT)].map((match) => path.resolve(path.dirname(file), match[1] as string));
}

const isModule = (name: string): boolean => name.endsWith('.ts') && !name.endsWith('.test.ts');

/**
 * Every module in `dirs` (tests left out) and everything they import by relative path,
 * transitively: absolute paths, sorted. Package imports are not followed; their versions are
 * pinned by the lockfile.
 */
export function moduleGraph(dirs: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = dirs.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(isModule).map((name) => path.join(dir, name)));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of relativeImports(file, readFileSync(file, 'utf8'))) if (isModule(imported)) pending.push(imported);
  }
  return [...seen].sort();
}

/** The hash of the modules' paths (relative to `root`, so a moved checkout keeps its cache) and texts. */
export function codeHash(root: string, files: readonly string[]): string {
  const parts = files.flatMap((file) => [path.relative(root, file).split(path.sep).join('/'), readFileSync(file, 'utf8')]);
  return sha256Hex(parts.join('\0'));
}

const srcDir = path.resolve(import.meta.dirname, '../..');

/** The ingest's own code hash: src/ingest/ and src/schemas/, and all they import. */
export function ingestCodeHash(): string {
  return codeHash(srcDir, moduleGraph([path.join(srcDir, 'ingest'), path.join(srcDir, 'schemas')]));
}
