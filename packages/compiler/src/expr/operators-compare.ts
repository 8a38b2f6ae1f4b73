import { compileTextPattern } from "@qualify/ir";
import type { CompareOp, TextPattern } from "@qualify/ir";
import { IRFormatError } from "../errors.js";
import type { Closure, Value } from "../runtime/frame.js";
import { foldCase } from "../runtime/text.js";
import { equalValues } from "../runtime/values.js";
import type { Compiled, OperatorCompiler } from "./compiled.js";
import { constantClosure, isTextType } from "./compiled.js";

/*
 * Comparisons and tests. Every one is unknown when an operand is unknown.
 * Text compares ignoring case, so constant text is folded here, once; the
 * common shapes (a field or value against a constant) get their own closures.
 */

type Order = (a: number, b: number) => boolean;

function orderAgainstConstant(op: CompareOp, left: Compiled, c: number): Closure {
  if (left.slot !== undefined) {
    const s = left.slot;
    switch (op) {
      case "<":
        return (f) => { const a = f.values[s] ?? null; return a === null ? null : (a as number) < c; };
      case "<=":
        return (f) => { const a = f.values[s] ?? null; return a === null ? null : (a as number) <= c; };
      case ">":
        return (f) => { const a = f.values[s] ?? null; return a === null ? null : (a as number) > c; };
      case ">=":
        return (f) => { const a = f.values[s] ?? null; return a === null ? null : (a as number) >= c; };
      case "=":
        return (f) => { const a = f.values[s] ?? null; return a === null ? null : a === c; };
      case "!=":
        return (f) => { const a = f.values[s] ?? null; return a === null ? null : a !== c; };
    }
  }
  const l = left.run;
  switch (op) {
    case "<":
      return (f) => { const a = l(f); return a === null ? null : (a as number) < c; };
    case "<=":
      return (f) => { const a = l(f); return a === null ? null : (a as number) <= c; };
    case ">":
      return (f) => { const a = l(f); return a === null ? null : (a as number) > c; };
    case ">=":
      return (f) => { const a = l(f); return a === null ? null : (a as number) >= c; };
    case "=":
      return (f) => { const a = l(f); return a === null ? null : a === c; };
    case "!=":
      return (f) => { const a = l(f); return a === null ? null : a !== c; };
  }
}

const ORDERS: Record<"<" | "<=" | ">" | ">=", Order> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

const MIRRORED: Record<CompareOp, CompareOp> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "!=": "!=" };

/** `=`, `!=`, `<`, `<=`, `>`, `>=`. */
export const compileCompare: OperatorCompiler<"compare"> = (expr, ctx) => {
  const left = ctx.compile(expr.left);
  const right = ctx.compile(expr.right);
  const op = expr.op;
  if (left.constant && left.value === null) return constantClosure(null);
  if (right.constant && right.value === null) return constantClosure(null);
  const textual = isTextType(expr.left) || isTextType(expr.right);

  if (op === "=" || op === "!=") {
    const negated = op === "!=";
    if (textual) {
      const [varying, fixed] = right.constant ? [left, right] : left.constant ? [right, left] : [left, undefined];
      if (fixed !== undefined) {
        const declared = fixed.value as string;
        const c = foldCase(declared);
        const folded = ctx.foldedSlot(varying === left ? expr.left : expr.right);
        if (folded !== undefined) {
          return (f) => {
            const a = f.values[folded] ?? null;
            return a === null ? null : (a === c) !== negated;
          };
        }
        const run = varying.run;
        return (f) => {
          const a = run(f);
          if (a === null) return null;
          return (a === declared || a === c || foldCase(a as string) === c) !== negated;
        };
      }
    } else if (typeof right.value === "number" || typeof right.value === "boolean") {
      if (right.constant && typeof right.value === "number") return orderAgainstConstant(op, left, right.value);
      if (right.constant) {
        const c = right.value;
        const run = left.run;
        return (f) => { const a = run(f); return a === null ? null : (a === c) !== negated; };
      }
    }
    const l = left.run;
    const r = right.run;
    return (f) => {
      const a = l(f);
      if (a === null) return null;
      const b = r(f);
      return b === null ? null : equalValues(a, b) !== negated;
    };
  }

  if (right.constant && typeof right.value === "number") return orderAgainstConstant(op, left, right.value);
  if (left.constant && typeof left.value === "number") return orderAgainstConstant(MIRRORED[op], right, left.value);
  const order = ORDERS[op];
  const l = left.run;
  const r = right.run;
  if (textual) {
    return (f) => {
      const a = l(f);
      if (a === null) return null;
      const b = r(f);
      if (b === null) return null;
      const x = foldCase(a as string);
      const y = foldCase(b as string);
      return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
    };
  }
  return (f) => {
    const a = l(f);
    if (a === null) return null;
    const b = r(f);
    return b === null ? null : order(a as number, b as number);
  };
};

/** The key a constant list member is looked up by: text folded, numbers, dates and booleans as they are. */
function memberKey(value: Value): Value {
  return typeof value === "string" ? foldCase(value) : value;
}

/** `X in LIST`, `X not in LIST`. A constant list becomes a Set of folded keys. */
export const compileIn: OperatorCompiler<"in"> = (expr, ctx) => {
  const item = ctx.compile(expr.item).run;
  const list = ctx.compile(expr.list);
  const negated = expr.negated;
  if (list.constant) {
    if (list.value === null) return constantClosure(null);
    const members = list.value as readonly Value[];
    if (members.every((m) => typeof m !== "object")) {
      const keys = new Set(members.map(memberKey));
      if (isTextType(expr.item)) {
        // The declared spellings are keys too: text written as declared ("CEO") is found without
        // folding it (folding allocates). Each of them folds to a key, so this changes no answer.
        const folded = ctx.foldedSlot(expr.item);
        if (folded !== undefined) {
          return (f) => {
            const a = f.values[folded] ?? null;
            return a === null ? null : keys.has(a) !== negated;
          };
        }
        const exact = new Set<Value>([...keys, ...members]);
        return (f) => {
          const a = item(f);
          if (a === null) return null;
          return (exact.has(a) || keys.has(foldCase(a as string))) !== negated;
        };
      }
      return (f) => {
        const a = item(f);
        return a === null ? null : keys.has(a) !== negated;
      };
    }
  }
  if (expr.list.kind === "list") {
    // A list written in place with varying items: search the items without building the list.
    const items = expr.list.items.map((i) => ctx.compile(i).run);
    return (f) => {
      const a = item(f);
      if (a === null) return null;
      let found = false;
      for (let i = 0; i < items.length; i++) {
        const v = (items[i] as Closure)(f);
        if (v === null) return null;
        if (!found && equalValues(a, v)) found = true;
      }
      return found !== negated;
    };
  }
  const l = list.run;
  return (f) => {
    const a = item(f);
    if (a === null) return null;
    const b = l(f) as readonly Value[] | null;
    if (b === null) return null;
    for (let i = 0; i < b.length; i++) if (equalValues(a, b[i] as Value)) return !negated;
    return negated;
  };
};

/** `TEXT contains "s"` (substring) or `LIST contains X` (element). */
export const compileContains: OperatorCompiler<"contains"> = (expr, ctx) => {
  const container = ctx.compile(expr.container).run;
  const item = ctx.compile(expr.item);
  if (item.constant && item.value === null) return constantClosure(null);
  if (expr.item.type.kind === "list") {
    if (expr.container.type.kind === "list") return listSharesAny(container, item);
    return textTestAny(container, ctx.foldedSlot(expr.container), item, (text, part) => text.includes(part));
  }
  if (expr.container.type.kind === "list") {
    if (item.constant && typeof item.value === "string") {
      const c = foldCase(item.value);
      return (f) => {
        const list = container(f) as readonly Value[] | null;
        if (list === null) return null;
        for (let i = 0; i < list.length; i++) {
          const v = list[i];
          if (typeof v === "string" && foldCase(v) === c) return true;
        }
        return false;
      };
    }
    const run = item.run;
    return (f) => {
      const list = container(f) as readonly Value[] | null;
      if (list === null) return null;
      const x = run(f);
      if (x === null) return null;
      for (let i = 0; i < list.length; i++) if (equalValues(list[i] as Value, x)) return true;
      return false;
    };
  }
  return textTest(container, ctx.foldedSlot(expr.container), item, (text, part) => text.includes(part));
};

function textTest(text: Closure, folded: number | undefined, affix: Compiled, test: (text: string, part: string) => boolean): Closure {
  if (affix.constant) {
    const c = foldCase(affix.value as string);
    if (folded !== undefined) {
      return (f) => {
        const a = f.values[folded] ?? null;
        return a === null ? null : test(a as string, c);
      };
    }
    return (f) => {
      const a = text(f);
      return a === null ? null : test(foldCase(a as string), c);
    };
  }
  const run = affix.run;
  return (f) => {
    const a = text(f);
    if (a === null) return null;
    const b = run(f);
    return b === null ? null : test(foldCase(a as string), foldCase(b as string));
  };
}

/**
 * `TEXT starts with any of LIST` and the like: true when the test holds for
 * some element (none for an empty list), unknown when the text or the list
 * is. A constant list is folded once.
 */
function textTestAny(text: Closure, folded: number | undefined, parts: Compiled, test: (text: string, part: string) => boolean): Closure {
  const read: Closure = folded !== undefined ? (f) => f.values[folded] ?? null : (f) => {
    const a = text(f);
    return a === null ? null : foldCase(a as string);
  };
  if (parts.constant) {
    const fixed = (parts.value as readonly string[]).map(foldCase);
    const n = fixed.length;
    return (f) => {
      const a = read(f) as string | null;
      if (a === null) return null;
      for (let i = 0; i < n; i++) if (test(a, fixed[i] as string)) return true;
      return false;
    };
  }
  const run = parts.run;
  return (f) => {
    const a = read(f) as string | null;
    if (a === null) return null;
    const list = run(f) as readonly string[] | null;
    if (list === null) return null;
    for (let i = 0; i < list.length; i++) if (test(a, foldCase(list[i] as string))) return true;
    return false;
  };
}

/** `LIST contains any of LIST`: some element of the right equals an element of the left (text ignoring case). */
function listSharesAny(container: Closure, items: Compiled): Closure {
  const run = items.run;
  return (f) => {
    const list = container(f) as readonly Value[] | null;
    if (list === null) return null;
    const wanted = run(f) as readonly Value[] | null;
    if (wanted === null) return null;
    for (let i = 0; i < wanted.length; i++) {
      const w = wanted[i] as Value;
      for (let j = 0; j < list.length; j++) if (equalValues(list[j] as Value, w)) return true;
    }
    return false;
  };
}

/** `TEXT starts with "s"`, `TEXT ends with "s"`. */
export const compileAffix: OperatorCompiler<"startsWith" | "endsWith"> = (expr, ctx) => {
  const text = ctx.compile(expr.text).run;
  const affix = ctx.compile(expr.affix);
  if (affix.constant && affix.value === null) return constantClosure(null);
  const folded = ctx.foldedSlot(expr.text);
  if (expr.affix.type.kind === "list") {
    return expr.kind === "startsWith"
      ? textTestAny(text, folded, affix, (t, p) => t.startsWith(p))
      : textTestAny(text, folded, affix, (t, p) => t.endsWith(p));
  }
  return expr.kind === "startsWith"
    ? textTest(text, folded, affix, (t, p) => t.startsWith(p))
    : textTest(text, folded, affix, (t, p) => t.endsWith(p));
};

/** `X between A and B`, inclusive. */
export const compileBetween: OperatorCompiler<"between"> = (expr, ctx) => {
  const value = ctx.compile(expr.value);
  const low = ctx.compile(expr.low);
  const high = ctx.compile(expr.high);
  if (low.constant && high.constant) {
    if (low.value === null || high.value === null) return constantClosure(null);
    const lo = low.value as number;
    const hi = high.value as number;
    if (value.slot !== undefined) {
      const s = value.slot;
      return (f) => {
        const a = f.values[s] ?? null;
        return a === null ? null : (a as number) >= lo && (a as number) <= hi;
      };
    }
    const run = value.run;
    return (f) => {
      const a = run(f);
      return a === null ? null : (a as number) >= lo && (a as number) <= hi;
    };
  }
  const v = value.run;
  const l = low.run;
  const h = high.run;
  return (f) => {
    const a = v(f);
    if (a === null) return null;
    const lo = l(f);
    if (lo === null) return null;
    const hi = h(f);
    if (hi === null) return null;
    return (a as number) >= (lo as number) && (a as number) <= (hi as number);
  };
};

/** `TEXT matches "regex"`: unanchored search, ignoring case, on the linear-time engine. The pattern is data, never code. */
export const compileMatches: OperatorCompiler<"matches"> = (expr, ctx) => {
  let pattern: TextPattern;
  try {
    pattern = compileTextPattern(expr.pattern);
  } catch (error) {
    throw new IRFormatError(`The pattern ${JSON.stringify(expr.pattern)} cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = ctx.compile(expr.text).run;
  return (f) => {
    const a = text(f);
    return a === null ? null : pattern.test(a as string);
  };
};
