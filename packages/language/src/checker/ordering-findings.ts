import type { Expr, ExprOf, ModelIR, SourceRange } from "@qualify/ir";
import { exprChildren } from "@qualify/ir";
import type { Condition } from "./condition-space.js";
import { ConditionReader, implies, isEmpty, subjectKey } from "./condition-space.js";

/**
 * An ordering mistake in a checked model. `at` is the condition (or the
 * test inside it) the finding is about; `what` names its declaration for
 * people ("the criterion `sized`", "the rule \"Big\"").
 */
export type OrderingFinding =
  /** `x between 500 and 100`: literal bounds the wrong way round. */
  | { readonly kind: "invertedBetween"; readonly at: Expr; readonly what: string; readonly low: Expr; readonly high: Expr }
  /** A criterion, rule, knockout or tier condition that can never be true. */
  | { readonly kind: "neverTrue"; readonly at: Expr; readonly what: string; readonly declaration: DeclarationRef }
  /** A points rule whose condition repeats an earlier rule's in the same group. */
  | { readonly kind: "duplicateRule"; readonly at: Expr; readonly score: string; readonly rule: string; readonly first: string }
  /** A knockout with the same condition as an earlier one. */
  | { readonly kind: "duplicateKnockout"; readonly at: Expr; readonly reason: string; readonly first: string }
  /** Whenever knockout `reason` fires, `covering` fires too. */
  | { readonly kind: "coveredKnockout"; readonly at: Expr; readonly reason: string; readonly covering: string }
  /** Whenever tier `tier`'s condition is true, the earlier tier `earlier`'s is true too. */
  | { readonly kind: "shadowedTier"; readonly at: Expr; readonly range?: SourceRange; readonly tier: string; readonly earlier: string };

/** Which declaration a never-true condition belongs to. */
export type DeclarationRef =
  | { readonly kind: "criterion"; readonly id: string }
  | { readonly kind: "rule"; readonly score: string; readonly label: string }
  | { readonly kind: "knockout"; readonly reason: string }
  | { readonly kind: "tier"; readonly id: string };

/**
 * Finds ordering mistakes by interval and choice reasoning over a checked
 * model (condition-space.ts): a tier that can never be chosen because an
 * earlier tier's condition covers its own (`mql when total >= 40` above
 * `sql when total >= 60 and ...`), conditions that can never be true
 * (`employees between 500 and 100`), a points rule whose condition repeats
 * another rule's of the same group, and a knockout covered by another.
 * Every finding is certain: the reasoning answers only what it can prove.
 */
export function findOrderingMistakes(ir: ModelIR): OrderingFinding[] {
  const findings: OrderingFinding[] = [];
  const reader = new ConditionReader(ir);
  const inverted = findInvertedBetweens(ir, findings);
  const neverTrue = (expr: Expr, what: string, declaration: DeclarationRef): boolean => {
    if (inverted.has(expr)) return true;
    if (!isEmpty(reader.read(expr))) return false;
    findings.push({ kind: "neverTrue", at: expr, what, declaration });
    return true;
  };

  for (const c of ir.criteria) neverTrue(c.expr, `the criterion \`${c.id}\``, { kind: "criterion", id: c.id });
  for (const score of ir.scores) {
    if (score.kind !== "group") continue;
    const seen = new Map<string, string>();
    for (const rule of score.rules) {
      if (rule.when === undefined || neverTrue(rule.when, `the rule "${rule.label}"`, { kind: "rule", score: score.id, label: rule.label })) continue;
      // Exact repeats only: a group may hold thousands of rules, and comparing every pair would cost too much.
      const key = subjectKey(rule.when);
      const first = seen.get(key);
      if (first !== undefined) findings.push({ kind: "duplicateRule", at: rule.when, score: score.id, rule: rule.label, first });
      else seen.set(key, rule.label);
    }
  }

  const knockouts: { reason: string; condition: Condition; at: Expr }[] = [];
  for (const d of ir.disqualify) {
    if (neverTrue(d.when, `the knockout "${d.reason}"`, { kind: "knockout", reason: d.reason })) continue;
    const condition = reader.read(d.when);
    const same = knockouts.find((k) => implies(condition, k.condition) && implies(k.condition, condition));
    const covering = same ?? knockouts.find((k) => implies(condition, k.condition));
    const covered = covering === undefined ? knockouts.find((k) => implies(k.condition, condition)) : undefined;
    if (same !== undefined) findings.push({ kind: "duplicateKnockout", at: d.when, reason: d.reason, first: same.reason });
    else if (covering !== undefined) findings.push({ kind: "coveredKnockout", at: d.when, reason: d.reason, covering: covering.reason });
    else if (covered !== undefined) findings.push({ kind: "coveredKnockout", at: covered.at, reason: covered.reason, covering: d.reason });
    knockouts.push({ reason: d.reason, condition, at: d.when });
  }

  const earlier: { id: string; condition: Condition }[] = [];
  for (const tier of ir.tiers) {
    if (tier.when === undefined) continue;
    if (neverTrue(tier.when, `the condition of the tier \`${tier.id}\``, { kind: "tier", id: tier.id })) continue;
    const condition = reader.read(tier.when);
    // A tier after a literal `true` is QUAL405 already.
    const alwaysTrue = (c: Condition): boolean => c.some((conjunction) => conjunction !== null && conjunction.size === 0);
    const covering = earlier.find((e) => !alwaysTrue(e.condition) && implies(condition, e.condition));
    if (covering !== undefined) findings.push({ kind: "shadowedTier", at: tier.when, ...(tier.range === undefined ? {} : { range: tier.range }), tier: tier.id, earlier: covering.id });
    earlier.push({ id: tier.id, condition });
  }
  return findings;
}

/** `between` tests with literal bounds the wrong way round; returns the conditions holding one. */
function findInvertedBetweens(ir: ModelIR, findings: OrderingFinding[]): Set<Expr> {
  const holding = new Set<Expr>();
  const visit = (root: Expr, what: string): void => {
    forEachNode(root, (expr) => {
      if (expr.kind !== "between" || !isInverted(expr)) return;
      holding.add(root);
      findings.push({ kind: "invertedBetween", at: expr, what, low: expr.low, high: expr.high });
    });
  };
  for (const c of ir.criteria) visit(c.expr, `the criterion \`${c.id}\``);
  for (const s of ir.scores) if (s.kind === "group") for (const r of s.rules) if (r.when !== undefined) visit(r.when, `the rule "${r.label}"`);
  for (const d of ir.disqualify) visit(d.when, `the knockout "${d.reason}"`);
  for (const t of ir.tiers) if (t.when !== undefined) visit(t.when, `the condition of the tier \`${t.id}\``);
  return holding;
}

/** Literal bounds, low above high (numbers, or ISO dates, which order as text). */
function isInverted(expr: ExprOf<"between">): boolean {
  if (expr.low.kind !== "literal" || expr.high.kind !== "literal") return false;
  const low = expr.low.value;
  const high = expr.high.value;
  if (typeof low === "number" && typeof high === "number") return low > high;
  return typeof low === "string" && typeof high === "string" && low > high;
}

/** Calls `visit` on `root` and every expression under it, without recursion (expressions may be deep). */
function forEachNode(root: Expr, visit: (expr: Expr) => void): void {
  const stack: Expr[] = [root];
  for (let expr = stack.pop(); expr !== undefined; expr = stack.pop()) {
    visit(expr);
    stack.push(...exprChildren(expr));
  }
}
