/** Which rules earn their points: how a rule's firing relates to conversion. */
export interface RuleStats {
  /** `score/Rule label` or `disqualify/Reason`. */
  readonly rule: string;
  /** Converted leads it fired for, and their share of all converted leads. */
  readonly firedConverted: number;
  readonly firedConvertedShare: number | null;
  /** Unconverted leads it fired for, and their share of all unconverted leads. */
  readonly firedUnconverted: number;
  readonly firedUnconvertedShare: number | null;
  /** Conversion rate of the leads it fired for, and of the others. */
  readonly rateWhenFired: number | null;
  readonly rateWhenNotFired: number | null;
  /** rateWhenFired / rateWhenNotFired. */
  readonly lift: number | null;
}

/** Rule statistics from counts of firings among converted and unconverted leads. */
export function ruleStats(rule: string, firedConverted: number, firedUnconverted: number, converted: number, unconverted: number): RuleStats {
  const fired = firedConverted + firedUnconverted;
  const notFired = converted + unconverted - fired;
  const rateWhenFired = fired === 0 ? null : firedConverted / fired;
  const rateWhenNotFired = notFired === 0 ? null : (converted - firedConverted) / notFired;
  return {
    rule,
    firedConverted,
    firedConvertedShare: converted === 0 ? null : firedConverted / converted,
    firedUnconverted,
    firedUnconvertedShare: unconverted === 0 ? null : firedUnconverted / unconverted,
    rateWhenFired,
    rateWhenNotFired,
    lift: rateWhenFired === null || rateWhenNotFired === null || rateWhenNotFired === 0 ? null : rateWhenFired / rateWhenNotFired,
  };
}

/** Every rule of a model, in declaration order: points rules, then knockouts. */
export function modelRuleIds(ir: { readonly scores: readonly ({ readonly kind: string; readonly id: string; readonly rules?: readonly { readonly label: string }[] })[]; readonly disqualify: readonly { readonly reason: string }[] }): string[] {
  const ids: string[] = [];
  for (const score of ir.scores) if (score.kind === "group") for (const rule of score.rules ?? []) ids.push(`${score.id}/${rule.label}`);
  for (const knockout of ir.disqualify) ids.push(`disqualify/${knockout.reason}`);
  return ids;
}
