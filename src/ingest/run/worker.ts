/**
 * Runs `ingestFile` off the main thread, so the CLI can use every core and stop a file that
 * takes too long (a pathological input) by terminating its worker. The taxonomy is compiled
 * once per worker, from the topics the CLI parsed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../../schemas/article.ts';
import { pack, type FileOutcome, type Processed } from '../outcome.ts';
import { ingestFile } from '../pipeline.ts';
import { compileTaxonomy } from '../steps/topics.ts';
import type { Topic } from '../../schemas/topic.ts';
import { errorMessage } from '../../lib/errors.ts';

export interface WorkerSetup {
  topics: Topic[];
  maxBytes: number;
}

export interface WorkerJob {
  id: number;
  file: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface WorkerReply extends Processed {
  id: number;
}

const setup = workerData as WorkerSetup;
const taxonomy = compileTaxonomy(setup.topics);

parentPort?.on('message', (job: WorkerJob) => {
  let outcome: FileOutcome<Article>;
  try {
    outcome = ingestFile(job.bytes, job.file, taxonomy, { maxBytes: setup.maxBytes });
  } catch (error) {
    // A bug or a file nobody foresaw: reported against that file, the run goes on.
    outcome = { file: job.file, status: 'skipped', reason: `error: ${errorMessage(error)}`, warnings: [], sha256: job.sha256 };
  }
  parentPort?.postMessage({ id: job.id, ...pack(outcome) } satisfies WorkerReply);
});
