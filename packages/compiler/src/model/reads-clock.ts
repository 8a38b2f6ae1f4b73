import type { Expr, ModelIR } from "@qualify/ir";
import { directChildren } from "../expr/compiled.js";

function exprReadsClock(expr: Expr): boolean {
  if (expr.kind === "within") return true;
  if (expr.kind === "call" && (expr.fn === "days_since" || expr.fn === "days_until")) return true;
  for (const child of directChildren(expr)) if (exprReadsClock(child)) return true;
  return false;
}

/**
 * True when some expression of the model depends on the evaluation time
 * (`within`, `days_since`, `days_until`). Models that do not never need the
 * clock, so `score` and `evaluate` skip `Date.now()` for them: on a small
 * model that read is a sizeable share of the whole evaluation.
 */
export function readsClock(ir: ModelIR): boolean {
  const exprs: Expr[] = [];
  for (const l of ir.lets) exprs.push(l.expr);
  for (const c of ir.criteria) exprs.push(c.expr);
  for (const s of ir.scores) {
    if (s.kind === "computed") exprs.push(s.expr);
    else for (const r of s.rules) exprs.push(r.when === undefined ? r.points : r.when, r.points);
  }
  for (const d of ir.disqualify) exprs.push(d.when);
  for (const t of ir.tiers) if (t.when !== undefined) exprs.push(t.when);
  return exprs.some(exprReadsClock);
}
