/**
 * The archive folder's lock between real processes: each holder is a Node process of its own,
 * killed with SIGKILL where the test needs a build that could not clean up after itself.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, LockHeldError, lockArchive, type LockHolder } from './lock.ts';

/**
 * A process that takes the lock of the folder given (waiting for it with `wait`), prints
 * `waiting` and `held <pid>`, starts a stage process on `stage` and releases when told to.
 */
const HOLDER = `
import { spawn } from 'node:child_process';
import { lockArchive } from './src/build/lock.ts';
const [dir, mode] = process.argv.slice(1);
const lock = await lockArchive(dir, { wait: mode === 'wait', pollMs: 50, onWait: () => console.log('waiting') });
console.log('held ' + process.pid);
process.stdin.on('data', (line) => {
  if (String(line).startsWith('stage')) {
    const stage = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    lock.addStage(stage.pid);
    console.log('stage ' + stage.pid);
  } else {
    lock.release();
    process.exit(0);
  }
});
`;

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];
const stages: number[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'build-lock-'));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const pid of stages.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** What each holder printed so far: a line may come before the test starts waiting for it. */
const printed = new WeakMap<ChildProcessWithoutNullStreams, { stdout: string; stderr: string }>();

function holder(mode: 'now' | 'wait' = 'now'): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--input-type=module', '-e', HOLDER, dir, mode], { stdio: 'pipe' });
  const output = { stdout: '', stderr: '' };
  printed.set(child, output);
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  children.push(child);
  return child;
}

/** Resolves with the first line of the child's output that starts with `prefix`, printed before or after the call. */
async function line(child: ChildProcessWithoutNullStreams, prefix: string): Promise<string> {
  const output = printed.get(child) as { stdout: string; stderr: string };
  for (;;) {
    const found = output.stdout.split('\n').find((text) => text.startsWith(prefix));
    if (found !== undefined) return found;
    if (child.exitCode !== null) throw new Error(`holder exited (${child.exitCode}) before printing "${prefix}": ${output.stdout}${output.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const killed = (child: ChildProcessWithoutNullStreams): Promise<void> =>
  new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });

const lockedBy = (): LockHolder => JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockHolder;

describe('lockArchive', { timeout: 60_000 }, () => {
  it('refuses a second build while the first holds the folder, naming the holder', async () => {
    const first = holder();
    await line(first, 'held');
    const refused = lockArchive(dir);
    await expect(refused).rejects.toBeInstanceOf(LockHeldError);
    await expect(refused).rejects.toThrow(new RegExp(`another build holds .*: process ${first.pid} on ${os.hostname()}, started .*--wait`));
  });

  it('lets a waiting build in when the holder releases', async () => {
    const first = holder();
    await line(first, 'held');
    const second = holder('wait');
    await line(second, 'waiting');
    first.stdin.write('release\n');
    expect(await line(second, 'held')).toBe(`held ${second.pid}`);
    expect(lockedBy().pid).toBe(second.pid);
  });

  it("takes over the lock a killed holder left", async () => {
    const first = holder();
    await line(first, 'held');
    await killed(first);
    expect(lockedBy().pid).toBe(first.pid);
    const lock = await lockArchive(dir);
    expect(lockedBy().pid).toBe(process.pid);
    lock.release();
  });

  it('lets a waiting build in when the holder is killed', async () => {
    const first = holder();
    await line(first, 'held');
    const second = holder('wait');
    await line(second, 'waiting');
    await killed(first);
    expect(await line(second, 'held')).toBe(`held ${second.pid}`);
    expect(lockedBy().pid).toBe(second.pid);
  });

  it('holds while a killed holder’s stage still runs, and is free once it ends', async () => {
    const first = holder();
    await line(first, 'held');
    first.stdin.write('stage\n');
    const stage = Number((await line(first, 'stage')).split(' ')[1]);
    stages.push(stage);
    await killed(first);
    await expect(lockArchive(dir)).rejects.toThrow(`the stages (${stage}) of process ${first.pid}, which was killed,`);
    process.kill(stage, 'SIGKILL');
    // The stage is our grandchild's orphan: its parent is now init, which reaps it.
    for (let tries = 0; tries < 100 && existsSync(`/proc/${stage}`); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    const lock = await lockArchive(dir);
    expect(lockedBy().pid).toBe(process.pid);
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('does not take a reused process id for the holder', async () => {
    // This process is alive, but did not start when the record says: another process had its id.
    const stale: LockHolder = { pid: process.pid, startTicks: 1, host: os.hostname(), started: '2026-01-01T00:00:00.000Z', command: 'npm run build', stages: [] };
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(stale));
    const lock = await lockArchive(dir);
    expect(lockedBy().startTicks).not.toBe(1);
    lock.release();
  });

  it('never judges a lock from another host stale', async () => {
    const remote: LockHolder = { pid: 999_999, startTicks: 1, host: `not-${os.hostname()}`, started: '2026-01-01T00:00:00.000Z', command: 'npm run build', stages: [] };
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(remote));
    await expect(lockArchive(dir)).rejects.toThrow(`process 999999 on not-${os.hostname()}`);
  });

  it('does not remove a lock it no longer holds', async () => {
    const lock = await lockArchive(dir);
    const other: LockHolder = { pid: 999_999, startTicks: 1, host: `not-${os.hostname()}`, started: '2026-01-01T00:00:00.000Z', command: 'npm run build', stages: [] };
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(other));
    lock.release();
    expect(lockedBy().pid).toBe(999_999);
  });
});
