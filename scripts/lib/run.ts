import { spawn } from 'node:child_process';

/**
 * Runs a command with inherited stdio and resolves with its duration, rejecting with the
 * exit code named, so a failing stage stops the whole build with a clear message.
 */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; label: string },
): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: options.env ?? process.env });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${options.label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
