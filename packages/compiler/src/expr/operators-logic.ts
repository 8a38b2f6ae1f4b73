import type { Closure } from "../runtime/frame.js";
import type { OperatorCompiler } from "./compiled.js";

/*
 * Three-valued logic: true, false and unknown (null). `and`/`or` are decided
 * by one known side (false and unknown = false; true or unknown = true);
 * `not unknown` is unknown; `is missing`/`is present` and `??` are the only
 * other operators that look through unknown.
 */

/** `not X`. */
export const compileNot: OperatorCompiler<"not"> = (expr, ctx) => {
  const operand = ctx.compile(expr.operand).run;
  return (f) => {
    const a = operand(f);
    return a === null ? null : !a;
  };
};

/** `A and B`, `A or B`. Both sides are pure, so evaluating the right after a deciding left is skipped. */
export const compileAndOr: OperatorCompiler<"and" | "or"> = (expr, ctx) => {
  const left = ctx.compile(expr.left).run;
  const right = ctx.compile(expr.right).run;
  if (expr.kind === "and") {
    return (f) => {
      const a = left(f);
      if (a === false) return false;
      const b = right(f);
      if (b === false) return false;
      return a === null || b === null ? null : true;
    };
  }
  return (f) => {
    const a = left(f);
    if (a === true) return true;
    const b = right(f);
    if (b === true) return true;
    return a === null || b === null ? null : false;
  };
};

/** `if C then A else B`: unknown when C is; only the chosen branch is evaluated. */
export const compileIf: OperatorCompiler<"if"> = (expr, ctx) => {
  const condition = ctx.compile(expr.condition).run;
  const then = ctx.compile(expr.then).run;
  const otherwise = ctx.compile(expr.else).run;
  return (f) => {
    const c = condition(f);
    if (c === null) return null;
    return c === true ? then(f) : otherwise(f);
  };
};

/** `A ?? B`: A when known, else B. */
export const compileCoalesce: OperatorCompiler<"coalesce"> = (expr, ctx) => {
  const left = ctx.compile(expr.left);
  const right = ctx.compile(expr.right).run;
  if (left.slot !== undefined) {
    const slot = left.slot;
    return (f) => {
      const a = f.values[slot] ?? null;
      return a !== null ? a : right(f);
    };
  }
  const run = left.run;
  return (f) => {
    const a = run(f);
    return a !== null ? a : right(f);
  };
};

/** `X is missing`, `X is present`: always known. */
export const compilePresence: OperatorCompiler<"presence"> = (expr, ctx) => {
  const operand = ctx.compile(expr.operand);
  if (operand.slot !== undefined) {
    const slot = operand.slot;
    return expr.test === "missing" ? (f) => (f.values[slot] ?? null) === null : (f) => (f.values[slot] ?? null) !== null;
  }
  const run = operand.run;
  return expr.test === "missing" ? (f) => run(f) === null : (f) => run(f) !== null;
};

function atLeast(items: readonly Closure[], n: number): Closure {
  if (n <= 0) return () => true;
  const count = items.length;
  return (f) => {
    let yes = 0;
    let unknown = 0;
    for (let i = 0; i < count; i++) {
      const v = (items[i] as Closure)(f);
      if (v === true) {
        if (++yes >= n) return true;
      } else if (v === null) {
        unknown++;
      }
    }
    // Even counting every unknown item as yes would not reach n: decided false.
    return yes + unknown < n ? false : null;
  };
}

/** The same over items that are all frame reads (criteria, fields): no calls at all. */
function atLeastOfSlots(slots: readonly number[], n: number): Closure {
  if (n <= 0) return () => true;
  const count = slots.length;
  return (f) => {
    const values = f.values;
    let yes = 0;
    let unknown = 0;
    for (let i = 0; i < count; i++) {
      const v = values[slots[i] as number];
      if (v === true) {
        if (++yes >= n) return true;
      } else if (v === null) {
        unknown++;
      }
    }
    return yes + unknown < n ? false : null;
  };
}

/** `at least N of`, `all of`, `any of`, `none of`, `count of`. */
export const compileQuantifier: OperatorCompiler<"quantifier"> = (expr, ctx) => {
  const compiled = expr.items.map((item) => ctx.compile(item));
  const slots = compiled.every((c) => c.slot !== undefined) ? compiled.map((c) => c.slot as number) : undefined;
  const items = compiled.map((c) => c.run);
  const some = (n: number): Closure => (slots !== undefined ? atLeastOfSlots(slots, n) : atLeast(items, n));
  switch (expr.quantifier) {
    case "atLeast":
      return some(expr.n ?? 0);
    case "all":
      return some(items.length);
    case "any":
      return some(1);
    case "none": {
      const any = some(1);
      return (f) => {
        const a = any(f);
        return a === null ? null : !a;
      };
    }
    case "count": {
      const count = items.length;
      if (slots !== undefined) {
        return (f) => {
          const values = f.values;
          let yes = 0;
          for (let i = 0; i < count; i++) if (values[slots[i] as number] === true) yes++;
          return yes;
        };
      }
      return (f) => {
        let yes = 0;
        for (let i = 0; i < count; i++) if ((items[i] as Closure)(f) === true) yes++;
        return yes;
      };
    }
  }
};
