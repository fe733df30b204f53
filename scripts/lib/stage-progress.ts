/**
 * How a stage that `npm run build` runs in its own process (the ingest, the data files, the
 * search index) tells it where it is: a message over the IPC channel the build opens for it
 * (src/build/run.ts), read back with the schema below. A stage run on its own has no channel
 * and sends nothing.
 */
import { z } from 'astro/zod';

/** Where a stage is: `done` of `total` `unit`s of its current step; a new unit starts a new step. */
export const stageProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** What is counted in this step: `files`, `members`, `search pages`, `pages indexed`. */
  unit: z.string().min(1),
  /** What the count alone does not say: `bundle 2 of 5: fr-1`, `3 rebuilt`. */
  detail: z.string().min(1).optional(),
});
export type StageProgress = z.infer<typeof stageProgressSchema>;

/** Sends no more often than this, but always a step's first and last message. */
const EVERY_MS = 250;

/**
 * A stage's reporter: sends a step's first message, its last (`done` = `total`) and any with
 * `force`, and the others at most every 250 ms, so a stage counting ten thousand files sends a
 * few dozen messages. `send` and `now` are the process's unless a test gives its own.
 */
export function stageReporter(
  send: ((message: StageProgress) => void) | undefined = process.send?.bind(process),
  now: () => number = () => performance.now(),
): (progress: StageProgress, force?: boolean) => void {
  let unit: string | undefined;
  let sentAt = -Infinity;
  return (progress, force = false) => {
    if (!send) return;
    const at = now();
    if (!force && progress.unit === unit && progress.done < progress.total && at - sentAt < EVERY_MS) return;
    unit = progress.unit;
    sentAt = at;
    send(progress);
  };
}
