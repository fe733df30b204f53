import { describe, expect, it } from 'vitest';
import { chartGeometry, CHART } from './coverage-chart.ts';
import { coverageFacts } from '../lib/coverage.ts';

const facts = (from: string, counts: Record<string, number[]>) => coverageFacts({ from, counts, undated: 0 });

describe('chartGeometry', () => {
  it('gives every month a column inside the plot, in order, and a line per language', () => {
    const chart = chartGeometry(facts('2024-11', { fr: [1, 0, 3, 2], ru: [0, 2, 0, 1] }));
    expect(chart.columns.map((c) => c.month)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(chart.columns.map((c) => c.total)).toEqual([1, 2, 3, 3]);
    for (const [a, b] of chart.columns.slice(1).map((c, i) => [chart.columns[i]!, c] as const)) expect(b.x).toBeCloseTo(a.x + a.width, 0);
    expect(chart.columns[0]?.x).toBe(CHART.left);
    expect(chart.series.map((s) => s.lang)).toEqual(['fr', 'ru']);
    // Four points: a move and three lines.
    expect(chart.series[0]?.d.match(/[ML]/g)).toEqual(['M', 'L', 'L', 'L']);
    expect(chart.series[1]?.dash).toBeDefined();
    expect(chart.series[0]?.marker).not.toBe(chart.series[1]?.marker);
  });

  it('ticks whole counts only, from zero at the bottom of the plot', () => {
    const chart = chartGeometry(facts('2025-01', { fr: [1, 2] }));
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 1, 2]);
    expect(chart.yTicks[0]?.y).toBe(chart.plot.bottom);
    expect(chart.yTicks[2]?.y).toBe(chart.plot.top);
  });

  it('labels at most six months, on calendar steps, naming the year on the first and on January', () => {
    const chart = chartGeometry(facts('2023-05', { fr: Array.from({ length: 30 }, (_, i) => i % 3) }));
    expect(chart.xTicks.map((t) => t.month)).toEqual(['2023-07', '2024-01', '2024-07', '2025-01', '2025-07']);
    expect(chart.xTicks.map((t) => t.year)).toEqual([true, true, false, true, false]);
    const short = chartGeometry(facts('2025-02', { fr: [1, 1, 1] }));
    expect(short.xTicks.map((t) => [t.month, t.year])).toEqual([['2025-02', true], ['2025-03', false], ['2025-04', false]]);
  });

  it('labels the first month of a range that no step falls in', () => {
    const chart = chartGeometry(facts('2025-02', { fr: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }));
    expect(chart.xTicks.length).toBeGreaterThan(0);
    expect(chart.xTicks.length).toBeLessThanOrEqual(6);
  });

  it('keeps the names at the lines’ ends apart and inside the plot', () => {
    const chart = chartGeometry(facts('2025-01', { fr: [0, 0], ru: [0, 0], el: [0, 0] }));
    const ys = chart.labels.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(11.9);
    expect(Math.max(...ys)).toBeLessThanOrEqual(chart.plot.bottom + CHART.fontSize);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(chart.plot.top);
  });

  it('is the same for the same data', () => {
    const data = facts('2024-03', { fr: [3, 1, 4, 1, 5], el: [2, 7, 1, 8, 2] });
    expect(JSON.stringify(chartGeometry(data))).toBe(JSON.stringify(chartGeometry(data)));
  });
});
