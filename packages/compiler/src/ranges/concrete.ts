import { compileTextPattern } from "@qualify/ir";
import type { Expr, FunctionName, TextPattern } from "@qualify/ir";
import { MS_PER_DAY } from "../runtime/dates.js";
import type { Value } from "../runtime/frame.js";
import { codePointLength, foldCase, roundHalfAwayFromZero } from "../runtime/text.js";
import { equalValues, finiteOrUnknown } from "../runtime/values.js";

/*
 * The language's meaning of the strict operators (unknown in, unknown out)
 * on known operands, for the abstract interpreter to apply to the few
 * concrete values an abstract value stands for. Written from
 * grammar/reference.md; the property tests hold it to the compiled closures.
 */

const patterns = new Map<string, TextPattern>();

function regex(pattern: string): TextPattern {
  let re = patterns.get(pattern);
  if (re === undefined) {
    re = compileTextPattern(pattern);
    patterns.set(pattern, re);
  }
  return re;
}

function textTest(text: Value, affix: Value, test: (t: string, p: string) => boolean): boolean {
  const t = foldCase(text as string);
  if (Array.isArray(affix)) return affix.some((p) => test(t, foldCase(p as string)));
  return test(t, foldCase(affix as string));
}

function call(fn: FunctionName, args: readonly Value[], now: number): Value {
  const x = args[0] as number;
  switch (fn) {
    case "count":
      return (args[0] as readonly Value[]).length;
    case "len":
      return codePointLength(args[0] as string);
    case "length":
      return Array.isArray(args[0]) ? args[0].length : codePointLength(args[0] as string);
    case "min":
    case "max": {
      if (args.length === 0) return null;
      let best = x;
      for (const a of args) if (fn === "min" ? (a as number) < best : (a as number) > best) best = a as number;
      return best;
    }
    case "abs":
      return Math.abs(x);
    case "round":
      return roundHalfAwayFromZero(x);
    case "lower":
      return (args[0] as string).toLowerCase();
    case "upper":
      return (args[0] as string).toUpperCase();
    case "trim":
      return (args[0] as string).trim();
    case "domain": {
      const text = args[0] as string;
      const at = text.lastIndexOf("@");
      return at < 0 || at === text.length - 1 ? null : text.slice(at + 1).toLowerCase();
    }
    case "days_since":
      return finiteOrUnknown((now - x) / MS_PER_DAY);
    case "days_until":
      return finiteOrUnknown(-((now - x) / MS_PER_DAY));
    case "decay": {
      const h = args[1] as number;
      return h === 0 ? null : finiteOrUnknown(0.5 ** (x / h));
    }
  }
}

/**
 * The value of a strict operator node on known operand values (in
 * `exprChildren` order); null when the operator itself gives unknown
 * (division by zero, overflow, `domain` of a text without `@`).
 */
export function applyStrict(e: Expr, args: readonly Value[], now: number): Value {
  const [a, b, c] = args as [Value, Value, Value];
  switch (e.kind) {
    case "compare": {
      if (e.op === "=") return equalValues(a, b);
      if (e.op === "!=") return !equalValues(a, b);
      const x = a as number;
      const y = b as number;
      return e.op === "<" ? x < y : e.op === "<=" ? x <= y : e.op === ">" ? x > y : x >= y;
    }
    case "arith": {
      const x = a as number;
      const y = b as number;
      if (e.op === "/") return y === 0 ? null : finiteOrUnknown(x / y);
      return finiteOrUnknown(e.op === "+" ? x + y : e.op === "-" ? x - y : x * y);
    }
    case "negate":
      return -(a as number);
    case "in":
      return (b as readonly Value[]).some((x) => equalValues(a, x)) !== e.negated;
    case "contains":
      if (Array.isArray(a)) {
        if (e.item.type.kind === "list") return (b as readonly Value[]).some((x) => a.some((y) => equalValues(y as Value, x)));
        return a.some((y) => equalValues(y as Value, b));
      }
      return textTest(a, b, (t, p) => t.includes(p));
    case "startsWith":
      return textTest(a, b, (t, p) => t.startsWith(p));
    case "endsWith":
      return textTest(a, b, (t, p) => t.endsWith(p));
    case "between":
      return (a as number) >= (b as number) && (a as number) <= (c as number);
    case "matches":
      return regex(e.pattern).test(a as string);
    case "within": {
      const since = (now - (a as number)) / MS_PER_DAY;
      return since >= 0 && since <= (b as number);
    }
    case "call":
      return call(e.fn, args, now);
    case "list":
      return [...args];
    default:
      throw new TypeError(`"${e.kind}" is not a strict operator.`);
  }
}
