/**
 * Runs the pure ingest pipeline on one file per message, in a worker thread the parent can
 * terminate: a file that hangs the pipeline is then a finding, not a stuck fuzz run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { ingestFile } from '../../src/ingest/pipeline.ts';
import { errorMessage } from '../../src/lib/errors.ts';
import { compileTaxonomy, parseTaxonomy } from '../../src/ingest/steps/topics.ts';

interface TimingRequest {
  path: string;
  bytes: Uint8Array;
}

export type TimingReply = { path: string; ms: number; status: string; reason?: string } | { path: string; ms: number; error: string };

// The same taxonomy the CLI reads by default, so topic matching is timed too.
const topicsPath = path.resolve('content/topics.yaml');
const taxonomy = compileTaxonomy(existsSync(topicsPath) ? parseTaxonomy(readFileSync(topicsPath, 'utf8'), topicsPath) : []);

parentPort?.on('message', (request: TimingRequest) => {
  const started = performance.now();
  try {
    const result = ingestFile(request.bytes, request.path, taxonomy);
    const reply: TimingReply = { path: request.path, ms: performance.now() - started, status: result.status, ...(result.reason ? { reason: result.reason } : {}) };
    parentPort?.postMessage(reply);
  } catch (error) {
    const reply: TimingReply = { path: request.path, ms: performance.now() - started, error: error instanceof Error && error.stack ? error.stack : errorMessage(error) };
    parentPort?.postMessage(reply);
  }
});
