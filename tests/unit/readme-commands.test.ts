import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every command the README shows must run as written on a machine whose only Node is 20:
 * `npm run X` names a script that exists, and nothing runs a TypeScript file with a bare
 * `node`, which cannot strip types before Node 22.6 (the scripts get the project's own Node).
 */

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
const scripts = Object.keys(pkg.scripts);

/** The lines of the README's fenced code blocks, comments and prompts removed. */
function codeLines(markdown: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (fenced) lines.push(line.replace(/(^|\s)#.*$/, '').replace(/^\s*\$\s+/, '').trim());
  }
  return lines.filter(Boolean);
}

/** Script names an `npm run`/`npm run-script` names in a line, and the scripts `npm test`/`npm start` stand for. */
function npmScripts(line: string): string[] {
  const named = [...line.matchAll(/\bnpm\s+(?:run|run-script)\s+([^\s;&|]+)/g)].map((match) => match[1] ?? '');
  const shorthand = [...line.matchAll(/\bnpm\s+(test|start|t)\b/g)].map((match) => (match[1] === 't' ? 'test' : (match[1] ?? '')));
  return [...named, ...shorthand];
}

/** Files a line runs with a bare `node` (not `npm run`, not `npx`). */
function nodeFiles(line: string): string[] {
  return [...line.matchAll(/(?:^|[\s;&|(])node\s+(?:--?[\w-]+(?:=\S+)?\s+)*([^\s;&|)-][^\s;&|)]*)/g)].map((match) => match[1] ?? '');
}

describe('README commands', () => {
  const lines = codeLines(readme);

  it('finds the commands in the code blocks', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.flatMap(npmScripts)).toEqual(expect.arrayContaining(['start', 'test', 'build']));
  });

  it.each(lines.filter((line) => npmScripts(line).length > 0))('every npm script named exists: %s', (line) => {
    for (const script of npmScripts(line)) expect(scripts, `npm run ${script}`).toContain(script);
  });

  it('runs no TypeScript file with a bare node', () => {
    const typescript = lines.flatMap(nodeFiles).filter((file) => /\.[cm]?tsx?$/.test(file));
    expect(typescript).toEqual([]);
  });

  it('gives the scripts that run TypeScript with node a Node that strips types (the `node` dev dependency)', () => {
    const typescript = Object.values(pkg.scripts).flatMap(nodeFiles).filter((file) => /\.[cm]?tsx?$/.test(file));
    expect(typescript.length).toBeGreaterThan(0);
    expect(pkg.devDependencies).toHaveProperty('node');
    expect(Number(/\d+/.exec(pkg.devDependencies.node ?? '')?.[0])).toBeGreaterThanOrEqual(23);
  });

  it('is what CI runs: .ci/run holds the test command verbatim', () => {
    const test = lines.find((line) => npmScripts(line).includes('test'));
    expect(test).toBe('npm install && npm test');
    expect(readFileSync('.ci/run', 'utf8').split('\n')).toContain(test);
  });

  it('reads the commands it checks the way a shell would', () => {
    expect(codeLines('text\n```sh\n$ npm run build -- --input x   # comment\nnode scripts/x.ts\n```\nnpm run outside')).toEqual(['npm run build -- --input x', 'node scripts/x.ts']);
    expect(npmScripts('SITE_URL=x npm run build && npm test; npm start')).toEqual(['build', 'test', 'start']);
    expect(npmScripts('npm install')).toEqual([]);
    expect(nodeFiles('node scripts/ingest.ts --input x && node --no-warnings b.ts')).toEqual(['scripts/ingest.ts', 'b.ts']);
    expect(nodeFiles('npm run ingest && npx node-x y.ts')).toEqual([]);
  });
});
