import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toLink } from './article-record.ts';
import { cacheKey, keyedByDigest } from './cache-key.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

describe('cacheKey', () => {
  it('hashes the JSON of its parts', () => {
    const parts = [{ slug: 'hanoi', page: undefined }, { title: 'Ханой «16»\n"', count: 3, list: [1, null, undefined] }];
    expect(cacheKey(...parts)).toBe(sha256(JSON.stringify(parts)));
  });

  it('hashes an object keyed by digest as the digest of its JSON, wherever it is', () => {
    const fields = { id: 'ru/a', lang: 'ru', title: 'Ханой', translationKey: 'k1' };
    const link = keyedByDigest({ ...fields });
    expect(cacheKey({ page: { items: [[link], [link]] } })).toBe(sha256(JSON.stringify([{ page: { items: [[sha256(JSON.stringify(fields))], [sha256(JSON.stringify(fields))]] } }])));
  });

  it('tells apart links that differ in any field, and rows that differ in their links', () => {
    const record = { id: 'fr/a', lang: 'fr' as const, title: 'A', date: '2025-01-02', translationKey: 'k', documentRefs: [], topics: [], file: 'a.txt' };
    const keys = [
      toLink(record),
      toLink({ ...record, title: 'B' }),
      toLink({ ...record, date: '2025-01-03' }),
      toLink({ ...record, publisher: { name: 'Nhân Dân' } }),
      toLink({ ...record, publisher: { name: 'Nhân Dân', domain: 'nhandan.vn' } }),
    ].map((link) => cacheKey({ items: [[link]] }));
    expect(new Set(keys).size).toBe(keys.length);
    const link = toLink(record);
    expect(cacheKey({ items: [[link]] })).not.toBe(cacheKey({ items: [[link, link]] }));
  });

  it('freezes what it keys by digest, so it cannot drift from its digest', () => {
    const link = toLink({ id: 'fr/a', lang: 'fr', title: 'A', publisher: { name: 'P' }, translationKey: 'k', documentRefs: [], topics: [], file: 'a.txt' });
    expect(() => {
      (link as { title: string }).title = 'B';
    }).toThrow(TypeError);
    expect(() => {
      (link.publisher as { name: string }).name = 'Q';
    }).toThrow(TypeError);
  });
});
