import type { TransitionMatrix } from "./transitions.js";
import { transitionMatrix } from "./transitions.js";
import { wilsonInterval } from "./wilson.js";
import type { RateInterval } from "./wilson.js";

/** The shape version of {@link DiffReport}. */
export const DIFF_REPORT_VERSION = 1;

/** One lead as scored by one model version. */
export interface VersionOutcome {
  readonly tier: string;
  /** Score id -> value (null: unknown). */
  readonly scores: Readonly<Record<string, number | null>>;
  /** Rule id (`score/Rule label`, `disqualify/Reason`) -> points it gave (knockouts: 0). Rules that did not fire are absent. */
  readonly fired: ReadonlyMap<string, number>;
}

/** How one score changed between the versions, over leads where both are known. */
export interface ScoreDelta {
  readonly score: string;
  readonly leads: number;
  readonly changed: number;
  readonly meanDelta: number | null;
  readonly minDelta: number | null;
  readonly maxDelta: number | null;
}

/** A rule whose change touched leads that moved tier. */
export interface MovingRule {
  readonly rule: string;
  /** Moved leads for which the rule fired in one version only, or gave other points. */
  readonly movedLeads: number;
}

/** What `qualify diff --json` prints (see grammar/backtest.md). */
export interface DiffReport {
  readonly format: "qualify-diff";
  readonly version: typeof DIFF_REPORT_VERSION;
  readonly leads: number;
  readonly moved: number;
  readonly transitions: TransitionMatrix;
  readonly scores: readonly ScoreDelta[];
  readonly rules: readonly MovingRule[];
  /** With a label: conversion of the leads that moved up, moved down, and stayed. */
  readonly conversion: null | {
    readonly movedUp: RateInterval & { readonly leads: number };
    readonly movedDown: RateInterval & { readonly leads: number };
    readonly stayed: RateInterval & { readonly leads: number };
  };
}

/**
 * Collects each lead's outcome under the old and the new version. Tier rank
 * (for up/down) is the old model's order then the new one's: the first tier
 * declared is the best, `disqualified` the worst.
 */
export class DiffCollector {
  private readonly pairs: [string, string][] = [];
  private readonly deltas = new Map<string, { leads: number; changed: number; sum: number; min: number; max: number }>();
  private readonly rules = new Map<string, number>();
  private readonly rank: ReadonlyMap<string, number>;
  private readonly labelled = { up: [0, 0], down: [0, 0], stayed: [0, 0] };
  private sawLabel = false;

  constructor(
    private readonly oldTiers: readonly string[],
    private readonly newTiers: readonly string[],
    private readonly scoreIds: readonly string[],
  ) {
    const order = [...oldTiers, ...newTiers.filter((t) => !oldTiers.includes(t))];
    this.rank = new Map(order.map((t, i) => [t, t === "disqualified" ? order.length : i]));
  }

  /** Adds one lead; `positive` is its label when there is one. */
  add(before: VersionOutcome, after: VersionOutcome, positive?: boolean): void {
    this.pairs.push([before.tier, after.tier]);
    for (const id of this.scoreIds) {
      const a = before.scores[id];
      const b = after.scores[id];
      if (a === null || a === undefined || b === null || b === undefined) continue;
      const d = b - a;
      const entry = this.deltas.get(id) ?? { leads: 0, changed: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
      entry.leads++;
      if (d !== 0) entry.changed++;
      entry.sum += d;
      entry.min = Math.min(entry.min, d);
      entry.max = Math.max(entry.max, d);
      this.deltas.set(id, entry);
    }
    const moved = before.tier !== after.tier;
    if (moved) {
      const touched = new Set([...before.fired.keys(), ...after.fired.keys()]);
      for (const rule of touched) {
        if (before.fired.get(rule) !== after.fired.get(rule)) this.rules.set(rule, (this.rules.get(rule) ?? 0) + 1);
      }
    }
    if (positive !== undefined) {
      this.sawLabel = true;
      const a = this.rank.get(before.tier) ?? 0;
      const b = this.rank.get(after.tier) ?? 0;
      const bucket = !moved ? this.labelled.stayed : b < a ? this.labelled.up : this.labelled.down;
      bucket[0] = (bucket[0] as number) + 1;
      if (positive) bucket[1] = (bucket[1] as number) + 1;
    }
  }

  /** The report over every lead added. */
  report(): DiffReport {
    const transitions = transitionMatrix(this.pairs, this.oldTiers, this.newTiers);
    const scores = this.scoreIds.map((score) => {
      const e = this.deltas.get(score);
      if (!e) return { score, leads: 0, changed: 0, meanDelta: null, minDelta: null, maxDelta: null };
      return { score, leads: e.leads, changed: e.changed, meanDelta: e.sum / e.leads, minDelta: e.min, maxDelta: e.max };
    });
    const rules = [...this.rules.entries()].map(([rule, movedLeads]) => ({ rule, movedLeads })).sort((a, b) => b.movedLeads - a.movedLeads || (a.rule < b.rule ? -1 : 1));
    const rate = ([leads, conversions]: number[]) => ({ leads: leads as number, ...wilsonInterval(conversions as number, leads as number) });
    return {
      format: "qualify-diff",
      version: DIFF_REPORT_VERSION,
      leads: transitions.total,
      moved: transitions.moved,
      transitions,
      scores,
      rules,
      conversion: this.sawLabel ? { movedUp: rate(this.labelled.up), movedDown: rate(this.labelled.down), stayed: rate(this.labelled.stayed) } : null,
    };
  }
}

/**
 * Parses `--fail-if-moved`: a count (`25`) or a share of the leads (`5%`).
 * @returns a function telling whether a number of moved leads out of a total exceeds the limit.
 */
export function movedLimit(text: string): (moved: number, total: number) => boolean {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) throw new Error(`--fail-if-moved must be a count (25) or a percentage (5%), not ${JSON.stringify(text)}`);
  const value = Number(match[1]);
  if (match[2] === "%") return (moved, total) => total > 0 && (moved / total) * 100 > value;
  return (moved) => moved > value;
}
