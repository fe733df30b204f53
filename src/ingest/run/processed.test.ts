import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeArticle } from '../steps/entry.ts';
import { ingestFile } from '../pipeline.ts';
import { pack, unpack, unpackHeader } from './processed.ts';

const seed = (name: string): Uint8Array => readFileSync(`content/raw/${name}`);

describe('pack and unpack', () => {
  it('carry a kept article as its entry text and give the same result back', () => {
    const result = ingestFile(seed('002_71d977bec0ddab80.txt'), '002_71d977bec0ddab80.txt', []);
    const packed = pack(result);
    expect(packed.result.article).toBeUndefined();
    expect(packed.entry).toBe(serializeArticle(result.article!));
    // Through JSON, as the cache stores it.
    expect(unpack(JSON.parse(JSON.stringify(packed)))).toEqual(result);
  });

  it('keep only the header of an article when asked, never its body', () => {
    const result = ingestFile(seed('002_71d977bec0ddab80.txt'), '002_71d977bec0ddab80.txt', []);
    const header = unpackHeader(pack(result));
    expect(header.article).toMatchObject({ id: result.article?.id, title: result.article?.title, raw: result.article?.raw });
    expect(header.article).not.toHaveProperty('body');
    expect(header.article).not.toHaveProperty('topics');
  });

  it('leave a skipped file as it is, with no entry', () => {
    const result = ingestFile(new Uint8Array(), 'empty.txt', []);
    expect(pack(result)).toEqual({ result });
    expect(unpack(pack(result))).toEqual(result);
    expect(unpackHeader(pack(result))).toEqual(result);
  });
});
