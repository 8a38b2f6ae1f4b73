import type { EvaluationResult, Expr, ModelIR, Reason, UnknownItem } from "@qualify/ir";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import type { ExprCompiler } from "../expr/compile-expr.js";
import type { Closure, Frame, Value } from "../runtime/frame.js";
import { putOwn } from "../runtime/records.js";
import { normaliseZero } from "../runtime/values.js";
import type { CompiledGroup, RuleSink } from "./score-groups.js";

/** What the full path needs beyond the computed frame. */
export interface FullPathPlan {
  readonly ir: ModelIR;
  readonly compiler: ExprCompiler;
  readonly criteria: readonly { readonly id: string; readonly slot: number; readonly expr: Expr }[];
  readonly scores: readonly {
    readonly id: string;
    readonly slot: number;
    readonly group: CompiledGroup | undefined;
    readonly expr: Expr | undefined;
  }[];
  readonly disqualify: readonly { readonly reason: string; readonly when: Closure; readonly expr: Expr }[];
  readonly tiers: readonly { readonly id: string; readonly when: Closure | null; readonly expr: Expr | undefined }[];
  /** Objects with every criterion / score key in place (see `shapedTemplate`). */
  readonly criteriaTemplate: Readonly<Record<string, boolean | null>>;
  readonly scoresTemplate: Readonly<Record<string, number | null>>;
}

/**
 * An object with the given keys, all null. Results are spread copies of it:
 * they get their final shape at once, and assigning a key (even `__proto__`,
 * already an own property here) only overwrites a value.
 */
export function shapedTemplate<T>(keys: readonly string[]): Record<string, T | null> {
  const template: Record<string, T | null> = {};
  for (const key of keys) putOwn(template, key, null);
  return template;
}

/**
 * Builds the explained result from a frame whose lets, criteria and scores
 * are computed. Group rules are evaluated a second time (they are pure) to
 * find reasons, `raw` and unknown rules; `missing` is computed only for
 * unknown items.
 */
export function buildFullResult(plan: FullPathPlan, f: Frame): EvaluationResult {
  const { compiler } = plan;
  const unknown: UnknownItem[] = [];
  const explainItem = (id: string, expr: Expr): void => {
    const missing: string[] = [];
    compiler.explain(expr)(f, missing);
    unknown.push({ id, missing });
  };

  const criteria: Record<string, boolean | null> = { ...plan.criteriaTemplate };
  for (const c of plan.criteria) {
    const v = f.values[c.slot] ?? null;
    if (v === null) explainItem(c.id, c.expr);
    else criteria[c.id] = v as boolean;
  }

  const scores: Record<string, number | null> = { ...plan.scoresTemplate };
  const rawSums: Record<string, number> = {};
  const reasons: Reason[] = [];
  const sink: RuleSink = {
    fired: (score, rule, points) => reasons.push({ score, rule, points }),
    unknown: explainItem,
  };
  for (const s of plan.scores) {
    const v = f.values[s.slot] ?? null;
    if (v !== null) scores[s.id] = normaliseZero(v as number);
    if (s.group !== undefined) {
      const raw = s.group.inspect(f, sink);
      if (raw !== v) putOwn(rawSums, s.id, raw);
    } else if (v === null && s.expr !== undefined) {
      explainItem(s.id, s.expr);
    }
  }

  const disqualified: string[] = [];
  for (const d of plan.disqualify) {
    const v = d.when(f);
    if (v === true) disqualified.push(d.reason);
    else if (v === null) explainItem(`disqualify/${d.reason}`, d.expr);
  }

  let tier = DISQUALIFIED_TIER;
  if (disqualified.length === 0) {
    tier = plan.tiers[plan.tiers.length - 1]?.id ?? DISQUALIFIED_TIER;
    for (const t of plan.tiers) {
      const v: Value = t.when === null ? true : t.when(f);
      if (v === true) {
        tier = t.id;
        break;
      }
      if (v === null && t.expr !== undefined) explainItem(t.id, t.expr);
    }
  }

  return { model: plan.ir.id, tier, disqualified, scores, raw: rawSums, criteria, reasons, unknown };
}
