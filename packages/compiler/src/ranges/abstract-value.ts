import type { QualType } from "@qualify/ir";
import type { Value } from "../runtime/frame.js";
import { equalValues } from "../runtime/values.js";

/*
 * Abstract values: what an expression may evaluate to once some missing
 * input fields take any value of their type. Every abstract value also says
 * whether the expression may be unknown. The concrete outcomes always lie
 * inside (soundness); when nothing varies, an abstract value is exactly the
 * concrete one (a point, one truth value, one known value).
 */

/** Truth-value bits of a yes/no abstract value. */
export const YES = 1;
export const NO = 2;
export const UNKNOWN = 4;

/** A yes/no value as a subset of {true, false, unknown}. */
export interface BoolAbs {
  readonly k: "b";
  readonly m: number;
}

/**
 * A number or date (epoch ms) as an interval of known values plus "may be
 * unknown". `lo > hi` (the sentinels `+Infinity`, `-Infinity`) means no known
 * value at all; otherwise both bounds are finite.
 */
export interface NumAbs {
  readonly k: "n";
  readonly lo: number;
  readonly hi: number;
  readonly u: boolean;
}

/**
 * Text, choices, lists and records: a small set of the possible known values,
 * or `null` for any value of the type, plus "may be unknown".
 */
export interface ValAbs {
  readonly k: "v";
  readonly vals: readonly Value[] | null;
  readonly u: boolean;
}

export type Abs = BoolAbs | NumAbs | ValAbs;

/** More distinct values than this and a set becomes "any value". */
const MAX_VALUES = 32;
/** The widest date interval: what `Date` can represent, in epoch ms. */
const DATE_LIMIT = 8.64e15;

export const NOTHING_KNOWN = Infinity;

export function bool(m: number): BoolAbs {
  return { k: "b", m };
}

export function num(lo: number, hi: number, u: boolean): NumAbs {
  if (lo > hi) return { k: "n", lo: Infinity, hi: -Infinity, u };
  // Finite values only: a bound that overflowed means the arithmetic may have overflowed, which is unknown.
  let unknown = u;
  let l = lo;
  let h = hi;
  if (!(l >= -Number.MAX_VALUE)) {
    l = -Number.MAX_VALUE;
    unknown = true;
  }
  if (!(h <= Number.MAX_VALUE)) {
    h = Number.MAX_VALUE;
    unknown = true;
  }
  if (l > h) return { k: "n", lo: Infinity, hi: -Infinity, u: true };
  return { k: "n", lo: l, hi: h, u: unknown };
}

export function point(x: number): NumAbs {
  return { k: "n", lo: x, hi: x, u: false };
}

/** True when a number abstract value holds at least one known value. */
export function hasKnown(a: NumAbs): boolean {
  return a.lo <= a.hi;
}

export function vals(values: readonly Value[] | null, u: boolean): ValAbs {
  return { k: "v", vals: values, u };
}

function isNumeric(type: QualType): boolean {
  return type.kind === "number" || type.kind === "date";
}

/** The abstract value that is exactly `value` (null: unknown). */
export function exact(value: Value, type: QualType): Abs {
  if (type.kind === "bool") return bool(value === null ? UNKNOWN : value === true ? YES : NO);
  if (isNumeric(type)) return value === null ? num(Infinity, -Infinity, true) : point(value as number);
  return value === null ? vals([], true) : vals([value], false);
}

/** Always unknown. */
export function unknownOf(type: QualType): Abs {
  return exact(null, type);
}

/** Any known value of the type, never unknown: a missing input field that varies. */
export function anyOf(type: QualType): Abs {
  switch (type.kind) {
    case "bool":
      return bool(YES | NO);
    case "number":
      return num(-Number.MAX_VALUE, Number.MAX_VALUE, false);
    case "date":
      return num(-DATE_LIMIT, DATE_LIMIT, false);
    case "choice":
      return vals(type.options, false);
    default:
      return vals(null, false);
  }
}

/** Anything of the type, unknown included: the conservative answer. */
export function topOf(type: QualType): Abs {
  const a = anyOf(type);
  return a.k === "b" ? bool(YES | NO | UNKNOWN) : a.k === "n" ? num(a.lo, a.hi, true) : vals(a.vals, true);
}

/** May the value be unknown? */
export function mayBeUnknown(a: Abs): boolean {
  return a.k === "b" ? (a.m & UNKNOWN) !== 0 : a.u;
}

/** May the value be known? */
export function mayBeKnown(a: Abs): boolean {
  if (a.k === "b") return (a.m & (YES | NO)) !== 0;
  if (a.k === "n") return hasKnown(a);
  return a.vals === null || a.vals.length > 0;
}

/** The same value with its unknown outcome removed (what `??` keeps of its left side). */
export function knownPart(a: Abs): Abs {
  if (a.k === "b") return bool(a.m & (YES | NO));
  return a.k === "n" ? num(a.lo, a.hi, false) : vals(a.vals, false);
}

/** The same value, possibly unknown as well. */
export function withUnknown(a: Abs, u: boolean): Abs {
  if (!u) return a;
  if (a.k === "b") return bool(a.m | UNKNOWN);
  return a.k === "n" ? num(a.lo, a.hi, true) : vals(a.vals, true);
}

function unionValues(a: readonly Value[] | null, b: readonly Value[] | null): readonly Value[] | null {
  if (a === null || b === null) return null;
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = [...a];
  for (const v of b) if (!out.some((w) => sameValue(v, w))) out.push(v);
  return out.length > MAX_VALUES ? null : out;
}

/** Identity of known values for sets (text keeps its spelling, so `lower` stays exact). */
function sameValue(a: Value, b: Value): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return equalValues(a, b);
}

/** The least abstract value holding both. Both must be of the same sort. */
export function join(a: Abs, b: Abs): Abs {
  if (a.k === "b" && b.k === "b") return bool(a.m | b.m);
  if (a.k === "n" && b.k === "n") return num(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi), a.u || b.u);
  if (a.k === "v" && b.k === "v") return vals(unionValues(a.vals, b.vals), a.u || b.u);
  throw new TypeError(`Cannot join abstract values of sorts ${a.k} and ${b.k}.`);
}

/** The abstract value of a set of concrete outcomes (null: unknown). */
export function fromValues(values: readonly Value[], type: QualType): Abs {
  let a: Abs | undefined;
  for (const v of values) a = a === undefined ? exact(v, type) : join(a, exact(v, type));
  return a ?? bottomOf(type);
}

/** No outcome at all (an unreachable branch). */
export function bottomOf(type: QualType): Abs {
  if (type.kind === "bool") return bool(0);
  return isNumeric(type) ? num(Infinity, -Infinity, false) : vals([], false);
}

/**
 * The concrete values an abstract value stands for, when there are only a
 * few (null stands for unknown); undefined for a non-trivial interval or
 * "any value".
 */
export function enumerate(a: Abs): readonly Value[] | undefined {
  if (a.k === "b") {
    const out: Value[] = [];
    if (a.m & YES) out.push(true);
    if (a.m & NO) out.push(false);
    if (a.m & UNKNOWN) out.push(null);
    return out;
  }
  if (a.k === "n") {
    if (a.lo < a.hi) return undefined;
    const out: Value[] = a.lo === a.hi ? [a.lo] : [];
    if (a.u) out.push(null);
    return out;
  }
  if (a.vals === null) return undefined;
  return a.u ? [...a.vals, null] : a.vals;
}

/** True when the abstract value is one concrete value. */
export function isExact(a: Abs): boolean {
  const values = enumerate(a);
  return values !== undefined && values.length === 1;
}
