/**
 * Times every fuzz file through the pure pipeline, one at a time, each under a time bound.
 * The CLI run proves the whole process survives; this names the slowest file and catches a
 * file that would hang (the worker is terminated and replaced) or throw.
 */
import { Worker } from 'node:worker_threads';
import type { FuzzCase } from './corpus.ts';
import type { TimingReply } from './timing-worker.ts';
import { errorMessage } from '../../src/lib/errors.ts';

export interface Timing {
  /** `overBound` when the slowest file was stopped at the bound rather than finishing. */
  slowest?: { path: string; ms: number; overBound: boolean };
  hangs: number;
  /** Files whose processing threw or killed the worker. */
  crashed: string[];
  failures: { path: string; error: string }[];
}

const WORKER = new URL('./timing-worker.ts', import.meta.url);

export async function timeEachFile(cases: readonly FuzzCase[], boundMs: number): Promise<Timing> {
  const timing: Timing = { hangs: 0, crashed: [], failures: [] };
  let worker = new Worker(WORKER);
  const ask = (fuzzCase: FuzzCase): Promise<TimingReply | 'timeout'> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        resolve('timeout');
      }, boundMs);
      const onMessage = (reply: TimingReply): void => {
        cleanup();
        resolve(reply);
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ path: fuzzCase.path, bytes: fuzzCase.bytes });
    });
  try {
    for (const fuzzCase of cases) {
      let reply: TimingReply | 'timeout';
      try {
        reply = await ask(fuzzCase);
      } catch (error) {
        // The worker itself died (out of memory, stack overflow outside the try): a crash.
        timing.crashed.push(fuzzCase.path);
        timing.failures.push({ path: fuzzCase.path, error: `worker died: ${errorMessage(error)}` });
        worker = new Worker(WORKER);
        continue;
      }
      if (reply === 'timeout') {
        timing.hangs += 1;
        timing.failures.push({ path: fuzzCase.path, error: `over the ${boundMs} ms per-file bound` });
        if (!timing.slowest?.overBound) timing.slowest = { path: fuzzCase.path, ms: boundMs, overBound: true };
        await worker.terminate();
        worker = new Worker(WORKER);
        continue;
      }
      if ('error' in reply) {
        timing.crashed.push(fuzzCase.path);
        timing.failures.push({ path: fuzzCase.path, error: `threw: ${reply.error.split('\n').slice(0, 3).join(' | ')}` });
      }
      if (!timing.slowest || (!timing.slowest.overBound && reply.ms > timing.slowest.ms)) timing.slowest = { path: fuzzCase.path, ms: reply.ms, overBound: false };
    }
  } finally {
    await worker.terminate();
  }
  return timing;
}
