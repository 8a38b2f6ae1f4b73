import type { ArithOp, FunctionName } from "@qualify/ir";
import type { Closure, Value } from "../runtime/frame.js";
import { MS_PER_DAY } from "../runtime/dates.js";
import { codePointLength, roundHalfAwayFromZero } from "../runtime/text.js";
import { finiteOrUnknown } from "../runtime/values.js";
import type { OperatorCompiler } from "./compiled.js";
import { constantClosure } from "./compiled.js";

/*
 * Arithmetic, functions and date tests. A result that would be NaN or
 * ±Infinity, and division by zero, is unknown: no result ever holds them.
 */

function arithAgainstConstant(op: ArithOp, l: Closure, c: number): Closure {
  switch (op) {
    case "+":
      return (f) => { const a = l(f); return a === null ? null : finiteOrUnknown((a as number) + c); };
    case "-":
      return (f) => { const a = l(f); return a === null ? null : finiteOrUnknown((a as number) - c); };
    case "*":
      return (f) => { const a = l(f); return a === null ? null : finiteOrUnknown((a as number) * c); };
    case "/":
      if (c === 0) return constantClosure(null);
      return (f) => { const a = l(f); return a === null ? null : finiteOrUnknown((a as number) / c); };
  }
}

/** `A + B`, `A - B`, `A * B`, `A / B`. */
export const compileArith: OperatorCompiler<"arith"> = (expr, ctx) => {
  const left = ctx.compile(expr.left);
  const right = ctx.compile(expr.right);
  if (right.constant) {
    if (right.value === null) return constantClosure(null);
    return arithAgainstConstant(expr.op, left.run, right.value as number);
  }
  const l = left.run;
  const r = right.run;
  const op = expr.op;
  return (f) => {
    const a = l(f);
    if (a === null) return null;
    const b = r(f);
    if (b === null) return null;
    const x = a as number;
    const y = b as number;
    if (op === "/") return y === 0 ? null : finiteOrUnknown(x / y);
    return finiteOrUnknown(op === "+" ? x + y : op === "-" ? x - y : x * y);
  };
};

/** Unary `-X`. */
export const compileNegate: OperatorCompiler<"negate"> = (expr, ctx) => {
  const operand = ctx.compile(expr.operand).run;
  return (f) => {
    const a = operand(f);
    return a === null ? null : -(a as number);
  };
};

function unary(arg: Closure, fn: (x: never) => Value): Closure {
  return (f) => {
    const a = arg(f);
    return a === null ? null : fn(a as never);
  };
}

function extremum(args: readonly Closure[], pickLarger: boolean): Closure {
  const n = args.length;
  return (f) => {
    let best = 0;
    for (let i = 0; i < n; i++) {
      const v = (args[i] as Closure)(f);
      if (v === null) return null;
      const x = v as number;
      if (i === 0 || (pickLarger ? x > best : x < best)) best = x;
    }
    return n === 0 ? null : best;
  };
}

/** `domain(text)`: the lower-cased part after the last `@`; unknown when there is none or nothing follows it. */
export function emailDomain(address: string): string | null {
  const at = address.lastIndexOf("@");
  if (at < 0 || at === address.length - 1) return null;
  return address.slice(at + 1).toLowerCase();
}

const FUNCTIONS: Record<FunctionName, (args: readonly Closure[]) => Closure> = {
  count: ([list]) => unary(list as Closure, (l: readonly Value[]) => l.length),
  len: ([text]) => unary(text as Closure, (t: string) => codePointLength(t)),
  min: (args) => extremum(args, false),
  max: (args) => extremum(args, true),
  abs: ([x]) => unary(x as Closure, (n: number) => Math.abs(n)),
  round: ([x]) => unary(x as Closure, (n: number) => roundHalfAwayFromZero(n)),
  lower: ([t]) => unary(t as Closure, (s: string) => s.toLowerCase()),
  upper: ([t]) => unary(t as Closure, (s: string) => s.toUpperCase()),
  trim: ([t]) => unary(t as Closure, (s: string) => s.trim()),
  domain: ([t]) => unary(t as Closure, emailDomain),
  length: ([x]) => unary(x as Closure, (v: string | readonly Value[]) => (typeof v === "string" ? codePointLength(v) : v.length)),
  days_since: ([date]) => {
    const d = date as Closure;
    return (f) => {
      const a = d(f);
      return a === null ? null : finiteOrUnknown((f.now - (a as number)) / MS_PER_DAY);
    };
  },
  days_until: ([date]) => {
    const d = date as Closure;
    return (f) => {
      const a = d(f);
      return a === null ? null : finiteOrUnknown(-((f.now - (a as number)) / MS_PER_DAY));
    };
  },
  decay: ([days, halfLife]) => {
    const d = days as Closure;
    const h = halfLife as Closure;
    return (f) => {
      const a = d(f);
      if (a === null) return null;
      const b = h(f);
      if (b === null || b === 0) return null;
      return finiteOrUnknown(0.5 ** ((a as number) / (b as number)));
    };
  },
};

/** Function calls; a function with an unknown argument is unknown. */
export const compileCall: OperatorCompiler<"call"> = (expr, ctx) => {
  const first = expr.args[0] === undefined ? undefined : ctx.compile(expr.args[0]);
  if (first?.slot !== undefined && (expr.fn === "count" || expr.fn === "len")) {
    // `count(pains)`, `len(name)` on a field: one frame read, no calls.
    const slot = first.slot;
    if (expr.fn === "count") {
      return (f) => {
        const list = f.values[slot] ?? null;
        return list === null ? null : (list as readonly Value[]).length;
      };
    }
    return (f) => {
      const text = f.values[slot] ?? null;
      return text === null ? null : codePointLength(text as string);
    };
  }
  const args = expr.args.map((a) => ctx.compile(a).run);
  return FUNCTIONS[expr.fn](args);
};

/** `D within N days`: `0 <= days_since(D) <= N`, measured from the evaluation time. */
export const compileWithin: OperatorCompiler<"within"> = (expr, ctx) => {
  const date = ctx.compile(expr.date).run;
  const days = ctx.compile(expr.days);
  if (days.constant) {
    if (days.value === null) return constantClosure(null);
    const n = days.value as number;
    return (f) => {
      const a = date(f);
      if (a === null) return null;
      const since = (f.now - (a as number)) / MS_PER_DAY;
      return since >= 0 && since <= n;
    };
  }
  const nDays = days.run;
  return (f) => {
    const a = date(f);
    if (a === null) return null;
    const n = nDays(f);
    if (n === null) return null;
    const since = (f.now - (a as number)) / MS_PER_DAY;
    return since >= 0 && since <= (n as number);
  };
};
