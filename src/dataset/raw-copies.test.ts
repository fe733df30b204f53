import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterClockTick } from '../../tests/unit/support/fs-clock.ts';
import { publishRawCopies } from './raw-copies.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const root = mkdtempSync(path.join(tmpdir(), 'raw-copies-'));
  dirs.push(root);
  const raw = path.join(root, 'raw');
  const site = path.join(root, 'site');
  mkdirSync(raw);
  for (const name of ['a.txt', 'b.txt']) writeFileSync(path.join(raw, name), `bytes of ${name}`);
  afterClockTick(root);
  return { raw, site, recordFile: path.join(root, 'raw-copies.json') };
}

describe('publishRawCopies', () => {
  it('copies the raw files the site lacks and leaves those it has', () => {
    const { raw, site } = setup();
    expect(publishRawCopies(path.join(raw, 'missing'), site)).toBe(false);
    expect(publishRawCopies(raw, site)).toBe(true);
    expect(readdirSync(path.join(site, 'raw')).sort()).toEqual(['a.txt', 'b.txt']);
    writeFileSync(path.join(site, 'raw/a.txt'), 'kept');
    rmSync(path.join(site, 'raw/b.txt'));
    publishRawCopies(raw, site);
    expect(readFileSync(path.join(site, 'raw/a.txt'), 'utf8')).toBe('kept');
    expect(readFileSync(path.join(site, 'raw/b.txt'), 'utf8')).toBe('bytes of b.txt');
  });

  it('lists nothing when the raw folder is unchanged and the site folder intact, and publishes a new raw file', () => {
    const { raw, site, recordFile } = setup();
    publishRawCopies(raw, site, { recordFile });
    rmSync(path.join(site, 'raw/b.txt'));
    // Intact by the build's word: the copies are not looked at.
    publishRawCopies(raw, site, { recordFile, siteIntact: true });
    expect(readdirSync(path.join(site, 'raw'))).toEqual(['a.txt']);
    // Not intact: looked at.
    publishRawCopies(raw, site, { recordFile });
    expect(readdirSync(path.join(site, 'raw')).sort()).toEqual(['a.txt', 'b.txt']);
    // A raw file added moves the folder's change time.
    writeFileSync(path.join(raw, 'c.txt'), 'bytes of c.txt');
    publishRawCopies(raw, site, { recordFile, siteIntact: true });
    expect(readFileSync(path.join(site, 'raw/c.txt'), 'utf8')).toBe('bytes of c.txt');
    // Another site folder is always looked at.
    const other = `${site}-other`;
    publishRawCopies(raw, other, { recordFile, siteIntact: true });
    expect(readdirSync(path.join(other, 'raw')).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });
});
