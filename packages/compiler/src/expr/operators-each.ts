import type { Closure, Frame, Value } from "../runtime/frame.js";
import { finiteOrUnknown } from "../runtime/values.js";
import type { OperatorCompiler } from "./compiled.js";
import { constantClosure } from "./compiled.js";

/*
 * Aggregates over lists (`count of activities where kind = "webinar"`).
 * The closure sets `frame.element` to each element in turn so the `where`
 * and `value` closures (`element` reads) see it, and puts the outer element
 * back before returning, whatever the exit, so nested aggregates compose.
 * Meaning, element by element: grammar/reference.md, "Lists of records".
 */

type Elements = readonly Value[];

/** Reads one field path of the visited element; a missing record on the way reads as unknown. */
export const compileElement: OperatorCompiler<"element"> = (expr) => {
  const path = expr.path;
  if (path.length === 0) return (f) => f.element;
  if (path.length === 1) {
    const name = path[0] as string;
    return (f) => ((f.element as Record<string, Value> | null)?.[name] ?? null);
  }
  return (f) => {
    let v: Value = f.element;
    for (let i = 0; i < path.length && v !== null; i++) v = (v as Record<string, Value>)[path[i] as string] ?? null;
    return v;
  };
};

/** Counts the elements whose test is true (T) and unknown (U), stopping once `enough` are true. */
function tally(f: Frame, list: Elements, where: Closure, enough: number, out: { yes: number; unknown: number }): void {
  const outer = f.element;
  let yes = 0;
  let unknown = 0;
  for (let i = 0; i < list.length && yes < enough; i++) {
    f.element = list[i] as Value;
    const v = where(f);
    if (v === true) yes++;
    else if (v === null) unknown++;
  }
  f.element = outer;
  out.yes = yes;
  out.unknown = unknown;
}

/**
 * The numbers (or dates) an aggregate combines: the `value` of each element
 * whose test is true, or null when a test or a chosen value is unknown.
 */
function chosenValues(f: Frame, list: Elements, where: Closure | undefined, value: Closure | undefined): number[] | null {
  const outer = f.element;
  const out: number[] = [];
  let known = true;
  for (let i = 0; i < list.length; i++) {
    f.element = list[i] as Value;
    if (where !== undefined) {
      const w = where(f);
      if (w === null) { known = false; break; }
      if (w === false) continue;
    }
    const v = value === undefined ? f.element : value(f);
    if (v === null) { known = false; break; }
    out.push(v as number);
  }
  f.element = outer;
  return known ? out : null;
}

function combine(aggregate: "sum" | "min" | "max" | "avg", values: readonly number[]): number | null {
  const n = values.length;
  if (aggregate === "sum" || aggregate === "avg") {
    if (aggregate === "avg" && n === 0) return null;
    let total = 0;
    for (let i = 0; i < n; i++) total += values[i] as number;
    return finiteOrUnknown(aggregate === "sum" ? total : total / n);
  }
  if (n === 0) return null;
  let best = values[0] as number;
  for (let i = 1; i < n; i++) {
    const x = values[i] as number;
    if (aggregate === "max" ? x > best : x < best) best = x;
  }
  return best;
}

/** `count of`, `any of`, `all of`, `none of`, `at least N of`, `sum`/`avg`/`min`/`max` (`latest`/`earliest`) of a list. */
export const compileEach: OperatorCompiler<"each"> = (expr, ctx) => {
  const list = ctx.compile(expr.list).run;
  const where = expr.where === undefined ? undefined : ctx.compile(expr.where).run;
  const value = expr.value === undefined ? undefined : ctx.compile(expr.value).run;
  const aggregate = expr.aggregate;
  const read = (f: Frame): Elements | null => list(f) as Elements | null;

  switch (aggregate) {
    case "sum":
    case "min":
    case "max":
    case "avg":
      return (f) => {
        const elements = read(f);
        if (elements === null) return null;
        const values = chosenValues(f, elements, where, value);
        return values === null ? null : combine(aggregate, values);
      };
    case "count":
      if (where === undefined) {
        return (f) => {
          const elements = read(f);
          return elements === null ? null : elements.length;
        };
      }
      return (f) => {
        const elements = read(f);
        if (elements === null) return null;
        const counts = { yes: 0, unknown: 0 };
        tally(f, elements, where, Infinity, counts);
        return counts.yes;
      };
    default: {
      const test = where ?? constantClosure(true);
      const counts = { yes: 0, unknown: 0 };
      // What each quantifier needs, in T (true) and U (unknown) of n elements.
      const decide = (n: number, threshold: (n: number) => number): boolean | null => {
        const need = threshold(n);
        if (counts.yes >= need) return true;
        return counts.yes + counts.unknown < need ? false : null;
      };
      const threshold: (n: number) => number =
        aggregate === "all" ? (n) => n : aggregate === "atLeast" ? () => expr.n ?? 0 : () => 1;
      return (f) => {
        const elements = read(f);
        if (elements === null) return null;
        const need = threshold(elements.length);
        tally(f, elements, test, need, counts);
        const held = decide(elements.length, threshold);
        return aggregate === "none" ? (held === null ? null : !held) : held;
      };
    }
  }
};
