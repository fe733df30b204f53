import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSites, formatSiteDiff } from './site-diff.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'site-diff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('diffSites', () => {
  it('uploads new and changed files, the same size included, and deletes what is gone', () => {
    const before = site('old', { 'index.html': 'count 12', 'a/index.html': 'same', 'gone.html': 'x', '.cache/x': '1' });
    const after = site('new', { 'index.html': 'count 13', 'a/index.html': 'same', 'b/index.html': 'new page', '.cache/x': '2' });
    const diff = diffSites(before, after, new Set(['.cache']));
    expect(diff).toMatchObject({ added: ['b/index.html'], changed: ['index.html'], removed: ['gone.html'], unchanged: 1, files: 3 });
    expect(diff.uploadBytes).toBe('count 13'.length + 'new page'.length);
    expect(formatSiteDiff(diff)).toMatch(/^3 files .*: 2 to upload \(1 new, 1 changed; .*\), 1 to delete, 1 unchanged$/);
  });

  it('finds nothing to do between identical folders', () => {
    const one = site('one', { 'x/y.txt': 'bytes' });
    const two = site('two', { 'x/y.txt': 'bytes' });
    expect(diffSites(one, two)).toMatchObject({ added: [], changed: [], removed: [], unchanged: 1, uploadBytes: 0 });
  });
});
