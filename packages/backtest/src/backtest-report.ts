import type { ModelIR } from "@qualify/ir";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import { gainsTable } from "./gains.js";
import type { GainsRow } from "./gains.js";
import type { Observation } from "./observation.js";
import { binCounts, decileEdges, populationStability, psiBand } from "./psi.js";
import type { PsiBand } from "./psi.js";
import { rankingMetrics } from "./roc.js";
import type { RocPoint, ScoredOutcome } from "./roc.js";
import { modelRuleIds, ruleStats } from "./rule-stats.js";
import type { RuleStats } from "./rule-stats.js";
import { passes, tierThresholds } from "./tier-thresholds.js";
import { tierStats } from "./tier-stats.js";
import type { TierStats } from "./tier-stats.js";

/** The shape version of {@link BacktestReport}; raised when a field changes meaning or goes away. */
export const BACKTEST_REPORT_VERSION = 1;

/** Precision and recall of calling every lead past one tier threshold positive. */
export interface ThresholdStats {
  readonly tier: string;
  readonly op: string;
  readonly value: number;
  /** Leads past the threshold. */
  readonly leads: number;
  readonly precision: number | null;
  readonly recall: number | null;
}

/** Counts of a score's values by outcome, over shared bins, for the distribution plot. */
export interface ScoreHistogram {
  /** Bin i holds values in [edges[i], edges[i + 1]); the last bin includes its upper edge. */
  readonly edges: readonly number[];
  readonly converted: readonly number[];
  readonly unconverted: readonly number[];
}

/** The ranking metrics of one score. */
export interface ScoreReport {
  readonly score: string;
  readonly label: string;
  /** Leads with a known value of this score. */
  readonly leads: number;
  /** Leads whose score was unknown (left out of this score's metrics). */
  readonly unknown: number;
  readonly auc: number | null;
  readonly gini: number | null;
  readonly ks: number | null;
  readonly ksThreshold: number | null;
  readonly gains: readonly GainsRow[];
  readonly thresholds: readonly ThresholdStats[];
  readonly roc: readonly RocPoint[];
  readonly histogram: ScoreHistogram;
}

/** Population stability of one score or of the tier mix between the two periods. */
export interface StabilityEntry {
  readonly psi: number | null;
  readonly band: PsiBand | null;
}

/** Drift between the earlier and the later leads, split at one value of the period column. */
export interface StabilityReport {
  /** Leads with a period value below this are "before", the others "after". */
  readonly splitAt: string;
  readonly before: number;
  readonly after: number;
  /** Leads without a period value, left out of the stability figures. */
  readonly unassigned: number;
  readonly scores: readonly (StabilityEntry & { readonly score: string })[];
  readonly tiers: StabilityEntry & { readonly before: readonly number[]; readonly after: readonly number[] };
}

/** What `qualify backtest --json` prints (see grammar/backtest.md). */
export interface BacktestReport {
  readonly format: "qualify-backtest";
  readonly version: typeof BACKTEST_REPORT_VERSION;
  readonly model: { readonly id: string; readonly title: string };
  /** Leads scored (rejected rows are not leads). */
  readonly leads: number;
  readonly conversions: number;
  readonly baseRate: number | null;
  readonly tiers: readonly TierStats[];
  readonly scores: readonly ScoreReport[];
  readonly rules: readonly RuleStats[];
  readonly stability: StabilityReport | null;
}

/** Options of {@link BacktestCollector.report}. */
export interface ReportOptions {
  /** Where the periods split; default: the median period value. */
  readonly splitAt?: string;
}

/**
 * Collects scored leads and computes the backtest report. Rows are kept
 * compactly (ranking metrics need every score), about 8 bytes per score per
 * lead, so a million leads with a few scores fit easily.
 */
export class BacktestCollector {
  private readonly ir: ModelIR;
  private readonly scoreIds: readonly string[];
  private readonly scoreValues: number[][];
  private readonly positives: boolean[] = [];
  private readonly tiers: string[] = [];
  private readonly periods: string[] = [];
  private readonly ruleIndex: Map<string, number>;
  private readonly firedConverted: number[];
  private readonly firedUnconverted: number[];

  constructor(ir: ModelIR) {
    this.ir = ir;
    this.scoreIds = ir.scores.map((s) => s.id);
    this.scoreValues = this.scoreIds.map(() => []);
    const rules = modelRuleIds(ir);
    this.ruleIndex = new Map(rules.map((r, i) => [r, i]));
    this.firedConverted = rules.map(() => 0);
    this.firedUnconverted = rules.map(() => 0);
  }

  /** Adds one scored lead. */
  add(observation: Observation): void {
    this.positives.push(observation.positive);
    this.tiers.push(observation.tier);
    this.periods.push(observation.period ?? "");
    for (let s = 0; s < this.scoreIds.length; s++) {
      const value = observation.scores[s];
      (this.scoreValues[s] as number[]).push(value === null || value === undefined ? Number.NaN : value);
    }
    const counts = observation.positive ? this.firedConverted : this.firedUnconverted;
    for (const rule of observation.fired) {
      const i = this.ruleIndex.get(rule);
      if (i !== undefined) counts[i] = (counts[i] as number) + 1;
    }
  }

  /** Leads added so far. */
  get size(): number {
    return this.positives.length;
  }

  /** The report over every lead added. */
  report(options: ReportOptions = {}): BacktestReport {
    const n = this.positives.length;
    const conversions = this.positives.reduce((c, p) => c + (p ? 1 : 0), 0);
    const tierOrder = [{ id: DISQUALIFIED_TIER, label: "Disqualified" }, ...this.ir.tiers.map((t) => ({ id: t.id, label: t.label }))];
    const leadsByTier = new Map<string, number>();
    const conversionsByTier = new Map<string, number>();
    this.tiers.forEach((tier, i) => {
      leadsByTier.set(tier, (leadsByTier.get(tier) ?? 0) + 1);
      if (this.positives[i]) conversionsByTier.set(tier, (conversionsByTier.get(tier) ?? 0) + 1);
    });
    // Disqualified is listed only when the model can disqualify, or a lead landed there.
    const tiers = tierStats(tierOrder.filter((t) => t.id !== DISQUALIFIED_TIER || this.ir.disqualify.length > 0 || leadsByTier.has(t.id)), leadsByTier, conversionsByTier);
    const thresholds = tierThresholds(this.ir);
    const scores = this.ir.scores.map((score, s) => this.scoreReport(score.id, score.label, this.scoreValues[s] as number[], thresholds.filter((t) => t.score === score.id)));
    const rules = [...this.ruleIndex.entries()].map(([rule, i]) => ruleStats(rule, this.firedConverted[i] as number, this.firedUnconverted[i] as number, conversions, n - conversions));
    return {
      format: "qualify-backtest",
      version: BACKTEST_REPORT_VERSION,
      model: { id: this.ir.id, title: this.ir.title },
      leads: n,
      conversions,
      baseRate: n === 0 ? null : conversions / n,
      tiers,
      scores,
      rules,
      stability: this.stability(options.splitAt, tierOrder.map((t) => t.id)),
    };
  }

  private outcomes(values: readonly number[]): ScoredOutcome[] {
    const outcomes: ScoredOutcome[] = [];
    values.forEach((score, i) => {
      if (!Number.isNaN(score)) outcomes.push({ score, positive: this.positives[i] as boolean });
    });
    return outcomes;
  }

  private scoreReport(id: string, label: string, values: readonly number[], thresholds: ReturnType<typeof tierThresholds>): ScoreReport {
    const outcomes = this.outcomes(values);
    const ranking = rankingMetrics(outcomes);
    const positives = ranking.positives;
    return {
      score: id,
      label,
      leads: outcomes.length,
      unknown: values.length - outcomes.length,
      auc: ranking.auc,
      gini: ranking.gini,
      ks: ranking.ks,
      ksThreshold: ranking.ksThreshold,
      gains: gainsTable(outcomes),
      thresholds: thresholds.map((t) => {
        let leads = 0;
        let hits = 0;
        for (const o of outcomes) {
          if (!passes(o.score, t)) continue;
          leads++;
          if (o.positive) hits++;
        }
        return { tier: t.tier, op: t.op, value: t.value, leads, precision: leads === 0 ? null : hits / leads, recall: positives === 0 ? null : hits / positives };
      }),
      roc: ranking.roc,
      histogram: histogram(outcomes),
    };
  }

  private stability(splitAt: string | undefined, tierOrder: readonly string[]): StabilityReport | null {
    const known = this.periods.filter((p) => p !== "");
    if (known.length === 0) return null;
    const split = splitAt ?? [...known].sort()[Math.floor(known.length / 2)] as string;
    const before: number[] = [];
    const after: number[] = [];
    this.periods.forEach((p, i) => {
      if (p === "") return;
      (p < split ? before : after).push(i);
    });
    const scores = this.scoreIds.map((score, s) => {
      const values = this.scoreValues[s] as number[];
      const pick = (rows: readonly number[]) => rows.map((i) => values[i] as number).filter((v) => !Number.isNaN(v));
      const base = pick(before);
      const edges = decileEdges(base);
      const psi = base.length === 0 ? null : populationStability(binCounts(base, edges), binCounts(pick(after), edges));
      return { score, psi, band: psi === null ? null : psiBand(psi) };
    });
    const mix = (rows: readonly number[]) => tierOrder.map((tier) => rows.filter((i) => this.tiers[i] === tier).length);
    const tierBefore = mix(before);
    const tierAfter = mix(after);
    const psi = populationStability(tierBefore, tierAfter);
    return {
      splitAt: split,
      before: before.length,
      after: after.length,
      unassigned: this.periods.length - known.length,
      scores,
      tiers: { psi, band: psi === null ? null : psiBand(psi), before: tierBefore, after: tierAfter },
    };
  }
}

/** Up to 20 equal-width bins over the score's range; integer scores get whole-number edges. */
function histogram(outcomes: readonly ScoredOutcome[]): ScoreHistogram {
  if (outcomes.length === 0) return { edges: [], converted: [], unconverted: [] };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const o of outcomes) {
    if (o.score < min) min = o.score;
    if (o.score > max) max = o.score;
  }
  const integers = outcomes.every((o) => Number.isInteger(o.score));
  let width = max === min ? 1 : (max - min) / 20;
  if (integers) width = Math.max(1, Math.ceil(width));
  const bins = Math.max(1, Math.ceil((max - min) / width) + (integers || max === min ? 1 : 0));
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  const converted = new Array<number>(bins).fill(0);
  const unconverted = new Array<number>(bins).fill(0);
  for (const o of outcomes) {
    const bin = Math.min(bins - 1, Math.floor((o.score - min) / width));
    const target = o.positive ? converted : unconverted;
    target[bin] = (target[bin] as number) + 1;
  }
  return { edges, converted, unconverted };
}
