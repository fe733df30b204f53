import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  label: string;
  signal?: AbortSignal;
  niceness?: number;
  /** Each line the stage prints, instead of its output going straight to the terminal. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Messages the stage sends (`process.send`) over an IPC channel opened for them. */
  onMessage?: (message: unknown) => void;
  /** Called once the stage has ended and all its output was handed to `onLine`. */
  onExit?: () => void;
  /** Told the stage's process id as soon as it has started (the build lock records it). */
  onSpawn?: (pid: number) => void;
  /** Given the stage's process once started, to send it messages over the channel `onMessage` opens. */
  onChild?: (child: ChildProcess) => void;
}

/**
 * Runs a command and resolves with its duration, rejecting with the exit code named, so a
 * failing stage stops the whole build with a clear message. Its output is inherited unless
 * `onLine` takes it.
 */
export function run(command: string, args: string[], options: RunOptions): Promise<number> {
  const started = performance.now();
  const stdio: StdioOptions = options.onLine ? ['ignore', 'pipe', 'pipe'] : ['inherit', 'inherit', 'inherit'];
  if (options.onMessage) stdio.push('ipc');
  return new Promise((resolve, reject) => {
    // An aborted stage is killed (SIGTERM) and rejects: a sibling stage failed.
    const child = spawn(command, args, { stdio, env: options.env ?? process.env, ...(options.signal ? { signal: options.signal } : {}) });
    // Set before the stage starts its own children (Pagefind), which inherit it.
    if (options.niceness !== undefined && child.pid !== undefined) os.setPriority(child.pid, options.niceness);
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    options.onChild?.(child);
    const { onLine, onMessage } = options;
    // Every line is read before the stage counts as ended: its last words are often the reason it failed.
    const streams: Promise<void>[] = [];
    if (onLine) {
      for (const name of ['stdout', 'stderr'] as const) {
        const stream = child[name];
        if (!stream) continue;
        const lines = createInterface({ input: stream, crlfDelay: Infinity });
        lines.on('line', (line) => onLine(line, name));
        streams.push(new Promise((done) => lines.on('close', done)));
      }
    }
    if (onMessage) child.on('message', onMessage);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      void Promise.all(streams).then(() => {
        options.onExit?.();
        if (code === 0) resolve(performance.now() - started);
        else reject(new Error(`${options.label} failed (${signal ?? `exit code ${code}`})`));
      });
    });
  });
}
