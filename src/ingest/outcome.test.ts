import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeArticle } from './steps/entry.ts';
import { ingestFile } from './pipeline.ts';
import { headerOf, pack } from './outcome.ts';

const seed = (name: string): Uint8Array => readFileSync(`content/raw/${name}`);

describe('pack', () => {
  it('carries a kept article as its entry text beside the outcome with only its header', () => {
    const outcome = ingestFile(seed('002_71d977bec0ddab80.txt'), '002_71d977bec0ddab80.txt', []);
    const article = outcome.article!;
    const packed = pack(outcome);
    expect(packed.entry).toBe(serializeArticle(article));
    expect(packed.outcome).toEqual({ ...outcome, article: headerOf(article) });
    expect(packed.outcome.article).toMatchObject({ id: article.id, title: article.title, raw: article.raw });
    expect(packed.outcome.article).not.toHaveProperty('body');
    expect(packed.outcome.article).not.toHaveProperty('topics');
  });

  it('gives the header the main thread would read back from the entry text', () => {
    const outcome = ingestFile(seed('003_736dc36327812824.txt'), 'x.txt', []);
    const fromEntry = headerOf(JSON.parse(pack(outcome).entry!));
    // Through JSON, as the cache stores it.
    expect(JSON.parse(JSON.stringify(pack(outcome).outcome.article))).toEqual(fromEntry);
  });

  it('leaves a skipped file as it is, with no entry', () => {
    const outcome = ingestFile(new Uint8Array(), 'empty.txt', []);
    expect(pack(outcome)).toEqual({ outcome });
  });
});
