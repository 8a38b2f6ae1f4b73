import type { ScoredOutcome } from "./roc.js";

/** One row of a gains table: a tenth of the leads, highest scores first. */
export interface GainsRow {
  /** 1 = the highest-scoring tenth. */
  readonly decile: number;
  readonly leads: number;
  readonly conversions: number;
  /** conversions / leads. */
  readonly rate: number | null;
  /** Share of all conversions captured by this decile and the ones above it. */
  readonly cumulativeCapture: number | null;
  /** This decile's rate over the base rate. */
  readonly lift: number | null;
  /** The cumulative rate (deciles 1..this) over the base rate. */
  readonly cumulativeLift: number | null;
  readonly minScore: number | null;
  readonly maxScore: number | null;
}

/**
 * The gains table by decile. Leads are ranked by score, highest first, and
 * cut into ten groups by rank (lead i of n goes to decile floor(10 i / n) + 1).
 * Ties at a cut keep their input order, so a decile boundary can split leads
 * with equal scores; a coarse points model has many ties and the minScore and
 * maxScore columns show where that happens.
 */
export function gainsTable(outcomes: readonly ScoredOutcome[], groups = 10): GainsRow[] {
  const sorted = outcomes.map((o, i) => ({ o, i })).sort((a, b) => b.o.score - a.o.score || a.i - b.i);
  const n = sorted.length;
  const total = outcomes.reduce((s, o) => s + (o.positive ? 1 : 0), 0);
  const base = n === 0 ? 0 : total / n;
  const rows: GainsRow[] = [];
  let cumulativeLeads = 0;
  let cumulativeConversions = 0;
  for (let g = 0; g < groups; g++) {
    const start = Math.ceil((g * n) / groups);
    const end = Math.ceil(((g + 1) * n) / groups);
    let conversions = 0;
    for (let i = start; i < end; i++) if (sorted[i]?.o.positive) conversions++;
    const leads = end - start;
    cumulativeLeads += leads;
    cumulativeConversions += conversions;
    const rate = leads === 0 ? null : conversions / leads;
    rows.push({
      decile: g + 1,
      leads,
      conversions,
      rate,
      cumulativeCapture: total === 0 ? null : cumulativeConversions / total,
      lift: rate === null || base === 0 ? null : rate / base,
      cumulativeLift: cumulativeLeads === 0 || base === 0 ? null : cumulativeConversions / cumulativeLeads / base,
      minScore: leads === 0 ? null : (sorted[end - 1] as { o: ScoredOutcome }).o.score,
      maxScore: leads === 0 ? null : (sorted[start] as { o: ScoredOutcome }).o.score,
    });
  }
  return rows;
}
