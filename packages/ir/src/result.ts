/** The tier id a lead gets when any disqualify rule fires. */
export const DISQUALIFIED_TIER = "disqualified";

/** A rule that fired with non-zero points. */
export interface Reason {
  readonly score: string;
  readonly rule: string;
  readonly points: number;
}

/**
 * An item whose value was unknown, with the dotted paths of the input fields
 * whose absence made it so: the questions sales should ask next. Ids are
 * `criterionId`, `scoreId` (computed scores), `scoreId/Rule label`,
 * `disqualify/Reason` and `tierId` (a tier passed over as unknown).
 */
export interface UnknownItem {
  readonly id: string;
  readonly missing: readonly string[];
}

/** The full, explained result of evaluating one lead (the design's result JSON). */
export interface EvaluationResult {
  readonly model: string;
  readonly tier: string;
  /** Reasons of every disqualify rule that fired, in declaration order. */
  readonly disqualified: readonly string[];
  /** Every score; a computed score that is unknown is `null`. */
  readonly scores: Readonly<Record<string, number | null>>;
  /** The unclamped sum of each group whose `min`/`max` changed its value. */
  readonly raw: Readonly<Record<string, number>>;
  readonly criteria: Readonly<Record<string, boolean | null>>;
  readonly reasons: readonly Reason[];
  /** Criteria, then scores and rules, then disqualify rules, then tiers, each in declaration order. */
  readonly unknown: readonly UnknownItem[];
}

/** What the fast path returns: no explanations, no criteria. */
export interface FastResult {
  readonly tier: string;
  readonly scores: Readonly<Record<string, number | null>>;
}
