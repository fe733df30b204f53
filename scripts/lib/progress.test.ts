import { describe, expect, it } from 'vitest';
import { formatDuration, stageLine, timeLeft } from './progress.ts';

describe('progress lines', () => {
  it('reads durations at a glance', () => {
    expect([formatDuration(400), formatDuration(42_000), formatDuration(185_000), formatDuration(3_720_000)]).toEqual(['0 s', '42 s', '3 min 05 s', '1 h 02 min']);
  });

  it('estimates the time left from the rate so far, once there is one', () => {
    expect(timeLeft(250, 1000, 60_000)).toBe(180_000);
    expect(timeLeft(0, 1000, 60_000)).toBeUndefined();
    expect(timeLeft(6, 1010, 2_000)).toBeUndefined();
    expect(timeLeft(10, undefined, 60_000)).toBeUndefined();
    expect(timeLeft(1000, 1000, 60_000)).toBeUndefined();
  });

  it('shows the count, the total and the time left, or what it has', () => {
    const started = 0;
    expect(stageLine({ name: 'pages', unit: 'pages', done: 812, total: 1739, started }, 60_000)).toBe('pages: 812 of 1,739 pages (46 %), about 1 min 08 s left');
    expect(stageLine({ name: 'pages', unit: 'pages', done: 812, started }, 60_000)).toBe('pages: 812 pages, 1 min 00 s');
    expect(stageLine({ name: 'data files', done: 0, started }, 12_000)).toBe('data files: running, 12 s');
    expect(stageLine({ name: 'ingest', unit: 'files', done: 1000, total: 1000, started, finishedAt: 25_000 }, 99_000)).toBe('ingest: done, 1,000 files in 25 s');
  });

  it('says what the count alone does not, and times the step it is in, not the stage', () => {
    // 30 s went on the search pages; the first bundle of 4,000 pages took the next 15 s.
    const search = { name: 'search index', unit: 'pages indexed', done: 4000, total: 12_000, detail: 'bundle 2 of 3: fr-1', started: 0, stepStarted: 30_000 };
    expect(stageLine(search, 45_000)).toBe('search index: 4,000 of 12,000 pages indexed (33 %), bundle 2 of 3: fr-1, about 30 s left');
    expect(stageLine({ ...search, finishedAt: 75_000, done: 12_000, detail: '3 of 5 bundles built' }, 99_000)).toBe('search index: done, 12,000 pages indexed (3 of 5 bundles built) in 1 min 15 s');
  });
});
