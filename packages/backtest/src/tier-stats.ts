import { wilsonInterval } from "./wilson.js";

/** Conversion of one tier. */
export interface TierStats {
  readonly tier: string;
  readonly label: string;
  readonly leads: number;
  /** leads / all leads. */
  readonly share: number | null;
  readonly conversions: number;
  readonly rate: number | null;
  /** The 95% Wilson interval of the rate. */
  readonly low: number | null;
  readonly high: number | null;
  /** rate / base rate. */
  readonly lift: number | null;
}

/** Per tier conversion, in the order of `tiers` (declared tiers, including empty ones). */
export function tierStats(tiers: readonly { readonly id: string; readonly label: string }[], leads: ReadonlyMap<string, number>, conversions: ReadonlyMap<string, number>): TierStats[] {
  let total = 0;
  let converted = 0;
  for (const n of leads.values()) total += n;
  for (const n of conversions.values()) converted += n;
  const base = total === 0 ? null : converted / total;
  return tiers.map(({ id, label }) => {
    const n = leads.get(id) ?? 0;
    const c = conversions.get(id) ?? 0;
    const interval = wilsonInterval(c, n);
    return {
      tier: id,
      label,
      leads: n,
      share: total === 0 ? null : n / total,
      conversions: c,
      rate: interval.rate,
      low: interval.low,
      high: interval.high,
      lift: interval.rate === null || base === null || base === 0 ? null : interval.rate / base,
    };
  });
}
