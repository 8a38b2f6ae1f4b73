import type { Expr, ExprOf, QualType } from "@qualify/ir";
import type { Value } from "../runtime/frame.js";
import { finiteOrUnknown } from "../runtime/values.js";
import type { Abs, NumAbs } from "./abstract-value.js";
import { bool, exact, hasKnown, isExact, NO, num, topOf, UNKNOWN, YES } from "./abstract-value.js";
import * as numeric from "./numeric.js";

/*
 * Aggregates over a known list whose elements' tests and values may vary
 * (their fields missing, or the model fields the `where` reads). Rules
 * follow grammar/reference.md, "Lists of records"; each is exact when every
 * element's test and value are.
 */

type EvalIn = (expr: Expr, element: Value) => Abs;

function maskOf(a: Abs): number {
  return a.k === "b" ? a.m : YES | NO | UNKNOWN;
}

function elementType(list: Expr): QualType {
  return list.type.kind === "list" ? list.type.element : list.type;
}

/** The aggregate of a list that may be any list at all (a missing list field that varies). */
export function anyAggregate(expr: ExprOf<"each">): Abs {
  if (expr.aggregate === "count") return num(0, Number.MAX_VALUE, false);
  return topOf(expr.type);
}

const INTEGER_LIMIT = 2 ** 53;

/** `sum`, `avg`, `min`, `max` of the values of the chosen elements. */
function combineAbstract(aggregate: "sum" | "avg" | "min" | "max", masks: readonly number[], values: readonly (NumAbs | undefined)[]): NumAbs {
  const n = masks.length;
  let everyExact = true;
  for (let i = 0; i < n; i++) {
    const m = masks[i] as number;
    const v = values[i];
    if (m !== YES && m !== NO && m !== UNKNOWN) everyExact = false;
    else if (m === YES && v !== undefined && !isExact(v)) everyExact = false;
  }
  if (everyExact) {
    // The concrete computation, as the closures do it.
    const chosen: number[] = [];
    for (let i = 0; i < n; i++) {
      const m = masks[i] as number;
      if (m === UNKNOWN) return num(Infinity, -Infinity, true);
      if (m === NO) continue;
      const v = values[i] as NumAbs;
      if (!hasKnown(v)) return num(Infinity, -Infinity, true);
      chosen.push(v.lo);
    }
    const result = concreteCombine(aggregate, chosen);
    return result === null ? num(Infinity, -Infinity, true) : num(result, result, false);
  }

  let u = false;
  let sure = false;
  let lo = 0;
  let hi = 0;
  let first = true;
  let integral = true;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const m = masks[i] as number;
    if (m & UNKNOWN) u = true;
    if (!(m & YES)) continue;
    const v = values[i] as NumAbs;
    if (v.u) u = true;
    const optional = (m & NO) !== 0;
    if (!hasKnown(v)) {
      // Chosen for sure with no known value: the result is never known.
      if (!optional) return num(Infinity, -Infinity, true);
      continue;
    }
    if (!optional) sure = true;
    if (!Number.isInteger(v.lo) || !Number.isInteger(v.hi)) integral = false;
    largest = Math.max(largest, Math.abs(v.lo), Math.abs(v.hi));
    if (aggregate === "sum") {
      // In element order, as the closures add: rounding is monotone, so the bounds stay bounds.
      lo += optional ? Math.min(v.lo, 0) : v.lo;
      hi += optional ? Math.max(v.hi, 0) : v.hi;
    } else {
      lo = first ? v.lo : Math.min(lo, v.lo);
      hi = first ? v.hi : Math.max(hi, v.hi);
    }
    first = false;
  }
  if (aggregate === "sum") return num(lo, hi, u);
  // No element may be chosen, or perhaps none is: of no element is unknown.
  if (first) return num(Infinity, -Infinity, true);
  if (!sure) u = true;
  if (aggregate === "avg") {
    if (largest * n > Number.MAX_VALUE / 2) u = true;
    // A floating-point mean of values in [lo, hi] can step outside by rounding, unless the sum is exact.
    if (!(integral && largest * n < INTEGER_LIMIT)) {
      const slack = Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9;
      return num(lo - slack, hi + slack, u);
    }
  }
  return num(lo, hi, u);
}

/** The same computation as the compiled closures (operators-each.ts) on known chosen values. */
function concreteCombine(aggregate: "sum" | "avg" | "min" | "max", values: readonly number[]): number | null {
  const n = values.length;
  if (aggregate === "sum" || aggregate === "avg") {
    if (aggregate === "avg" && n === 0) return null;
    let total = 0;
    for (const v of values) total += v;
    return finiteOrUnknown(aggregate === "sum" ? total : total / n);
  }
  if (n === 0) return null;
  let best = values[0] as number;
  for (const x of values) if (aggregate === "max" ? x > best : x < best) best = x;
  return best;
}

/** The aggregate over one known list; `evalIn` evaluates an expression with an element visited. */
export function aggregateOver(expr: ExprOf<"each">, elements: readonly Value[], evalIn: EvalIn): Abs {
  const where = expr.where;
  const masks = elements.map((element) => (where === undefined ? YES : maskOf(evalIn(where, element))));
  switch (expr.aggregate) {
    case "count":
      return numeric.countYes(masks);
    case "atLeast":
      return numeric.atLeast(masks, expr.n ?? 0);
    case "all":
      return numeric.atLeast(masks, masks.length);
    case "any":
      return numeric.atLeast(masks, 1);
    case "none": {
      const any = numeric.atLeast(masks, 1).m;
      return bool((any & UNKNOWN) | (any & YES ? NO : 0) | (any & NO ? YES : 0));
    }
    default: {
      const type = elementType(expr.list);
      const value = expr.value;
      const values = elements.map((element, i) => {
        if (!((masks[i] as number) & YES)) return undefined;
        const v = value === undefined ? exact(element, type) : evalIn(value, element);
        return v as NumAbs;
      });
      return combineAbstract(expr.aggregate, masks, values);
    }
  }
}
