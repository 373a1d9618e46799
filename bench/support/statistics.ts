// Small numeric helpers shared by the benchmarks.

/** The value below which `fraction` of the samples fall (nearest rank); NaN for no samples. */
export function percentile(samples: number[], fraction: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 0.5);
}

export const round = (value: number, digits = 0) => Number(value.toFixed(digits));

/**
 * Figures measured in several rounds, as one: each number is the median of its values across the
 * rounds (a ratio the median of the rounds' own ratios, each taken with its baseline minutes apart),
 * so one round disturbed by the machine's other work does not decide a figure.
 */
export function medianOfRounds<T>(rounds: T[]): T {
  const [first] = rounds;
  if (first === undefined) throw new Error("medianOfRounds needs at least one round");
  if (typeof first === "number") return median(rounds as number[]) as T;
  if (first === null || typeof first !== "object" || Array.isArray(first)) return first;
  const combined: Record<string, unknown> = {};
  for (const key of Object.keys(first)) combined[key] = medianOfRounds(rounds.map((round) => (round as Record<string, unknown>)[key]));
  return combined as T;
}
