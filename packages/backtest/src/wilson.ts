/** A rate with its 95% Wilson score interval. */
export interface RateInterval {
  /** successes / trials, or null when there are no trials. */
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a binomial rate. Unlike the normal
 * approximation it stays inside [0, 1] and does not collapse to a point for
 * small tiers with 0 or all conversions, which is why small tiers are not
 * over-read.
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): RateInterval {
  if (trials <= 0) return { rate: null, low: null, high: null };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
