import { spawn } from 'node:child_process';
import os from 'node:os';

/**
 * Runs a command with inherited stdio and resolves with its duration, rejecting with the
 * exit code named, so a failing stage stops the whole build with a clear message.
 */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; label: string; signal?: AbortSignal; niceness?: number },
): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // An aborted stage is killed (SIGTERM) and rejects: a sibling stage failed.
    const child = spawn(command, args, { stdio: 'inherit', env: options.env ?? process.env, ...(options.signal ? { signal: options.signal } : {}) });
    // Set before the stage starts its own children (Pagefind), which inherit it.
    if (options.niceness !== undefined && child.pid !== undefined) os.setPriority(child.pid, options.niceness);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${options.label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
