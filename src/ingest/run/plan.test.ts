import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKey, inLanes, planWrites, runFingerprint, type KeyContext } from './plan.ts';

const context: KeyContext = { version: 1, codeHash: 'c', taxonomyHash: 't', maxBytes: 100 };

describe('fileKey', () => {
  it('changes with the file, its bytes and everything the result depends on', () => {
    const key = fileKey(context, 'a.txt', 'ab');
    expect(fileKey(context, 'a.txt', 'ab')).toBe(key);
    const others = [
      fileKey(context, 'b.txt', 'ab'),
      fileKey(context, 'a.txt', 'cd'),
      fileKey({ ...context, version: 2 }, 'a.txt', 'ab'),
      fileKey({ ...context, codeHash: 'd' }, 'a.txt', 'ab'),
      fileKey({ ...context, taxonomyHash: 'u' }, 'a.txt', 'ab'),
      fileKey({ ...context, maxBytes: 101 }, 'a.txt', 'ab'),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});

describe('runFingerprint', () => {
  it('changes when a key, an unreadable reason or the report path does', () => {
    const files = ['a.txt', 'b.txt'];
    const base = runFingerprint('/r.json', files, [{ key: 'k1', sha256: 's' }, { unread: 'unreadable: EACCES' }]);
    expect(runFingerprint('/r.json', files, [{ key: 'k1', sha256: 's' }, { unread: 'unreadable: EACCES' }])).toBe(base);
    expect(runFingerprint('/r.json', files, [{ key: 'k2', sha256: 's' }, { unread: 'unreadable: EACCES' }])).not.toBe(base);
    expect(runFingerprint('/r.json', files, [{ key: 'k1', sha256: 's' }, { unread: 'unreadable: ENOENT' }])).not.toBe(base);
    expect(runFingerprint('/s.json', files, [{ key: 'k1', sha256: 's' }, { unread: 'unreadable: EACCES' }])).not.toBe(base);
  });
});

describe('planWrites', () => {
  const kept = [
    { file: 'a.txt', id: 'fr/a-1', sha256: 'aa' },
    { file: 'b.txt', id: 'ru/b-2', sha256: 'bb' },
    // The same bytes read as another language's article: one raw copy serves both.
    { file: 'c.txt', id: 'el/c-3', sha256: 'aa' },
  ];

  it('gives each article its entry and raw copy, writing a shared copy once', () => {
    const { articles, planned } = planWrites(kept, '/out', '/elsewhere/report.json');
    expect(articles).toEqual([
      { file: 'a.txt', entryPath: 'articles/fr/a-1.json', rawPath: 'raw/aa.txt', firstCopy: true },
      { file: 'b.txt', entryPath: 'articles/ru/b-2.json', rawPath: 'raw/bb.txt', firstCopy: true },
      { file: 'c.txt', entryPath: 'articles/el/c-3.json', rawPath: 'raw/aa.txt', firstCopy: false },
    ]);
    expect(planned).toEqual(['articles/fr/a-1.json', 'raw/aa.txt', 'articles/ru/b-2.json', 'raw/bb.txt', 'articles/el/c-3.json']);
  });

  it("counts the report among the run's files only when it lies in the archive folder", () => {
    expect(planWrites(kept, path.resolve('/out'), path.resolve('/out/ingest-report.json')).planned.at(-1)).toBe('ingest-report.json');
    expect(planWrites([], path.resolve('/out'), path.resolve('/out-2/report.json')).planned).toEqual([]);
  });
});

describe('inLanes', () => {
  it('runs every index once, never more at a time than there are lanes', async () => {
    const done: number[] = [];
    let running = 0;
    let most = 0;
    await inLanes(10, 3, async (index) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, (index * 7) % 5));
      done.push(index);
      running--;
    });
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
  });

  it('rejects with the first task that fails', async () => {
    await expect(inLanes(4, 2, async (index) => {
      if (index === 2) throw new Error('boom');
    })).rejects.toThrow('boom');
  });
});
