/** The usual reading of a population stability index. */
export type PsiBand = "stable" | "moderate shift" | "major shift";

/** Proportions of 0 are replaced by this, so an empty bin does not make the index infinite. */
export const PSI_FLOOR = 1e-4;

/** PSI < 0.1 stable, 0.1 to 0.25 moderate, > 0.25 major. */
export function psiBand(psi: number): PsiBand {
  if (psi < 0.1) return "stable";
  if (psi <= 0.25) return "moderate shift";
  return "major shift";
}

/**
 * The population stability index between two distributions over the same
 * bins: sum of (actual - expected) * ln(actual / expected) over the bins'
 * proportions. Null when either side has no leads.
 */
export function populationStability(expected: readonly number[], actual: readonly number[]): number | null {
  if (expected.length !== actual.length) throw new Error(`PSI needs the same bins on both sides (${expected.length} vs ${actual.length})`);
  const e = expected.reduce((s, v) => s + v, 0);
  const a = actual.reduce((s, v) => s + v, 0);
  if (e === 0 || a === 0) return null;
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const pe = Math.max((expected[i] as number) / e, PSI_FLOOR);
    const pa = Math.max((actual[i] as number) / a, PSI_FLOOR);
    psi += (pa - pe) * Math.log(pa / pe);
  }
  return psi;
}

/**
 * Bin edges for a score's PSI: the baseline period's deciles, without
 * repeats (a points score with few distinct values gets fewer bins). A value
 * v falls in the first bin whose edge is >= v; above the last edge is the last bin.
 */
export function decileEdges(baseline: readonly number[]): number[] {
  const sorted = [...baseline].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let k = 1; k < 10; k++) {
    const value = sorted[Math.min(sorted.length - 1, Math.ceil((k * sorted.length) / 10) - 1)];
    if (value !== undefined && edges[edges.length - 1] !== value) edges.push(value);
  }
  return edges;
}

/** Counts of values per bin, with bins as {@link decileEdges} makes them (edges.length + 1 bins). */
export function binCounts(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    let bin = edges.findIndex((edge) => v <= edge);
    if (bin < 0) bin = edges.length;
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}
