import type { Expr, ModelIR } from "./ir.js";

/** The direct sub-expressions of an expression, in source order. */
export function exprChildren(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case "literal":
    case "field":
    case "ref":
    case "element":
      return [];
    case "list":
      return expr.items;
    case "not":
    case "negate":
    case "presence":
      return [expr.operand];
    case "and":
    case "or":
    case "compare":
    case "arith":
    case "coalesce":
      return [expr.left, expr.right];
    case "in":
      return [expr.item, expr.list];
    case "contains":
      return [expr.container, expr.item];
    case "startsWith":
    case "endsWith":
      return [expr.text, expr.affix];
    case "between":
      return [expr.value, expr.low, expr.high];
    case "matches":
      return [expr.text];
    case "within":
      return [expr.date, expr.days];
    case "call":
      return expr.args;
    case "if":
      return [expr.condition, expr.then, expr.else];
    case "quantifier":
      return expr.items;
    case "each": {
      const out = [expr.list];
      if (expr.value !== undefined) out.push(expr.value);
      if (expr.where !== undefined) out.push(expr.where);
      return out;
    }
  }
}

/** Every top-level expression of a model: lets, criteria, scores and their rules, knockouts and tiers. */
export function modelExpressions(ir: ModelIR): Expr[] {
  const out: Expr[] = [];
  for (const decl of ir.lets) out.push(decl.expr);
  for (const decl of ir.criteria) out.push(decl.expr);
  for (const score of ir.scores) {
    if (score.kind === "computed") out.push(score.expr);
    else for (const rule of score.rules) out.push(rule.points, ...(rule.when ? [rule.when] : []));
  }
  for (const rule of ir.disqualify) out.push(rule.when);
  for (const tier of ir.tiers) if (tier.when) out.push(tier.when);
  return out;
}

function exprReadsEvaluationTime(expr: Expr): boolean {
  if (expr.kind === "within") return true;
  if (expr.kind === "call" && (expr.fn === "days_since" || expr.fn === "days_until")) return true;
  return exprChildren(expr).some(exprReadsEvaluationTime);
}

/**
 * True when evaluating the model reads the evaluation time (`within N days`,
 * `days_since`, `days_until` anywhere): its results change from day to day
 * unless `now` is fixed, and an evaluator that is not given `now` must read
 * the clock.
 */
export function readsEvaluationTime(ir: ModelIR): boolean {
  return modelExpressions(ir).some(exprReadsEvaluationTime);
}
