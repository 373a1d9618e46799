// A small seeded PRNG (mulberry32) for tests that act at random moments: the seed is printed on
// failure, and setting RELIABILITY_SEED replays exactly the same kills and choices.

export interface SeededRandom {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number = Number(process.env.RELIABILITY_SEED ?? Date.now() % 2 ** 31)): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** Runs `work`; a failure is rethrown with the seed and how to replay it. */
export async function withSeed<T>(random: SeededRandom, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error) error.message = `${error.message}\n(seed ${random.seed}: replay with RELIABILITY_SEED=${random.seed})`;
    throw error;
  }
}
