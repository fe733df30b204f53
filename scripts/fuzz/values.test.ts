import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TITLE_MAX } from '../../src/schemas/article.ts';
import { canonicalizeUrl } from '../../src/ingest/extract/source-url.ts';
import { ingestFile } from '../../src/ingest/pipeline.ts';
import { createRng } from '../lib/rng.ts';
import { longTitle, ODD_URLS, VALUE_GENERATORS } from './values.ts';

const rawDir = path.resolve('content/raw');
const samples = readdirSync(rawDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(path.join(rawDir, name), 'utf8'));

describe('value generators', () => {
  it('make files the ingest keeps, whatever the odd value, from every sample', () => {
    const rng = createRng(11);
    for (const [kind, { make }] of Object.entries(VALUE_GENERATORS)) {
      for (const [index, text] of samples.entries()) {
        const file = `${kind}-${index}.txt`;
        const result = ingestFile(new TextEncoder().encode(make({ rng, text })), file, []);
        expect(result.status, `${file}: ${result.reason}`).toBe('kept');
      }
    }
  });

  it('gives a title of whole words at the schema limit', () => {
    const title = longTitle({ rng: createRng(1), text: samples[0] ?? '' });
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title.length).toBeGreaterThan(TITLE_MAX - 30);
    expect(samples[0]).toContain(title.split(' ').at(-1));
  });

  it('uses source URLs the ingest accepts', () => {
    for (const url of ODD_URLS) expect(canonicalizeUrl(url), url).toHaveProperty('url');
  });
});
