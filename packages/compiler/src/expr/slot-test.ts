import type { Expr } from "@qualify/ir";
import type { Compiled, ExprContext } from "./compiled.js";
import { isTextType } from "./compiled.js";

/**
 * The shapes most rule conditions take (`when trial_started`, `when
 * employees > 50`, `when size between 50 and 1000`) described as data, so
 * a loop over many rules can test them inline instead of calling a closure
 * per rule: a call through a shared, megamorphic site costs more than the
 * test itself.
 */
export const enum TestOp {
  /** No inline form: call the closure. */
  Call = 0,
  /** The slot holds `true`. */
  IsTrue = 1,
  Less = 2,
  LessOrEqual = 3,
  Greater = 4,
  GreaterOrEqual = 5,
  Equal = 6,
  NotEqual = 7,
  /** `low <= value <= high`. */
  Between = 8,
  /** No condition: always true. */
  Always = 9,
}

/** A condition as data: test `frame.values[slot]` against `a` (and `b`). */
export interface SlotTest {
  readonly op: TestOp;
  readonly slot: number;
  readonly a: number;
  readonly b: number;
}

const COMPARE_OPS = { "<": TestOp.Less, "<=": TestOp.LessOrEqual, ">": TestOp.Greater, ">=": TestOp.GreaterOrEqual, "=": TestOp.Equal, "!=": TestOp.NotEqual } as const;
const MIRRORED = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "!=": "!=" } as const;

function constantNumber(c: Compiled): number | undefined {
  return c.constant && typeof c.value === "number" ? c.value : undefined;
}

/** The inline form of a boolean condition, when it has one. */
export function slotTest(expr: Expr, ctx: ExprContext): SlotTest | undefined {
  const self = ctx.compile(expr);
  if (self.slot !== undefined && expr.type.kind === "bool") return { op: TestOp.IsTrue, slot: self.slot, a: 0, b: 0 };
  if (expr.kind === "compare" && !isTextType(expr.left) && !isTextType(expr.right)) {
    const left = ctx.compile(expr.left);
    const right = ctx.compile(expr.right);
    const r = constantNumber(right);
    if (left.slot !== undefined && r !== undefined) return { op: COMPARE_OPS[expr.op], slot: left.slot, a: r, b: 0 };
    const l = constantNumber(left);
    if (right.slot !== undefined && l !== undefined) return { op: COMPARE_OPS[MIRRORED[expr.op]], slot: right.slot, a: l, b: 0 };
  }
  if (expr.kind === "between") {
    const value = ctx.compile(expr.value);
    const low = constantNumber(ctx.compile(expr.low));
    const high = constantNumber(ctx.compile(expr.high));
    if (value.slot !== undefined && low !== undefined && high !== undefined) return { op: TestOp.Between, slot: value.slot, a: low, b: high };
  }
  return undefined;
}

/**
 * Runs an inline test: true, false, or null when the slot is unknown.
 * Small and monomorphic, so V8 inlines it into the loops that call it.
 */
export function runSlotTest(op: TestOp, v: unknown, a: number, b: number): boolean | null {
  if (v === null) return null;
  switch (op) {
    case TestOp.IsTrue:
      return v === true;
    case TestOp.Less:
      return (v as number) < a;
    case TestOp.LessOrEqual:
      return (v as number) <= a;
    case TestOp.Greater:
      return (v as number) > a;
    case TestOp.GreaterOrEqual:
      return (v as number) >= a;
    case TestOp.Equal:
      return v === a;
    case TestOp.NotEqual:
      return v !== a;
    case TestOp.Between:
      return (v as number) >= a && (v as number) <= b;
    default:
      return null;
  }
}
