/**
 * Writes a generated corpus of raw article files: `npm run generate -- --articles N --seed S --out DIR`.
 * Same arguments, same bytes — benchmarks and tests can regenerate instead of storing corpora.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus/corpus.ts';
import { compareStrings } from '../src/lib/sort.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    year: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || !values.out) {
  console.log(`Usage: npm run generate -- --out DIR [--articles N] [--seed S] [--quiet]

  --out DIR       folder to write the raw files into (created if missing)
  --articles N    number of files, broken ones and duplicates included; default 1000
  --seed S        integer seed; the same seed gives byte-identical files; default 1
  --year Y        date every article in year Y (default: spread over 2023-2025), e.g. a
                  month of new files for an archive built before`);
  process.exit(values.help ? 0 : 1);
}

const articles = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 1) {
  console.error(`generate: --articles must be a positive integer, got "${values.articles}"`);
  process.exit(1);
}
if (!Number.isInteger(seed)) {
  console.error(`generate: --seed must be an integer, got "${values.seed}"`);
  process.exit(1);
}

const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) {
  console.error(`generate: --year must be a year such as 2026, got "${values.year}"`);
  process.exit(1);
}

const outDir = path.resolve(values.out);
await mkdir(outDir, { recursive: true });
const counts = new Map<string, number>();
let bytes = 0;
for (const file of generateCorpus({ articles, seed, ...(year === undefined ? {} : { year }) })) {
  await writeFile(path.join(outDir, file.name), file.bytes);
  bytes += file.bytes.length;
  const kind = file.plan.kind === 'article' ? file.plan.lang : file.plan.kind === 'broken' ? `broken ${file.plan.broken}` : 'duplicate';
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
}
if (!values.quiet) {
  const mix = [...counts].sort(([a], [b]) => compareStrings(a, b)).map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`generate: ${articles} files, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${outDir} (${mix})`);
}
