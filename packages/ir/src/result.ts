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
  /**
   * Why, beyond missing fields: operations that had no value although their
   * operands had ("division by zero"). Absent when there is none.
   */
  readonly because?: readonly string[];
}

/**
 * The values a score could take once the missing input fields are known,
 * by interval reasoning (conservative: the true set of values lies inside).
 * `min === max` when the missing data cannot move the score. For a computed
 * score that is unknown whatever the missing fields are, both are `null`.
 * `unknown` is true when some completion leaves a computed score unknown
 * (a division by zero, say).
 */
export interface ScoreRange {
  readonly min: number | null;
  readonly max: number | null;
  readonly unknown?: boolean;
}

/**
 * One missing input field and the tiers the lead could land in once that
 * field alone is known (the other missing fields staying missing), in tier
 * order. When `tiers` has more than one entry, the answer decides between
 * them: "ask about company.employees: it decides between pql and mql".
 */
export interface TierQuestion {
  readonly field: string;
  readonly tiers: readonly string[];
  /** True when the field's answer can change the tier (`tiers` holds a tier other than the chosen one). */
  readonly decides: boolean;
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
  /** Every score's range given the missing fields (see `ScoreRange`). */
  readonly ranges: Readonly<Record<string, ScoreRange>>;
  /**
   * Every tier (`disqualified` included) the lead could land in for some
   * values of its missing fields, in tier order (`disqualified` first); the
   * chosen `tier` is always among them. `[tier]` when nothing is missing.
   */
  readonly possibleTiers: readonly string[];
  /** One entry per missing input field the model reads, deciding ones first, then in declaration order. */
  readonly questions: readonly TierQuestion[];
}

/** What the fast path returns: no explanations, no criteria. */
export interface FastResult {
  readonly tier: string;
  readonly scores: Readonly<Record<string, number | null>>;
}
