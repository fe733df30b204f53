/**
 * One ranked list out of one result list per language. Each language has its own Pagefind
 * index (its own stemmer), so the merge is ours: see docs/search.md.
 */

interface RankedHit {
  /** Pagefind's relevance score within its language's index. */
  score: number;
}

/**
 * Relevance order across languages: Pagefind's scores as they are, highest first. Lists come
 * in a fixed language order and the sort is stable, so equal scores keep that order and the
 * same search always lists the same way.
 */
export function mergeByRelevance<T extends RankedHit>(lists: readonly (readonly T[])[]): T[] {
  return lists.flat().sort((a, b) => b.score - a.score);
}

interface DateMerge<T> {
  /** The next `count` hits, newest first; fewer (or none) once every list is used up. */
  take(count: number): Promise<T[]>;
  readonly done: boolean;
}

/**
 * Newest first across languages: a k-way merge of per-language lists that Pagefind has
 * already sorted by date. Dates live in each hit's fragment, which costs a request, so they
 * are read lazily: showing the first n hits reads at most n + (languages - 1) dates.
 * Pagefind leaves pages without a date out of sorted results; they follow in `undated`, in
 * the order given (relevance), because an unknown date is not an old one.
 */
export function mergeByDate<T>(
  sorted: readonly (readonly T[])[],
  undated: readonly T[],
  dateOf: (hit: T) => Promise<string>,
): DateMerge<T> {
  const positions = sorted.map(() => 0);
  const dates = new Map<T, Promise<string>>();
  const cachedDate = (hit: T): Promise<string> => {
    let date = dates.get(hit);
    if (!date) {
      date = dateOf(hit);
      dates.set(hit, date);
    }
    return date;
  };
  let undatedPosition = 0;
  const remaining = () =>
    sorted.some((list, index) => positions[index]! < list.length) || undatedPosition < undated.length;

  async function nextDated(): Promise<T | undefined> {
    const heads = sorted.flatMap((list, index) => {
      const hit = list[positions[index]!];
      return hit === undefined ? [] : [{ index, hit }];
    });
    if (heads.length === 0) return undefined;
    const headDates = await Promise.all(heads.map(({ hit }) => cachedDate(hit)));
    let best = 0;
    // Strictly newer wins, so a tie goes to the earlier language: the order is stable.
    headDates.forEach((date, index) => {
      if (date > headDates[best]!) best = index;
    });
    const { index, hit } = heads[best]!;
    positions[index]! += 1;
    return hit;
  }

  return {
    get done() {
      return !remaining();
    },
    async take(count: number): Promise<T[]> {
      const taken: T[] = [];
      while (taken.length < count) {
        const hit = await nextDated();
        if (hit !== undefined) {
          taken.push(hit);
          continue;
        }
        const rest = undated.slice(undatedPosition, undatedPosition + count - taken.length);
        undatedPosition += rest.length;
        taken.push(...rest);
        break;
      }
      return taken;
    },
  };
}
