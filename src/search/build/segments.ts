/**
 * Which bundles an update writes. A language's search is a set of base bundles, each a run
 * of months (bundles.ts), plus at most one delta bundle, the way Lucene keeps segments:
 * Pagefind can neither add a page to a written bundle nor take one out, so an update writes
 * its new and changed pages into the delta, rebuilt whole whenever its pages change, and
 * lists the base pages they replace, and the removed ones, as tombstones that the search
 * page drops (bundle-engine.ts). A base is rebuilt once it passes `staleShare` (tombstoned
 * pages, and pages of its months held in the delta, over its pages); pages of months no base
 * holds are folded into bases once there are more than `deltaPages` of them, or more than
 * `staleShare` of the language's pages. Everything here
 * is a pure function of the pages and the last build's state: the same history gives the
 * same bundles.
 */
import { planBundles, type DeadPage, type SegmentLimits } from '../bundles.ts';
import type { Lang } from '../../schemas/article.ts';
import type { PageState } from './search-pages.ts';

/** A written bundle as the state file keeps it. */
export interface SegmentState {
  name: string;
  /** A base's months; none for a delta. */
  units: string[];
  /** Its files, name -> bytes: a bundle whose files are not these is rebuilt. */
  files: Record<string, number>;
  /** Its pages: scratch page path -> [text hash, Pagefind id, filter values]. */
  pages: Record<string, [hash: string, id: string, filters: DeadPage]>;
}

/**
 * How a base stood against the pages of the build that planned it. While no page of its
 * months changes it stands the same, and it is planned from this without its pages being read.
 */
export interface BaseStanding {
  /** The pages it holds. */
  size: number;
  /** Its pages tombstoned, by Pagefind id. */
  dead: Record<string, DeadPage>;
  /** Its months' pages it does not hold as they are (the delta holds them), by path, and how many of them it does not hold at all. */
  superseded: string[];
  added: number;
}

export interface LanguageSegments {
  bases: SegmentState[];
  delta?: SegmentState | undefined;
}

/** A bundle of the plan: kept as the state has it, or written from `pages`. */
export interface PlannedSegment {
  name: string;
  lang: Lang;
  units: string[];
  delta: boolean;
  pages: PageState[];
  kept?: SegmentState;
  /** Of a kept base: its pages that are tombstoned, by Pagefind id. */
  dead: Record<string, DeadPage>;
  /** Of a kept base: how it stands. */
  standing?: BaseStanding;
}

/** How `base` stands against the language's pages (`current`, by path) and those of its months (`own`). */
function measure(base: SegmentState, current: ReadonlyMap<string, PageState>, own: readonly PageState[]): BaseStanding {
  const dead: Record<string, DeadPage> = {};
  let size = 0;
  for (const [page, [hash, id, filters]] of Object.entries(base.pages)) {
    size++;
    if (current.get(page)?.[4] !== hash) dead[id] = filters;
  }
  const superseded = own.filter((page) => base.pages[page[1]]?.[0] !== page[4]);
  return { size, dead, superseded: superseded.map((page) => page[1]), added: superseded.filter((page) => !(page[1] in base.pages)).length };
}

const byUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Bases for these pages from nothing: the cut a clean build makes. */
function freshBases(lang: Lang, pages: readonly PageState[], maxPages: number, named: (units: string[]) => string | undefined): PlannedSegment[] {
  const counts = new Map<string, number>();
  for (const [, , , unit] of pages) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  return planBundles([lang], new Map([[lang, counts]]), maxPages).map((plan) => {
    const units = new Set(plan.units);
    return { name: named(plan.units) ?? plan.name, lang, units: plan.units, delta: false, pages: pages.filter(([, , , unit]) => units.has(unit)), dead: {} };
  });
}

/**
 * One language's bundles. `pages` are its current search pages; `previous` what the last
 * build wrote for it, if it can be built on; `intact` tells whether a written bundle is still
 * as the state describes it (a bundle that is not is rebuilt); `standing` gives how a base
 * stood at the last build when no page of its months changed since.
 */
export function planLanguage(
  lang: Lang,
  pages: readonly PageState[],
  previous: LanguageSegments | undefined,
  limits: SegmentLimits,
  intact: (segment: SegmentState) => boolean,
  standing: (base: SegmentState) => BaseStanding | undefined = () => undefined,
): PlannedSegment[] {
  if (pages.length === 0) return [];
  if (!previous || previous.bases.length === 0 && !previous.delta) return freshBases(lang, pages, limits.maxBundlePages, () => undefined);
  const current = new Map(pages.map((page) => [page[1], page]));
  const inUnits = (units: readonly string[]): PageState[] => {
    const set = new Set(units);
    return pages.filter(([, , , unit]) => set.has(unit));
  };
  // Each base: kept with its tombstones, or rebuilt from the current pages of its months.
  let bases = previous.bases.flatMap((base): PlannedSegment[] => {
    const own = inUnits(base.units);
    if (own.length === 0) return [];
    const stands = standing(base) ?? measure(base, current, own);
    const stale = Object.keys(stands.dead).length + stands.added;
    const planned: PlannedSegment = { name: base.name, lang, units: base.units, delta: false, pages: own, dead: {} };
    if (stale <= limits.staleShare * stands.size && intact(base)) return [{ ...planned, kept: base, dead: stands.dead, standing: stands }];
    if (own.length <= limits.maxBundlePages) return [planned];
    // Grown past the cap: cut again, the first part keeping the base's name.
    return freshBases(lang, own, limits.maxBundlePages, (units) => (units[0] === base.units[0] ? base.name : `${lang}-${units[0] || 'undated'}`));
  });
  const held = new Set(bases.flatMap((base) => base.units));
  const loose = pages.filter(([, , , unit]) => !held.has(unit));
  // Folded past a share of the language too: a small language's delta would otherwise grow,
  // and be written whole on every update, long before it reached the cap.
  if (loose.length > Math.min(limits.deltaPages, limits.staleShare * pages.length)) {
    const looseUnits = [...new Set(loose.map(([, , , unit]) => unit))].sort(byUnit);
    const newest = bases.at(-1);
    const newestUnit = newest?.units.at(-1);
    // Months older than the newest base's would break the bases' order by month: the
    // language is cut again from nothing, as a clean build cuts it.
    if (newestUnit !== undefined && byUnit(looseUnits[0]!, newestUnit) <= 0) return freshBases(lang, pages, limits.maxBundlePages, () => undefined);
    if (newest && newest.pages.length + loose.length <= limits.maxBundlePages) {
      bases[bases.length - 1] = { name: newest.name, lang, units: [...newest.units, ...looseUnits], delta: false, pages: [...newest.pages, ...loose], dead: {} };
    } else {
      const named = (units: string[]) => (bases.length === 0 ? undefined : `${lang}-${units[0] || 'undated'}`);
      bases = [...bases, ...freshBases(lang, loose, limits.maxBundlePages, named)];
    }
  }
  // The delta: every page no base holds as it is now.
  const covered = new Set(
    bases.flatMap((base) => {
      const superseded = new Set(base.standing?.superseded);
      return base.pages.filter((page) => !superseded.has(page[1])).map((page) => page[1]);
    }),
  );
  const deltaPages = pages.filter((page) => !covered.has(page[1]));
  if (deltaPages.length === 0) return bases;
  const name = `${lang}-delta`;
  const before = previous.delta;
  const same =
    before !== undefined &&
    Object.keys(before.pages).length === deltaPages.length &&
    deltaPages.every((page) => before.pages[page[1]]?.[0] === page[4]) &&
    intact(before);
  return [...bases, { name, lang, units: [], delta: true, pages: deltaPages, dead: {}, ...(same ? { kept: before } : {}) }];
}
