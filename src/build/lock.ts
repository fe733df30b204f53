/**
 * One build at a time per archive folder. Two builds of one archive would clear and fill the
 * same caches and site folder under each other, so a build holds `<archive>/.build-lock`.
 *
 * The lock is a file naming its holder: process id, the process's start time (so a reused
 * process id is not taken for the holder: ids are reused within minutes on a busy machine),
 * host, command, and the stage processes it started, with their start times.
 * It appears whole or not at all: the holder's record is written to a file of its own and
 * hard-linked to the lock's name, which fails when the name exists (as O_EXCL would, without
 * a moment where the lock exists but is empty).
 *
 * A build that is killed cannot remove its lock. Its lock is stale once the holder and every
 * stage it started are gone (a killed build's stages run on as orphans, and a new build must
 * not clear the caches under them); the next build takes it over, and since the killed build
 * also left its marker (src/build/archive-files.ts), builds clean. Taking over is guarded by a
 * second file made the same way, so of two builds finding one stale lock, one takes it. A
 * lock from another host (an archive on a shared disk) is never judged stale: its processes
 * cannot be seen from here.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'astro/zod';

export const LOCK_FILE = '.build-lock';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  /** The process's start, in clock ticks since boot (/proc/<pid>/stat), where the system tells it. */
  startTicks: z.number().int().nonnegative().nullable(),
  host: z.string(),
  started: z.string(),
  command: z.string(),
  /** Stage processes the holder started, with their start times; the lock is held while any of them runs. */
  stages: z.array(z.object({ pid: z.number().int().positive(), startTicks: z.number().int().nonnegative().nullable() })),
});
export type LockHolder = z.infer<typeof holderSchema>;

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function procStat(pid: number): { state: string; startTicks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTicks: Number(fields[19]) };
  } catch {
    return undefined;
  }
}

/** True while process `pid` runs; a zombie (killed, not yet reaped) does not. */
function running(pid: number, startTicks: number | null = null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (!stat) return true;
  if (stat.state === 'Z') return false;
  return startTicks === null || stat.startTicks === startTicks;
}

/** Whether a holder, as recorded, still holds: it or one of its stages runs, or it is on another host. */
export function holderRunning(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  return running(holder.pid, holder.startTicks) || holder.stages.some((stage) => running(stage.pid, stage.startTicks));
}

/** How a holder is named to a build that has to wait for it. */
export function describeHolder(holder: LockHolder): string {
  const local = holder.host === os.hostname();
  const stages = holder.stages.filter((stage) => running(stage.pid, stage.startTicks)).map((stage) => stage.pid);
  const own = !local || running(holder.pid, holder.startTicks) ? `process ${holder.pid}` : `the stages (${stages.join(', ')}) of process ${holder.pid}, which was killed,`;
  return `${own} on ${holder.host}, started ${holder.started}: ${holder.command}`;
}

function readHolder(file: string): { text: string; holder: LockHolder | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let holder: LockHolder | undefined;
  try {
    holder = holderSchema.parse(JSON.parse(text));
  } catch {
    holder = undefined;
  }
  return { text, holder };
}

/** Creates `target` holding `text`, whole, or returns false when it exists. */
function createWhole(target: string, text: string): boolean {
  const draft = `${target}.${process.pid}.draft`;
  writeFileSync(draft, text);
  try {
    linkSync(draft, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** A lock this process holds. */
export class BuildLock {
  readonly #file: string;
  readonly #holder: LockHolder;

  constructor(file: string, holder: LockHolder) {
    this.#file = file;
    this.#holder = holder;
  }

  /** Records a stage process: the lock stays held while it runs, even if this process is killed. */
  addStage(pid: number): void {
    this.#holder.stages.push({ pid, startTicks: procStat(pid)?.startTicks ?? null });
    const draft = `${this.#file}.${process.pid}.draft`;
    writeFileSync(draft, JSON.stringify(this.#holder));
    renameSync(draft, this.#file);
  }

  release(): void {
    const current = readHolder(this.#file);
    if (current?.holder?.pid === this.#holder.pid && current.holder.startTicks === this.#holder.startTicks) rmSync(this.#file, { force: true });
  }
}

/** The drafts of processes killed between writing a draft and removing it. */
function removeDeadDrafts(archive: string): void {
  for (const name of readdirSync(archive)) {
    const pid = name.startsWith(`${LOCK_FILE}.`) ? /\.(\d+)\.draft$/.exec(name)?.[1] : undefined;
    if (pid !== undefined && !running(Number(pid))) rmSync(path.join(archive, name), { force: true });
  }
}

type Attempt = { lock: BuildLock } | { holder: LockHolder } | { retry: true };

/**
 * Takes over the lock whose text was judged stale, unless another build does first. Guarded,
 * so that the stale lock is removed once and never a live one that replaced it meanwhile.
 */
function takeOver(file: string, staleText: string, mine: string): Attempt {
  const guard = `${file}.takeover`;
  if (!createWhole(guard, mine)) {
    const other = readHolder(guard);
    // The guard of a build killed while taking over (a few system calls long).
    if (other && (!other.holder || !holderRunning(other.holder))) rmSync(guard, { force: true });
    return { retry: true };
  }
  try {
    if (readHolder(file)?.text === staleText) rmSync(file, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
  return { retry: true };
}

function attempt(file: string, holder: LockHolder): Attempt {
  const mine = JSON.stringify(holder);
  if (createWhole(file, mine)) return { lock: new BuildLock(file, holder) };
  const current = readHolder(file);
  if (!current) return { retry: true };
  if (current.holder && holderRunning(current.holder)) return { holder: current.holder };
  return takeOver(file, current.text, mine);
}

/** A build's lock holder record for this process. */
function ownRecord(): LockHolder {
  return {
    pid: process.pid,
    startTicks: procStat(process.pid)?.startTicks ?? null,
    host: os.hostname(),
    started: new Date().toISOString(),
    command: process.argv.map((arg) => (/[\s"']/.test(arg) ? JSON.stringify(arg) : arg)).join(' '),
    stages: [],
  };
}

export class LockHeldError extends Error {
  readonly holder: LockHolder;

  constructor(archive: string, holder: LockHolder) {
    super(`another build holds ${archive}: ${describeHolder(holder)}. Run again when it has finished, or with --wait to wait for it.`);
    this.holder = holder;
  }
}

/**
 * Takes the lock of `archive` (created if missing). When a live build holds it, throws
 * LockHeldError, or with `wait`, calls `onWait` once and polls every `pollMs` until it is free.
 */
export async function lockArchive(archive: string, options: { wait?: boolean; pollMs?: number; onWait?: (holder: LockHolder) => void } = {}): Promise<BuildLock> {
  mkdirSync(archive, { recursive: true });
  const file = path.join(archive, LOCK_FILE);
  const holder = ownRecord();
  let waiting = false;
  for (;;) {
    const result = attempt(file, holder);
    if ('lock' in result) {
      removeDeadDrafts(archive);
      return result.lock;
    }
    if ('holder' in result) {
      if (!options.wait) throw new LockHeldError(archive, result.holder);
      if (!waiting) options.onWait?.(result.holder);
      waiting = true;
      await sleep(options.pollMs ?? 1000);
    } else await sleep(20);
  }
}
