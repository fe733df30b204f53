import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cacheKey, fixedForKeys } from './cache-key.ts';

/** The key as JSON.stringify alone would make it. */
const plainKey = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

describe('cacheKey', () => {
  it('hashes exactly the text JSON.stringify gives, fixed objects or not', () => {
    const link = fixedForKeys({ id: 'ru/a', lang: 'ru', title: 'Ханой «16»\n\u0000"', date: '2025-01-02', publisher: fixedForKeys({ name: 'Nhân Dân', domain: 'nhandan.vn' }), translationKey: 'k1' });
    const page = {
      id: '2025-01-02-abc',
      newest: false,
      skipped: undefined,
      count: 3,
      ratio: 0.5,
      missing: Number.NaN,
      flags: [true, null, undefined, () => 1],
      items: [[link], [link, fixedForKeys({ id: 'fr/b', lang: 'fr', title: 'Été', translationKey: 'k2' })]],
      when: new Date(Date.UTC(2025, 0, 2)),
      nested: { empty: {}, list: [], deep: [[{ a: 'é' }]] },
    };
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const cases: unknown[][] = [[{ slug: 'hanoi', page: undefined }, page], ['key', [link, link], ['13554:1796603943928.2803']], [sparse, 'ü', 0, -1, null], []];
    for (const parts of cases) expect(cacheKey(...parts)).toBe(plainKey(...parts));
  });

  it('tells apart data that differs anywhere, fixed objects included', () => {
    const a = fixedForKeys({ id: 'fr/a', title: 'A' });
    const b = fixedForKeys({ id: 'fr/a', title: 'B' });
    expect(cacheKey({ items: [a] })).not.toBe(cacheKey({ items: [b] }));
    expect(cacheKey({ items: [a] })).not.toBe(cacheKey({ items: [a, a] }));
  });

  it('freezes a fixed object, so its text cannot go stale', () => {
    const link = fixedForKeys({ id: 'fr/a', title: 'A' });
    expect(() => {
      (link as { title: string }).title = 'B';
    }).toThrow(TypeError);
    expect(cacheKey(link)).toBe(plainKey({ id: 'fr/a', title: 'A' }));
  });
});
