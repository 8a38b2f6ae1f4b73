/** Leads moving from each tier of one model version to each tier of another. */
export interface TransitionMatrix {
  /** Row labels: the old version's tiers (every tier seen or declared). */
  readonly from: readonly string[];
  /** Column labels: the new version's tiers. */
  readonly to: readonly string[];
  /** counts[i][j]: leads in from[i] under the old version and to[j] under the new. */
  readonly counts: readonly (readonly number[])[];
  /** Leads whose tier differs between the versions. */
  readonly moved: number;
  readonly total: number;
}

/**
 * Builds the transition matrix of (old tier, new tier) pairs. Tiers are
 * listed in the order given (the models' declared order) and then any other
 * tier seen, so each row sums to the old tier's count.
 */
export function transitionMatrix(pairs: Iterable<readonly [string, string]>, fromOrder: readonly string[] = [], toOrder: readonly string[] = []): TransitionMatrix {
  const from = [...fromOrder];
  const to = [...toOrder];
  const cells = new Map<string, number>();
  let moved = 0;
  let total = 0;
  for (const [a, b] of pairs) {
    if (!from.includes(a)) from.push(a);
    if (!to.includes(b)) to.push(b);
    const key = `${a}\u0000${b}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    total++;
    if (a !== b) moved++;
  }
  const counts = from.map((a) => to.map((b) => cells.get(`${a}\u0000${b}`) ?? 0));
  return { from, to, counts, moved, total };
}
