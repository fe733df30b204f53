import { describe, expect, it } from 'vitest';
import type { SegmentLimits } from '../bundles.ts';
import type { PageState } from './search-pages.ts';
import { planLanguage, type LanguageSegments, type SegmentState } from './segments.ts';

/** A French search page of this month, its text hash `hash`. */
const page = (id: string, unit: string, hash = 'h'): PageState => ['digest', `fr/${unit}/articles/fr/${id}/index.html`, 'fr', unit, hash];

/** A base as the last build wrote it, holding these pages. */
const base = (name: string, units: string[], pages: PageState[]): SegmentState => ({
  name,
  units,
  files: {},
  pages: Object.fromEntries(pages.map((p) => [p[1], [p[4], `id-${p[1]}`, { year: [p[3].slice(0, 4)] }]])),
});

const limits: SegmentLimits = { maxBundlePages: 4, deltaPages: 2, staleShare: 0.5 };
const intact = () => true;
const summary = (plan: ReturnType<typeof planLanguage>) => plan.map((s) => `${s.name} ${s.kept ? 'kept' : 'written'} ${s.pages.length}${Object.keys(s.dead).length ? ` dead ${Object.keys(s.dead).length}` : ''}`);

describe('planLanguage', () => {
  const jan = [page('a', '2024-01'), page('b', '2024-01'), page('c', '2024-01')];
  const feb = [page('d', '2024-02'), page('e', '2024-02')];
  const before: LanguageSegments = { bases: [base('fr-2024-01', ['2024-01'], jan), base('fr-2024-02', ['2024-02'], feb)] };

  it('cuts a language from nothing as a clean build does', () => {
    expect(summary(planLanguage('fr', [...jan, ...feb], undefined, limits, intact))).toEqual(['fr-2024-01 written 3', 'fr-2024-02 written 2']);
  });

  it('keeps the bases, with a tombstone for a changed page, and writes it into the delta', () => {
    const plan = planLanguage('fr', [jan[0]!, page('b', '2024-01', 'new'), jan[2]!, ...feb], before, limits, intact);
    expect(summary(plan)).toEqual(['fr-2024-01 kept 3 dead 1', 'fr-2024-02 kept 2', 'fr-delta written 1']);
    expect(plan[0]!.dead).toEqual({ [`id-${jan[1]![1]}`]: { year: ['2024'] } });
  });

  it('keeps a delta whose pages are the same, and rebuilds a base that is no longer as written', () => {
    const pages = [...jan, ...feb, page('f', '2024-03')];
    const delta = { ...base('fr-delta', [], [page('f', '2024-03')]), units: [] };
    expect(summary(planLanguage('fr', pages, { ...before, delta }, limits, intact))).toEqual(['fr-2024-01 kept 3', 'fr-2024-02 kept 2', 'fr-delta kept 1']);
    expect(summary(planLanguage('fr', pages, { ...before, delta }, limits, (s) => s.name !== 'fr-2024-02'))).toEqual(['fr-2024-01 kept 3', 'fr-2024-02 written 2', 'fr-delta kept 1']);
  });

  it('rebuilds a base past the stale share, taking its months’ pages out of the delta', () => {
    // Two of January's three pages removed: past half.
    expect(summary(planLanguage('fr', [jan[0]!, page('g', '2024-01'), ...feb], before, limits, intact))).toEqual(['fr-2024-01 written 2', 'fr-2024-02 kept 2']);
  });

  it('folds new months into the newest base while it stays under the cap, else into new bases', () => {
    const march = [page('f', '2024-03'), page('g', '2024-03'), page('h', '2024-04')];
    // Three pages of new months pass the delta's two; February (2) and them (3) pass the cap (4).
    expect(summary(planLanguage('fr', [...jan, ...feb, ...march], before, limits, intact))).toEqual(['fr-2024-01 kept 3', 'fr-2024-02 kept 2', 'fr-2024-03 written 3']);
    const roomy = { ...limits, maxBundlePages: 5 };
    expect(summary(planLanguage('fr', [...jan, ...feb, ...march], before, roomy, intact))).toEqual(['fr-2024-01 kept 3', 'fr-2024-02 written 5']);
  });

  it('cuts the language again when the months to fold are older than the newest base', () => {
    const old = [page('x', '2023-05'), page('y', '2023-06'), page('z', '2023-06')];
    expect(summary(planLanguage('fr', [...old, ...jan, ...feb], before, limits, intact))).toEqual(['fr-2023-05 written 3', 'fr-2024-01 written 3', 'fr-2024-02 written 2']);
  });

  it('cuts a rebuilt base that grew past the cap', () => {
    const spanning: LanguageSegments = { bases: [base('fr-2024-01', ['2024-01'], jan), base('fr-2024-02', ['2024-02', '2024-03'], feb)] };
    const march = [page('f', '2024-03'), page('g', '2024-03'), page('h', '2024-03')];
    // February and March now hold five pages, past the cap of four: cut again, the first part keeping the name.
    expect(summary(planLanguage('fr', [...jan, ...feb, ...march], spanning, limits, intact))).toEqual(['fr-2024-01 kept 3', 'fr-2024-02 written 2', 'fr-2024-03 written 3']);
  });

  it('plans a base from how it stood, without reading its pages', () => {
    const unread: SegmentState = {
      name: 'fr-2024-02',
      units: ['2024-02'],
      files: {},
      get pages(): never {
        throw new Error('read');
      },
    };
    const stood = { size: 2, dead: {}, superseded: [], added: 0 };
    const plan = planLanguage('fr', [jan[0]!, page('b', '2024-01', 'new'), jan[2]!, ...feb], { bases: [before.bases[0]!, unread] }, limits, intact, (b) => (b === unread ? stood : undefined));
    expect(summary(plan)).toEqual(['fr-2024-01 kept 3 dead 1', 'fr-2024-02 kept 2', 'fr-delta written 1']);
    expect(plan[1]!.standing).toBe(stood);
  });
});
