/** Seeded randomness for the corpus generator: the same seed gives the same corpus. */
import { mulberry32 as uniform } from '../lib/mulberry32.ts';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: T[]): T[];
  hex(length: number): string;
}

export function mulberry32(seed: number): Rng {
  const next = uniform(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick: empty list');
    return items[int(0, items.length - 1)] as T;
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
      if (!last) throw new Error('weighted: empty list');
      return last[0];
    },
    sample: (items, count) => shuffle([...items]).slice(0, count),
    shuffle,
    hex: (length) => {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 16).toString(16);
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
