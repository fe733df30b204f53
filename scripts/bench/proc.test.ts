import { describe, expect, it } from 'vitest';
import { descendants, parseGnuTime, parseStat, parseStatusRss, sampleTree } from './proc.ts';

describe('parseStat', () => {
  it('reads parent pid and user+system ticks even when the command name holds spaces and parentheses', () => {
    expect(parseStat('1234 (node) S 1200 1234 1200 0 -1 4194304 100 0 0 0 250 40 3 1 20 0 11')).toEqual({ ppid: 1200, cpuTicks: 290 });
    expect(parseStat('77 (my (odd) name) R 5 77 5 0 -1 0 0 0 0 0 7 1 0 0 20 0 1')).toEqual({ ppid: 5, cpuTicks: 8 });
    expect(parseStat('garbage')).toBeUndefined();
  });
});

describe('parseStatusRss', () => {
  it('converts VmRSS from kB to bytes, and is undefined without it', () => {
    expect(parseStatusRss('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t   2048 kB\nThreads: 7\n')).toBe(2048 * 1024);
    expect(parseStatusRss('Name:\tkthreadd\nThreads: 1\n')).toBeUndefined();
  });
});

describe('descendants', () => {
  it('walks the whole tree below the root and nothing else', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 10],
      [13, 12],
      [20, 1],
      [21, 20],
    ]);
    expect(descendants(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(descendants(21, parents)).toEqual([21]);
  });
});

describe('sampleTree', () => {
  it('sees this process using memory and CPU', () => {
    const sample = sampleTree(process.pid);
    expect(sample.rssBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(sample.cpuTicks.get(process.pid)).toBeGreaterThan(0);
  });
});

describe('parseGnuTime', () => {
  it('adds user and system seconds, skipping the note GNU time writes for a failed command', () => {
    expect(parseGnuTime('12.34 1.66\n')).toBe(14_000);
    expect(parseGnuTime('Command exited with non-zero status 1\n0.50 0.25\n')).toBe(750);
    expect(parseGnuTime('')).toBeUndefined();
  });
});
