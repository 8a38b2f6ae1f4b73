import type { ModelSpec } from "../workloads/model-spec.js";
import type { Lead } from "../workloads/points-leads.js";

/** What every contender's answer is reduced to for the agreement check. */
export interface Outcome {
  readonly tier: string;
  /** The score the tiers test (`total` for points, `met` for BANT). */
  readonly total: number;
}

/** One workload as every contender receives it. */
export interface Workload {
  readonly id: "bant" | "points";
  readonly title: string;
  /** The description the engines' rules are generated from. */
  readonly spec: ModelSpec;
  /** The Qual source qualify compiles. */
  readonly qualSource: string;
  readonly leads: readonly Lead[];
}

/**
 * A contender ready to score leads. `run` returns the engine's natural result
 * (a promise for asynchronous engines); `outcome` reduces it for the agreement
 * check; `checksum` is a cheap number folded into a sum in the timing loop so
 * that no result can be optimised away.
 */
export interface Runner {
  readonly mode: "sync" | "async";
  run(lead: Lead): unknown;
  outcome(result: unknown): Outcome;
  checksum(result: unknown): number;
}

/** A contender: how to build its runner for a workload. */
export interface Contender {
  readonly id: string;
  readonly label: string;
  /** How it encodes the model and missing data, for the report. */
  readonly notes: string;
  /** Throws `ContenderUnavailableError` when it cannot run here (e.g. a native binary that does not load). */
  prepare(workload: Workload): Promise<Runner>;
}

/** A contender that cannot run on this machine; the report says why. */
export class ContenderUnavailableError extends Error {
  override readonly name = "ContenderUnavailableError";
}

/** The result shape shared by qualify's fast path and the hand-written functions. */
export interface TierAndScores {
  readonly tier: string;
  readonly scores: Readonly<Record<string, number | null>>;
}

/** `outcome` and `checksum` for results shaped like qualify's `FastResult`. */
export function tierAndScoresReaders(totalId: string): Pick<Runner, "outcome" | "checksum"> {
  return {
    outcome: (result) => {
      const r = result as TierAndScores;
      return { tier: r.tier, total: r.scores[totalId] ?? Number.NaN };
    },
    checksum: (result) => {
      const r = result as TierAndScores;
      return r.tier.length + (r.scores[totalId] ?? 0);
    },
  };
}

/** `outcome` and `checksum` for results that are already an `Outcome`. */
export const outcomeReaders: Pick<Runner, "outcome" | "checksum"> = {
  outcome: (result) => result as Outcome,
  checksum: (result) => {
    const r = result as Outcome;
    return r.tier.length + r.total;
  },
};

/** The capped value of each group, the total the tiers test, and the tier: shared by engines that only fire rules. */
export function tierOf(spec: ModelSpec, total: number): string {
  for (const tier of spec.tiers) if (total >= tier.minTotal) return tier.id;
  return spec.fallbackTier.id;
}
