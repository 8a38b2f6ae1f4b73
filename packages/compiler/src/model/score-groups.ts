import type { Expr, ScoreGroupIR } from "@qualify/ir";
import type { ExprCompiler } from "../expr/compile-expr.js";
import type { SlotTest } from "../expr/slot-test.js";
import { runOne, runSlotTest, slotTest } from "../expr/slot-test.js";
import type { Closure, Frame, Value } from "../runtime/frame.js";
import { saturate } from "../runtime/values.js";

/** Receives what the full path reports about a group's rules. */
export interface RuleSink {
  /** A rule that fired with non-zero points. */
  fired(score: string, rule: string, points: number): void;
  /** A rule (`score/Label`) whose `when` (or, when that was true, whose points) was unknown; `cause` is that expression. */
  unknown(id: string, cause: Expr): void;
}

/** A compiled points group: the fast sum, and a detailed pass for explanations. */
export interface CompiledGroup {
  readonly ir: ScoreGroupIR;
  /** The clamped sum. */
  readonly sum: Closure;
  /** Reports every rule that fired or was unknown to `sink`, and returns the unclamped sum. */
  inspect(frame: Frame, sink: RuleSink): number;
}

/** Every expression a group evaluates: each rule's points and its condition. */
export function groupExprs(group: ScoreGroupIR): Expr[] {
  return group.rules.flatMap((r) => (r.when ? [r.points, r.when] : [r.points]));
}

/** Clamps a group's sum to `[min, max]`. */
export function clamp(sum: number, min: number | undefined, max: number | undefined): number {
  let value = sum;
  if (min !== undefined && value < min) value = min;
  if (max !== undefined && value > max) value = max;
  return value;
}

/**
 * The rules of a group as parallel arrays: each `when` is an inline test
 * (see slot-test.ts), a closure, or absent (always), each points value a
 * constant or a closure.
 */
interface RuleTable {
  readonly count: number;
  readonly labels: readonly string[];
  /** `score/Label`, the rule's id in `unknown`. */
  readonly ids: readonly string[];
  readonly whenExprs: readonly (Expr | undefined)[];
  readonly pointExprs: readonly Expr[];
  readonly tests: readonly (SlotTest | null)[];
  readonly whens: readonly (Closure | null)[];
  readonly points: readonly (Closure | null)[];
  readonly fixed: Float64Array;
}

/** Builds the table; with `prune`, rules that can never add points (a `when` folded to false) are left out. */
function ruleTable(group: ScoreGroupIR, compiler: ExprCompiler, prune: boolean): RuleTable {
  const labels: string[] = [];
  const whenExprs: (Expr | undefined)[] = [];
  const pointExprs: Expr[] = [];
  const tests: (SlotTest | null)[] = [];
  const whens: (Closure | null)[] = [];
  const points: (Closure | null)[] = [];
  const fixed: number[] = [];
  for (const rule of group.rules) {
    const when = rule.when === undefined ? undefined : compiler.compile(rule.when);
    const p = compiler.compile(rule.points);
    if (prune && ((when !== undefined && when.constant && when.value !== true) || (p.constant && p.value === null))) continue;
    const always = when === undefined || (when.constant && when.value === true);
    labels.push(rule.label);
    whenExprs.push(rule.when);
    pointExprs.push(rule.points);
    tests.push(always || when.constant ? null : (slotTest(rule.when as Expr, compiler) ?? null));
    whens.push(always ? null : when.run);
    // A constant with no value (an overflowing `decay(1000000, -0.5)`) keeps its closure, which
    // gives null, so the full path reports the rule unknown instead of adding a fixed 0.
    const fixedPoints = p.constant && typeof p.value === "number";
    points.push(fixedPoints ? null : p.run);
    fixed.push(fixedPoints ? (p.value as number) : 0);
  }
  return {
    count: labels.length,
    labels,
    ids: labels.map((label) => `${group.id}/${label}`),
    whenExprs,
    pointExprs,
    tests,
    whens,
    points,
    fixed: Float64Array.from(fixed),
  };
}

/** A rule's `when`: true, false or unknown (null). */
function whenOf(t: RuleTable, i: number, f: Frame): Value {
  const test = t.tests[i] as SlotTest | null;
  if (test !== null) return runSlotTest(test, f.values);
  const when = t.whens[i] as Closure | null;
  return when === null ? true : when(f);
}

/**
 * Compiles a points group. A rule adds its points when its `when` is true;
 * a rule whose `when` or points are unknown adds 0 (and is reported on the
 * full path). The sum is clamped to `[min, max]`.
 */
export function compileGroup(group: ScoreGroupIR, compiler: ExprCompiler): CompiledGroup {
  const fast = ruleTable(group, compiler, true);
  const full = ruleTable(group, compiler, false);
  const n = fast.count;
  const min = group.min;
  const max = group.max;

  const tests = fast.tests;
  const whens = fast.whens;
  const sum: Closure = (f) => {
    const values = f.values;
    let total = 0;
    for (let i = 0; i < n; i++) {
      // whenOf, unrolled for the common single test: this loop is the hot spot of points models.
      const test = tests[i] as SlotTest | null;
      if (test !== null) {
        if ((test.next === null ? runOne(test, values[test.slot] ?? null, values) : runSlotTest(test, values)) !== true) continue;
      } else {
        const when = whens[i] as Closure | null;
        if (when !== null && when(f) !== true) continue;
      }
      const p = fast.points[i] as Closure | null;
      if (p === null) {
        total += fast.fixed[i] as number;
      } else {
        const v = p(f);
        if (v !== null) total += v as number;
      }
    }
    return clamp(saturate(total), min, max);
  };

  const id = group.id;
  const inspect = (f: Frame, sink: RuleSink): number => {
    let total = 0;
    for (let i = 0; i < full.count; i++) {
      const w = whenOf(full, i, f);
      if (w === null) {
        sink.unknown(full.ids[i] as string, full.whenExprs[i] as Expr);
        continue;
      }
      if (w !== true) continue;
      const p = full.points[i] as Closure | null;
      const v = p === null ? (full.fixed[i] as number) : p(f);
      if (v === null) {
        sink.unknown(full.ids[i] as string, full.pointExprs[i] as Expr);
      } else {
        total += v as number;
        if (v !== 0) sink.fired(id, full.labels[i] as string, (v as number) + 0);
      }
    }
    return saturate(total);
  };

  return { ir: group, sum, inspect };
}
