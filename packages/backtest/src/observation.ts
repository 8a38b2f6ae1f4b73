/** One scored lead of the history, with what happened to it. */
export interface Observation {
  readonly tier: string;
  /** In the model's score order; null for an unknown computed score. */
  readonly scores: readonly (number | null)[];
  /**
   * Ids of the rules that fired: `score/Rule label` for a points rule that
   * gave non-zero points, `disqualify/Reason` for a knockout.
   */
  readonly fired: readonly string[];
  readonly positive: boolean;
  /** The period column's value (an ISO date sorts as text); absent or "" when not known. */
  readonly period?: string | undefined;
}
