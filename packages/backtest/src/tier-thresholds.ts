import type { CompareOp, Expr, ModelIR } from "@qualify/ir";

/** A score threshold that a tier's condition tests: `tier hot when total >= 60`. */
export interface TierThreshold {
  readonly tier: string;
  readonly score: string;
  /** The comparison with the score on the left: `>=`, `>`, `<=` or `<`. */
  readonly op: ">=" | ">" | "<=" | "<";
  readonly value: number;
}

const FLIPPED: Partial<Record<CompareOp, TierThreshold["op"]>> = { ">=": "<=", ">": "<", "<=": ">=", "<": ">" };

/**
 * Every comparison of a score with a number in the tiers' conditions, in tier
 * order, once each. A condition like `fit >= 40 and engagement >= 20` gives
 * two thresholds; precision and recall are then reported per threshold, each
 * alone, which is what "calling leads above this line" means.
 */
export function tierThresholds(ir: ModelIR): TierThreshold[] {
  const found: TierThreshold[] = [];
  const seen = new Set<string>();
  const visit = (tier: string, expr: Expr): void => {
    if (expr.kind === "compare") {
      const hit = scoreComparison(expr.op, expr.left, expr.right) ?? flipped(expr.op, expr.left, expr.right);
      if (hit) {
        const key = `${tier}\u0000${hit.score}\u0000${hit.op}\u0000${hit.value}`;
        if (!seen.has(key)) {
          seen.add(key);
          found.push({ tier, ...hit });
        }
      }
      return;
    }
    if (expr.kind === "and" || expr.kind === "or") {
      visit(tier, expr.left);
      visit(tier, expr.right);
    } else if (expr.kind === "not") visit(tier, expr.operand);
  };
  for (const tier of ir.tiers) if (tier.when) visit(tier.id, tier.when);
  return found;
}

function scoreComparison(op: CompareOp, left: Expr, right: Expr): Omit<TierThreshold, "tier"> | undefined {
  if (left.kind !== "ref" || left.target !== "score" || right.kind !== "literal" || typeof right.value !== "number") return undefined;
  if (op !== ">=" && op !== ">" && op !== "<=" && op !== "<") return undefined;
  return { score: left.id, op, value: right.value };
}

function flipped(op: CompareOp, left: Expr, right: Expr): Omit<TierThreshold, "tier"> | undefined {
  const turned = FLIPPED[op];
  return turned ? scoreComparison(turned, right, left) : undefined;
}

/** Whether a score passes a threshold. */
export function passes(score: number, threshold: Pick<TierThreshold, "op" | "value">): boolean {
  switch (threshold.op) {
    case ">=":
      return score >= threshold.value;
    case ">":
      return score > threshold.value;
    case "<=":
      return score <= threshold.value;
    case "<":
      return score < threshold.value;
  }
}
