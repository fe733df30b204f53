/**
 * `npm run eval`: the ingest's accuracy per field on the labelled set (tests/fixtures/eval/labels.yaml),
 * every miss with the value found and the value wanted. Exits non-zero when a field is below
 * the threshold, so CI fails on an extraction that got worse.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readLabels } from './eval/labels.ts';
import { belowThreshold, formatMisses, formatScore, scoreLabelled } from './eval/score.ts';
import { errorMessage } from '../src/lib/errors.ts';

const DEFAULT_LABELS = 'tests/fixtures/eval/labels.yaml';
/** No field may fall below this share of right answers. */
const DEFAULT_THRESHOLD = 0.98;

const { values } = parseArgs({
  options: {
    labels: { type: 'string', default: DEFAULT_LABELS },
    threshold: { type: 'string', default: String(DEFAULT_THRESHOLD) },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: npm run eval -- [--labels FILE] [--threshold SHARE]

  Runs every file of the labelled set through the ingest and prints, per field, how many
  files it got right, with precision and recall for the fields a file may lack; then each
  miss. Exits 1 when a field's accuracy is below the threshold (default ${DEFAULT_THRESHOLD}).
  Labels: ${DEFAULT_LABELS}; paths in it are relative to the repository root.`);
  process.exit(0);
}
const threshold = Number(values.threshold);
if (!(threshold >= 0 && threshold <= 1)) {
  console.error(`eval: --threshold must be a share between 0 and 1 (got "${values.threshold}")`);
  process.exit(2);
}

const root = process.cwd();
let score;
try {
  score = scoreLabelled(root, readLabels(path.resolve(root, values.labels)));
} catch (error) {
  console.error(`eval: ${errorMessage(error)}`);
  process.exit(2);
}
console.log(`eval: ${score.files} labelled files (${values.labels})\n`);
console.log(formatScore(score));
if (score.misses.length > 0) console.log(`\nmisses (${score.misses.length}):\n${formatMisses(score.misses)}`);
const low = belowThreshold(score, threshold);
if (low.length > 0) {
  console.error(`\neval: below ${(threshold * 100).toFixed(0)} %: ${low.join(', ')}`);
  process.exit(1);
}
console.log(`\neval: every field at or above ${(threshold * 100).toFixed(0)} %`);
