import type { Value } from "./frame.js";
import { foldCase } from "./text.js";

/**
 * Qual equality: text ignores case, lists compare item by item, everything
 * else (numbers, dates as epoch ms, booleans) is strict.
 */
export function equalValues(a: Value, b: Value): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b || foldCase(a) === foldCase(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalValues(a[i] as Value, b[i] as Value)) return false;
    return true;
  }
  return a === b;
}

/** A number result, or unknown when arithmetic produced NaN or ±Infinity (no result ever holds them). */
export function finiteOrUnknown(x: number): number | null {
  // x - x is 0 for every finite x and NaN for NaN and ±Infinity: one branch instead of Number.isFinite's call.
  return x - x === 0 ? x : null;
}

/** Turns -0 into 0 so results print and compare as people expect. */
export function normaliseZero(x: number): number {
  return x + 0;
}

/**
 * A points group's running sum is finite per rule, but can overflow; it stays
 * a number (a group is never unknown): ±Infinity saturates, NaN (from
 * +Infinity + -Infinity) becomes 0.
 */
export function saturate(sum: number): number {
  if (sum - sum === 0) return sum + 0;
  if (sum === Infinity) return Number.MAX_VALUE;
  if (sum === -Infinity) return -Number.MAX_VALUE;
  return 0;
}
