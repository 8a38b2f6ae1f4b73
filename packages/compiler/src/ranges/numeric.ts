import type { ArithOp, CompareOp } from "@qualify/ir";
import { MS_PER_DAY } from "../runtime/dates.js";
import { roundHalfAwayFromZero } from "../runtime/text.js";
import type { BoolAbs, NumAbs } from "./abstract-value.js";
import { bool, hasKnown, NO, num, UNKNOWN, YES } from "./abstract-value.js";

/*
 * Interval rules for numbers and dates. Bounds are computed with the same
 * floating-point operations as the evaluator; rounding to nearest is
 * monotone, so a bound computed from bounds stays a bound. Where an
 * operation is not monotone (a divisor interval holding zero) the rule gives
 * up precision, never soundness.
 */

const NONE = num(Infinity, -Infinity, false);

function corners(a: NumAbs, b: NumAbs, f: (x: number, y: number) => number): NumAbs {
  const xs = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)];
  // NaN corners (0 * Infinity cannot happen with finite bounds) would be dropped by min/max; none arise.
  return num(Math.min(...xs), Math.max(...xs), a.u || b.u || xs.some((x) => !Number.isFinite(x)));
}

/** `A + B`, `A - B`, `A * B`, `A / B` on intervals; overflow and division by zero may be unknown. */
export function arith(op: ArithOp, a: NumAbs, b: NumAbs): NumAbs {
  const u = a.u || b.u;
  if (!hasKnown(a) || !hasKnown(b)) return num(Infinity, -Infinity, u);
  switch (op) {
    case "+":
      return num(a.lo + b.lo, a.hi + b.hi, u);
    case "-":
      return num(a.lo - b.hi, a.hi - b.lo, u);
    case "*":
      return corners(a, b, (x, y) => x * y);
    case "/": {
      if (b.lo > 0 || b.hi < 0) return corners(a, b, (x, y) => x / y);
      if (b.lo === 0 && b.hi === 0) return num(Infinity, -Infinity, true);
      // The divisor may be zero (unknown) or as close to it as it likes: any quotient.
      return num(-Number.MAX_VALUE, Number.MAX_VALUE, true);
    }
  }
}

export function negate(a: NumAbs): NumAbs {
  return hasKnown(a) ? num(-a.hi, -a.lo, a.u) : a;
}

export function abs(a: NumAbs): NumAbs {
  if (!hasKnown(a)) return a;
  if (a.lo >= 0) return a;
  if (a.hi <= 0) return num(-a.hi, -a.lo, a.u);
  return num(0, Math.max(-a.lo, a.hi), a.u);
}

export function round(a: NumAbs): NumAbs {
  return hasKnown(a) ? num(roundHalfAwayFromZero(a.lo), roundHalfAwayFromZero(a.hi), a.u) : a;
}

/** `min(...)` / `max(...)`: both are monotone in every argument. */
export function extremum(args: readonly NumAbs[], larger: boolean): NumAbs {
  if (args.length === 0) return num(Infinity, -Infinity, true);
  const u = args.some((a) => a.u);
  if (args.some((a) => !hasKnown(a))) return num(Infinity, -Infinity, u);
  const pick = larger ? Math.max : Math.min;
  return num(pick(...args.map((a) => a.lo)), pick(...args.map((a) => a.hi)), u);
}

/** `days_since(d)` = (now - d) / day, decreasing in d; `days_until` is its negation. */
export function daysSince(d: NumAbs, now: number): NumAbs {
  return hasKnown(d) ? num((now - d.hi) / MS_PER_DAY, (now - d.lo) / MS_PER_DAY, d.u) : d;
}

/**
 * `decay(days, half_life)` = 0.5 ^ (days / half_life), decreasing in the
 * quotient. `Math.pow` is not promised to be monotone to the last bit, so a
 * bound of a non-trivial interval is widened by a relative 1e-12.
 */
export function decay(days: NumAbs, halfLife: NumAbs): NumAbs {
  const q = arith("/", days, halfLife);
  if (!hasKnown(q)) return q;
  const lo = 0.5 ** q.hi;
  const hi = 0.5 ** q.lo;
  if (q.lo === q.hi) return num(lo, hi, q.u || !Number.isFinite(hi));
  return num(lo * (1 - 1e-12), hi * (1 + 1e-12), q.u || !Number.isFinite(hi));
}

function truth(yes: boolean, no: boolean, u: boolean): BoolAbs {
  return bool((yes ? YES : 0) | (no ? NO : 0) | (u ? UNKNOWN : 0));
}

/** `A op B` on intervals. */
export function compare(op: CompareOp, a: NumAbs, b: NumAbs): BoolAbs {
  const u = a.u || b.u;
  if (!hasKnown(a) || !hasKnown(b)) return truth(false, false, u);
  const samePoint = a.lo === a.hi && b.lo === b.hi && a.lo === b.lo;
  const overlap = a.lo <= b.hi && b.lo <= a.hi;
  switch (op) {
    case "=":
      return truth(overlap, !samePoint, u);
    case "!=":
      return truth(!samePoint, overlap, u);
    case "<":
      return truth(a.lo < b.hi, a.hi >= b.lo, u);
    case "<=":
      return truth(a.lo <= b.hi, a.hi > b.lo, u);
    case ">":
      return truth(a.hi > b.lo, a.lo <= b.hi, u);
    case ">=":
      return truth(a.hi >= b.lo, a.lo < b.hi, u);
  }
}

/** `X between A and B` (inclusive). */
export function between(x: NumAbs, low: NumAbs, high: NumAbs): BoolAbs {
  const u = x.u || low.u || high.u;
  if (!hasKnown(x) || !hasKnown(low) || !hasKnown(high)) return truth(false, false, u);
  return truth(Math.max(x.lo, low.lo) <= Math.min(x.hi, high.hi), x.lo < low.hi || x.hi > high.lo, u);
}

/** `D within N days`: 0 <= (now - D) / day <= N. */
export function within(d: NumAbs, days: NumAbs, now: number): BoolAbs {
  const u = d.u || days.u;
  if (!hasKnown(d) || !hasKnown(days)) return truth(false, false, u);
  const sLo = (now - d.hi) / MS_PER_DAY;
  const sHi = (now - d.lo) / MS_PER_DAY;
  return truth(sHi >= 0 && Math.max(sLo, 0) <= days.hi, sLo < 0 || sHi > days.lo, u);
}

/** Counts of yes/no/unknown items: the outcome of `at least N of` over independent items (conservative when they are not). */
export function atLeast(masks: readonly number[], n: number): BoolAbs {
  let minYes = 0;
  let maxYes = 0;
  let maxNotNo = 0;
  let minNotNo = 0;
  let anyUnknown = false;
  for (const m of masks) {
    if (m === YES) minYes++;
    if (m & YES) maxYes++;
    if (m & (YES | UNKNOWN)) maxNotNo++;
    if (!(m & NO) && m !== 0) minNotNo++;
    if (m & UNKNOWN) anyUnknown = true;
  }
  return truth(maxYes >= n, minNotNo < n, anyUnknown && minYes < n && maxNotNo >= n);
}

/** `count of (...)`: how many items are yes, always known. */
export function countYes(masks: readonly number[]): NumAbs {
  let lo = 0;
  let hi = 0;
  for (const m of masks) {
    if (m === YES) lo++;
    if (m & YES) hi++;
  }
  return num(lo, hi, false);
}

export { NONE };
