import { describe, expect, it } from 'vitest';
import { stageProgressSchema, stageReporter, type StageProgress } from './stage-progress.ts';

describe('a stage reporting its progress to the build', () => {
  it('sends a step’s first and last message and what is forced, the rest at most every 250 ms', () => {
    const sent: StageProgress[] = [];
    let now = 0;
    const report = stageReporter((message) => sent.push(message), () => now);
    for (let done = 0; done <= 10; done++) {
      report({ done, total: 10, unit: 'search pages' });
      now += 100;
    }
    report({ done: 0, total: 8000, unit: 'pages indexed', detail: 'bundle 1 of 2: fr' });
    report({ done: 4000, total: 8000, unit: 'pages indexed', detail: 'bundle 1 of 2: fr' }, true);
    report({ done: 4000, total: 8000, unit: 'pages indexed', detail: 'bundle 2 of 2: ru' }, true);
    report({ done: 8000, total: 8000, unit: 'pages indexed', detail: 'bundle 2 of 2: ru' });
    expect(sent.map(({ done, unit, detail }) => `${done} ${unit}${detail ? `, ${detail}` : ''}`)).toEqual([
      '0 search pages',
      '3 search pages',
      '6 search pages',
      '9 search pages',
      '10 search pages',
      '0 pages indexed, bundle 1 of 2: fr',
      '4000 pages indexed, bundle 1 of 2: fr',
      '4000 pages indexed, bundle 2 of 2: ru',
      '8000 pages indexed, bundle 2 of 2: ru',
    ]);
  });

  it('sends nothing without a build to send to', () => {
    expect(() => stageReporter(undefined)({ done: 1, total: 2, unit: 'files' })).not.toThrow();
  });

  it('is read back only when it is a count of a known unit', () => {
    expect(stageProgressSchema.safeParse({ done: 3, total: 10, unit: 'dump members', detail: '1 rebuilt' }).success).toBe(true);
    expect(stageProgressSchema.safeParse({ stage: 'ingest', done: 3, total: 10 }).success).toBe(false);
    expect(stageProgressSchema.safeParse({ done: -1, total: 10, unit: 'files' }).success).toBe(false);
    expect(stageProgressSchema.safeParse({ done: 1.5, total: 10, unit: 'files' }).success).toBe(false);
  });
});
