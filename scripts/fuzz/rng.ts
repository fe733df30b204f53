import { mulberry32 } from '../lib/mulberry32.ts';

/**
 * A small seeded generator. Fuzz corpora must be reproducible from a seed, so a
 * failing file can be regenerated and saved instead of being lost with the run.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, max). */
  int(max: number): number;
  /** Integer in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (max: number): number => Math.floor(next() * max);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('rng.pick: no items to pick from');
      return items[int(items.length)] as T;
    },
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = int(256);
      return out;
    },
  };
}
