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
