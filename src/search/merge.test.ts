import { describe, expect, it } from 'vitest';
import { mergeByDate, mergeByRelevance } from './merge.ts';

interface Hit {
  name: string;
  score: number;
  date?: string;
}

const hit = (name: string, score: number, date?: string): Hit => (date ? { name, score, date } : { name, score });
const names = (hits: Hit[]) => hits.map((h) => h.name);

describe('mergeByRelevance', () => {
  it('interleaves languages by score', () => {
    const fr = [hit('fr1', 3), hit('fr2', 1)];
    const ru = [hit('ru1', 2.5), hit('ru2', 0.5)];
    const el = [hit('el1', 1.5)];
    expect(names(mergeByRelevance([fr, ru, el]))).toEqual(['fr1', 'ru1', 'el1', 'fr2', 'ru2']);
  });

  it('keeps language order for equal scores', () => {
    expect(names(mergeByRelevance([[hit('fr', 1)], [hit('ru', 1)], [hit('el', 1)]]))).toEqual(['fr', 'ru', 'el']);
    expect(names(mergeByRelevance([[hit('fr', 1)], [hit('ru', 1)], [hit('el', 1)]].reverse()))).toEqual(['el', 'ru', 'fr']);
  });
});

describe('mergeByDate', () => {
  const dated = async (h: Hit) => {
    if (!h.date) throw new Error(`${h.name} has no date`);
    return h.date;
  };

  it('gives one newest-first list across languages, with the undated after', async () => {
    const fr = [hit('fr-2025-07', 0, '2025-07-05'), hit('fr-2025-01', 0, '2025-01-26')];
    const ru = [hit('ru-2025-03', 0, '2025-03-01')];
    const el = [hit('el-2024-11', 0, '2024-11-30')];
    const merge = mergeByDate([fr, ru, el], [hit('undated-a', 2), hit('undated-b', 1)], dated);
    expect(names(await merge.take(10))).toEqual([
      'fr-2025-07',
      'ru-2025-03',
      'fr-2025-01',
      'el-2024-11',
      'undated-a',
      'undated-b',
    ]);
    expect(merge.done).toBe(true);
  });

  it('pages through the merge without repeating or skipping', async () => {
    const fr = [hit('a', 0, '2025-05-01'), hit('c', 0, '2025-03-01'), hit('e', 0, '2025-01-01')];
    const ru = [hit('b', 0, '2025-04-01'), hit('d', 0, '2025-02-01')];
    const merge = mergeByDate([fr, ru, []], [hit('u', 0)], dated);
    expect(names(await merge.take(2))).toEqual(['a', 'b']);
    expect(merge.done).toBe(false);
    expect(names(await merge.take(2))).toEqual(['c', 'd']);
    expect(names(await merge.take(2))).toEqual(['e', 'u']);
    expect(merge.done).toBe(true);
    expect(await merge.take(2)).toEqual([]);
  });

  it('reads each date once and only as far as it needs', async () => {
    const read: string[] = [];
    const fr = [hit('fr1', 0, '2025-05-01'), hit('fr2', 0, '2025-04-01'), hit('fr3', 0, '2025-03-01')];
    const ru = [hit('ru1', 0, '2025-01-01'), hit('ru2', 0, '2024-01-01')];
    const merge = mergeByDate([fr, ru], [], async (h) => {
      read.push(h.name);
      return h.date!;
    });
    expect(names(await merge.take(2))).toEqual(['fr1', 'fr2']);
    expect(read.sort()).toEqual(['fr1', 'fr2', 'ru1']);
  });

  it('breaks date ties by language order', async () => {
    const merge = mergeByDate([[hit('fr', 0, '2025-01-01')], [hit('ru', 0, '2025-01-01')]], [], dated);
    expect(names(await merge.take(2))).toEqual(['fr', 'ru']);
  });
});
