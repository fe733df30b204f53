/**
 * The one seeded random number generator of the project's test data (benchmark corpora, fuzz
 * corpora). Generated files must come out the same from the same seed on every machine, which
 * Math.random cannot promise, so a failing file can be regenerated from its seed.
 */

/** mulberry32: a tiny generator, uniform in [0, 1); its quality is plenty for test data. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Integer in [0, count): an index into `count` items. */
  below(count: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Shuffles `items` in place and returns it. */
  shuffle<T>(items: T[]): T[];
  hex(length: number): string;
  bytes(length: number): Uint8Array;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const below = (count: number): number => Math.floor(next() * count);
  const int = (min: number, max: number): number => min + below(max - min + 1);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('rng.pick: no items to pick from');
    return items[below(items.length)] as T;
  };
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(0, i);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  };
  return {
    next,
    int,
    below,
    chance: (probability) => next() < probability,
    pick,
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of entries) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = entries.at(-1);
      if (!last) throw new Error('rng.weighted: no items to pick from');
      return last[0];
    },
    sample: (items, count) => shuffle([...items]).slice(0, count),
    shuffle,
    hex: (length) => {
      let out = '';
      while (out.length < length) out += below(16).toString(16);
      return out;
    },
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = below(256);
      return out;
    },
  };
}

/**
 * Derives an independent stream from a seed and a label (e.g. a file's index), so one file
 * can be regenerated alone — a duplicate is its original rendered again, byte for byte.
 */
export function deriveSeed(seed: number, ...parts: (string | number)[]): number {
  // FNV-1a over the seed and the parts: stable, and unrelated seeds for neighbouring indexes.
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
