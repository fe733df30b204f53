import { describe, expect, it } from 'vitest';
import { bundleUnit, planBundles } from './bundles.ts';
import type { Lang } from '../schemas/article.ts';

const counts = (entries: Record<string, Record<string, number>>) => new Map(Object.entries(entries).map(([lang, months]) => [lang as Lang, new Map(Object.entries(months))]));
const names = (plans: ReturnType<typeof planBundles>) => plans.map((plan) => `${plan.name}:${plan.pages}:${plan.units.join(',')}`);

describe('bundleUnit', () => {
  it('groups a page by its month, and a page without a date as the oldest', () => {
    expect(bundleUnit('2024-03-28')).toBe('2024-03');
    expect(bundleUnit(undefined)).toBe('');
  });
});

describe('planBundles', () => {
  it('keeps a language that fits in one bundle named after it, in the order of the languages given', () => {
    const plans = planBundles(['fr', 'ru', 'el'], counts({ ru: { '2024-01': 3 }, fr: { '': 1, '2024-02': 2 }, el: {} }), 5);
    expect(names(plans)).toEqual(['fr:3:,2024-02', 'ru:3:2024-01']);
  });

  it('cuts a language over the cap by month from the oldest, never splitting a month', () => {
    const plans = planBundles(['fr'], counts({ fr: { '2024-03': 2, '': 1, '2024-01': 2, '2024-02': 4, '2024-04': 1 } }), 4);
    expect(names(plans)).toEqual(['fr-undated:3:,2024-01', 'fr-2024-02:4:2024-02', 'fr-2024-03:3:2024-03,2024-04']);
  });

  it('gives a month larger than the cap a bundle of its own', () => {
    expect(names(planBundles(['el'], counts({ el: { '2024-01': 1, '2024-02': 9, '2024-03': 1 } }), 4))).toEqual(['el-2024-01:1:2024-01', 'el-2024-02:9:2024-02', 'el-2024-03:1:2024-03']);
  });

  it('changes only the last bundle, or adds one, when pages are added at the newest end', () => {
    const before = planBundles(['fr'], counts({ fr: { '2024-01': 3, '2024-02': 3, '2024-03': 1 } }), 5);
    expect(names(before)).toEqual(['fr-2024-01:3:2024-01', 'fr-2024-02:4:2024-02,2024-03']);
    const grown = planBundles(['fr'], counts({ fr: { '2024-01': 3, '2024-02': 3, '2024-03': 1, '2024-04': 1 } }), 5);
    expect(names(grown)).toEqual(['fr-2024-01:3:2024-01', 'fr-2024-02:5:2024-02,2024-03,2024-04']);
    const added = planBundles(['fr'], counts({ fr: { '2024-01': 3, '2024-02': 3, '2024-03': 1, '2024-04': 2 } }), 5);
    expect(names(added)).toEqual([...names(before), 'fr-2024-04:2:2024-04']);
  });
});
