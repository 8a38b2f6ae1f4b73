import type { Expr, ScoreGroupIR } from "@qualify/ir";
import type { ExprCompiler } from "../expr/compile-expr.js";
import type { Closure, Frame } from "../runtime/frame.js";
import { saturate } from "../runtime/values.js";

/** The outcome of one rule on the full path. */
export interface RuleOutcome {
  readonly label: string;
  /** "fired": added `points`; "skipped": `when` was false; "unknown": `when` or the points were unknown. */
  readonly state: "fired" | "skipped" | "unknown";
  readonly points: number;
  /** The sub-expression whose unknown value made the rule unknown (its `when`, else its points). */
  readonly cause: Expr | undefined;
}

/** A compiled points group: the fast sum, and a detailed pass for explanations. */
export interface CompiledGroup {
  readonly ir: ScoreGroupIR;
  /** The clamped sum. */
  readonly sum: Closure;
  /** Every rule's outcome and the unclamped sum, for `reasons`, `raw` and `unknown`. */
  inspect(frame: Frame): { readonly raw: number; readonly rules: readonly RuleOutcome[] };
}

/** Clamps a group's sum to `[min, max]`. */
export function clamp(sum: number, min: number | undefined, max: number | undefined): number {
  let value = sum;
  if (min !== undefined && value < min) value = min;
  if (max !== undefined && value > max) value = max;
  return value;
}

/**
 * Compiles a points group. Rules whose `when` folds to false or unknown can
 * never add points and are dropped from the fast sum; constant points are
 * added without a call.
 */
export function compileGroup(group: ScoreGroupIR, compiler: ExprCompiler): CompiledGroup {
  const whens: (Closure | null)[] = [];
  const points: (Closure | null)[] = [];
  const fixed: number[] = [];
  for (const rule of group.rules) {
    const when = rule.when === undefined ? undefined : compiler.compile(rule.when);
    if (when !== undefined && when.constant && when.value !== true) continue;
    const p = compiler.compile(rule.points);
    if (p.constant && p.value === null) continue;
    whens.push(when === undefined || when.constant ? null : when.run);
    points.push(p.constant ? null : p.run);
    fixed.push(p.constant ? (p.value as number) : 0);
  }
  const n = whens.length;
  const min = group.min;
  const max = group.max;
  const sum: Closure = (f) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = whens[i] as Closure | null;
      if (w !== null && w(f) !== true) continue;
      const p = points[i] as Closure | null;
      if (p === null) {
        total += fixed[i] as number;
      } else {
        const v = p(f);
        if (v !== null) total += v as number;
      }
    }
    return clamp(saturate(total), min, max);
  };

  const rules = group.rules.map((rule) => ({
    rule,
    when: rule.when === undefined ? undefined : compiler.compile(rule.when).run,
    points: compiler.compile(rule.points).run,
  }));
  const inspect = (f: Frame): { raw: number; rules: RuleOutcome[] } => {
    let total = 0;
    const outcomes: RuleOutcome[] = [];
    for (const { rule, when, points: p } of rules) {
      const w = when === undefined ? true : when(f);
      if (w === null) {
        outcomes.push({ label: rule.label, state: "unknown", points: 0, cause: rule.when });
      } else if (w !== true) {
        outcomes.push({ label: rule.label, state: "skipped", points: 0, cause: undefined });
      } else {
        const v = p(f);
        if (v === null) {
          outcomes.push({ label: rule.label, state: "unknown", points: 0, cause: rule.points });
        } else {
          total += v as number;
          outcomes.push({ label: rule.label, state: "fired", points: (v as number) + 0, cause: undefined });
        }
      }
    }
    return { raw: saturate(total), rules: outcomes };
  };
  return { ir: group, sum, inspect };
}
