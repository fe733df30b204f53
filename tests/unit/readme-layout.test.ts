import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The README's "Layout" table is how a newcomer finds things by folder name: every path it
 * names must exist, and every folder of src/, scripts/ and tests/ must be in it.
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
