/**
 * Two builds of one archive folder started while the first runs, as a user would start them:
 * the second stops at once and names the first's process; with `--wait` it waits, then builds
 * incrementally on what the first left. (Killed builds: src/build/lock.test.ts and
 * tests/unit/incremental-build.test.ts.)
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/build/lock.ts';

const root = process.cwd();
const work = path.join(root, '.cache', 'test-build-lock');
const archive = path.join(work, 'archive');
const args = ['scripts/build.ts', '--input', path.join(root, 'content', 'raw'), '--out', archive, '--dist', path.join(work, 'dist')];

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<number | null>;
}

function start(...extra: string[]): Running {
  const child = spawn(process.execPath, [...args, ...extra], { stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 1200; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('two builds of one archive folder', () => {
  rmSync(work, { recursive: true, force: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('stops the second at once, naming the first; a waiting one builds after it', { timeout: 300_000 }, async () => {
    const first = start();
    await until(() => existsSync(path.join(archive, LOCK_FILE)), "the first build's lock");

    const second = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`build: another build holds ${archive}: process ${first.child.pid} on `);
    expect(second.stderr).toContain('--wait');

    const third = start('--wait');
    await until(() => third.output().includes('build: waiting for the build holding'), 'the third build to wait');
    expect(third.output()).toContain(`process ${first.child.pid}`);

    expect(await first.exit, first.output()).toBe(0);
    expect(await third.exit, third.output()).toBe(0);
    // The first build finished: the third, of the same input, finds nothing to render again.
    expect(third.output()).not.toContain('did not finish');
    expect(third.output()).toContain('astro build skipped');
    expect(existsSync(path.join(archive, LOCK_FILE))).toBe(false);
  });
});
