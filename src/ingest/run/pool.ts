/**
 * A small pool of ingest workers with a per-file time bound. A file that runs over the bound
 * has its worker terminated (sync code cannot be interrupted any other way) and is reported
 * as skipped; a fresh worker takes its place.
 */
import { Worker } from 'node:worker_threads';
import type { FileOutcome, Processed } from '../outcome.ts';
import type { WorkerJob, WorkerReply, WorkerSetup } from './worker.ts';

const WORKER_URL = new URL('./worker.ts', import.meta.url);

interface Slot {
  worker: Worker;
  busy: { job: WorkerJob; done: (processed: Processed) => void; timer: NodeJS.Timeout } | undefined;
}

export class IngestPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: WorkerJob; done: (processed: Processed) => void }[] = [];
  private readonly setup: WorkerSetup;
  private readonly timeoutMs: number;
  private readonly size: number;
  private nextId = 0;

  constructor(setup: WorkerSetup, size: number, timeoutMs: number) {
    this.setup = setup;
    this.timeoutMs = timeoutMs;
    this.size = size;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL, { workerData: this.setup }), busy: undefined };
    slot.worker.on('message', ({ id: _id, ...processed }: WorkerReply) => this.finish(slot, processed));
    slot.worker.on('error', (error: Error) => {
      const busy = slot.busy;
      if (!busy) return;
      this.replace(slot);
      this.failWith(busy, `error: ${error.message}`);
    });
    return slot;
  }

  private replace(slot: Slot): void {
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    this.slots[index] = this.spawn();
  }

  private finishWith(busy: NonNullable<Slot['busy']>, processed: Processed): void {
    clearTimeout(busy.timer);
    busy.done(processed);
    this.pump();
  }

  /** A result the pool makes itself, for a file its worker could not finish. */
  private failWith(busy: NonNullable<Slot['busy']>, reason: string): void {
    const outcome: FileOutcome = { file: busy.job.file, status: 'skipped', reason, warnings: [], sha256: busy.job.sha256 };
    this.finishWith(busy, { outcome });
  }

  private finish(slot: Slot, processed: Processed): void {
    const busy = slot.busy;
    if (!busy) return;
    slot.busy = undefined;
    this.finishWith(busy, processed);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const next = this.queue.shift();
      if (!next) return;
      const timer = setTimeout(() => {
        const busy = slot.busy;
        if (!busy) return;
        slot.busy = undefined;
        this.replace(slot);
        this.failWith(busy, `timeout: not finished within ${this.timeoutMs / 1000} s, stopped`);
      }, this.timeoutMs);
      slot.busy = { ...next, timer };
      slot.worker.postMessage(next.job);
    }
  }

  /** Starts a worker if none is running, ahead of the first file it will be given. */
  warm(): void {
    if (this.slots.length === 0) this.slots.push(this.spawn());
  }

  run(file: string, bytes: Uint8Array, sha256: string): Promise<Processed> {
    // A worker starts only when a file finds every other one busy: a re-run where every file
    // comes from the cache never pays for loading the pipeline, its language models and
    // stemmers, and one where a single file changed pays for it once.
    if (this.slots.length < this.size && this.slots.every((slot) => slot.busy)) this.slots.push(this.spawn());
    return new Promise((done) => {
      this.queue.push({ job: { id: this.nextId++, file, bytes, sha256 }, done });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
