import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README is a newcomer's five minutes: short, its "Layout" table finds things by folder
 * name (every path it names exists, every folder of src/, scripts/ and tests/ is in it), and
 * it links every page of docs/, where the rest lives, stated as it is now.
 */

const readme = readFileSync('README.md', 'utf8');
const table = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1));
/** The paths in the table's first column. */
const named = table
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''));

describe('README layout table', () => {
  it('names only paths that exist', () => {
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((entry) => !existsSync(entry))).toEqual([]);
  });

  it('names every folder of src/, scripts/ and tests/', () => {
    const folders = ['src', 'scripts', 'tests'].flatMap((root) =>
      readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${root}/${entry.name}/`),
    );
    expect(folders.filter((folder) => !named.includes(folder))).toEqual([]);
  });
});

describe('README and docs/', () => {
  const docs = readdirSync('docs').filter((name) => name.endsWith('.md'));
  /** Relative links of a markdown text, without their #anchor. */
  const links = (markdown: string) => [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1] ?? '').filter((link) => !/^[a-z]+:/.test(link));

  it('keeps the README for users: at most 200 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
  });

  it('links every page of docs/, and only files that exist', () => {
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.filter((name) => !links(readme).includes(`docs/${name}`))).toEqual([]);
    for (const [file, text] of [['README.md', readme], ...docs.map((name) => [`docs/${name}`, readFileSync(`docs/${name}`, 'utf8')])] as const) {
      const broken = links(text).filter((link) => !existsSync(path.join(path.dirname(file), link)));
      expect(broken, file).toEqual([]);
    }
  });

  it('states how things are now: no commit hashes or issue numbers in the prose', () => {
    const history = /(^|[^0-9a-z])[0-9a-f]{7}([^0-9a-z]|$)|issue #\d+|#1\d\b/;
    for (const file of ['README.md', ...docs.map((name) => `docs/${name}`)]) {
      const lines = readFileSync(file, 'utf8').split('\n').filter((line) => history.test(line));
      expect(lines, file).toEqual([]);
    }
  });
});
