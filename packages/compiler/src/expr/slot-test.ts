import type { Expr } from "@qualify/ir";
import type { Value } from "../runtime/frame.js";
import { foldCase } from "../runtime/text.js";
import type { Compiled, ExprContext } from "./compiled.js";
import { isTextType } from "./compiled.js";

/**
 * The shapes most conditions take (`when trial_started`, `employees > 50`,
 * `size between 50 and 1000`, `role in deciders`, `email ends with "@x"`,
 * `count(pains) > 0`, and `and` of those) described as data, so the loops
 * over criteria and rules test them inline instead of calling a closure per
 * condition: a call through a shared, megamorphic site costs more than the
 * test itself. Text is tested against the field's case-folded slot, which
 * the lead reader fills once per lead.
 */
export const enum TestOp {
  IsTrue = 1,
  IsFalse = 2,
  Less = 3,
  LessOrEqual = 4,
  Greater = 5,
  GreaterOrEqual = 6,
  Equal = 7,
  NotEqual = 8,
  TextEqual = 15,
  TextNotEqual = 16,
  /** `a <= value <= b`. */
  Between = 9,
  In = 10,
  NotIn = 11,
  StartsWith = 12,
  EndsWith = 13,
  Contains = 14,
  /**
   * `at least a of (...)` (also `all of`, `any of`) over boolean slots
   * (`slots`): true at `a` yeses, false when even every unknown counted as
   * yes stays below `a`, else unknown.
   */
  AtLeast = 17,
}

/**
 * A condition as data: `op` applied to `frame.values[slot]` (its length when
 * `length` is set) and the constants `a`, `b`, `text` or `set`; `next` is the
 * rest of an `and` chain. Every test has every property, so the objects share
 * one shape and the code that reads them stays monomorphic.
 */
export interface SlotTest {
  readonly op: TestOp;
  readonly slot: number;
  readonly length: boolean;
  readonly a: number;
  readonly b: number;
  readonly text: string;
  readonly set: ReadonlySet<Value> | null;
  /**
   * The members of a short `in` list, compared with `===` one by one: a Set
   * lookup hashes the freshly case-folded text of every lead, which costs more
   * than a few compares. Null for longer lists, which use `set`.
   */
  readonly members: readonly Value[] | null;
  /** The item slots of `AtLeast`; null for every other test. */
  readonly slots: readonly number[] | null;
  readonly next: SlotTest | null;
}

function test(op: TestOp, slot: number, parts: Partial<SlotTest> = {}): SlotTest {
  return {
    op,
    slot,
    length: parts.length ?? false,
    a: parts.a ?? 0,
    b: parts.b ?? 0,
    text: parts.text ?? "",
    set: parts.set ?? null,
    members: parts.members ?? null,
    slots: parts.slots ?? null,
    next: null,
  };
}

/** Up to this many members, `in` compares with each instead of looking up a Set. */
const SHORT_LIST_MAX = 8;

/** The `set` or `members` of an `in` test over these (distinct, folded) values. */
function membership(values: readonly Value[]): Partial<SlotTest> {
  const distinct = [...new Set(values)];
  return distinct.length <= SHORT_LIST_MAX ? { members: distinct } : { set: new Set(distinct) };
}

const NUMBER_OPS = { "<": TestOp.Less, "<=": TestOp.LessOrEqual, ">": TestOp.Greater, ">=": TestOp.GreaterOrEqual, "=": TestOp.Equal, "!=": TestOp.NotEqual } as const;
const MIRRORED = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "!=": "!=" } as const;

function constantNumber(c: Compiled): number | undefined {
  return c.constant && typeof c.value === "number" ? c.value : undefined;
}

function constantText(c: Compiled): string | undefined {
  return c.constant && typeof c.value === "string" ? c.value : undefined;
}

/** The slot a number test reads: a numeric field or reference, or the list under `count(...)`. */
function numericOperand(expr: Expr, ctx: ExprContext): { slot: number; length: boolean } | undefined {
  if (expr.kind === "call" && expr.fn === "count" && expr.args[0] !== undefined) {
    const list = ctx.compile(expr.args[0]);
    return list.slot === undefined ? undefined : { slot: list.slot, length: true };
  }
  const c = ctx.compile(expr);
  return c.slot === undefined || isTextType(expr) ? undefined : { slot: c.slot, length: false };
}

function chain(first: SlotTest, rest: SlotTest): SlotTest {
  return { ...first, next: first.next === null ? rest : chain(first.next, rest) };
}

function compareTest(expr: Expr & { kind: "compare" }, ctx: ExprContext): SlotTest | undefined {
  const left = ctx.compile(expr.left);
  const right = ctx.compile(expr.right);
  if (isTextType(expr.left) || isTextType(expr.right)) {
    if (expr.op !== "=" && expr.op !== "!=") return undefined;
    const [varying, fixed] = right.constant ? [expr.left, right] : [expr.right, left];
    const text = constantText(fixed);
    const slot = ctx.foldedSlot(varying);
    if (text === undefined || slot === undefined) return undefined;
    return test(expr.op === "=" ? TestOp.TextEqual : TestOp.TextNotEqual, slot, { text: foldCase(text) });
  }
  if (expr.left.type.kind === "bool" && right.constant && typeof right.value === "boolean" && left.slot !== undefined) {
    const wantsTrue = (expr.op === "=") === right.value;
    return expr.op === "=" || expr.op === "!=" ? test(wantsTrue ? TestOp.IsTrue : TestOp.IsFalse, left.slot) : undefined;
  }
  const r = constantNumber(right);
  const leftOperand = numericOperand(expr.left, ctx);
  if (r !== undefined && leftOperand !== undefined) return test(NUMBER_OPS[expr.op], leftOperand.slot, { length: leftOperand.length, a: r });
  const l = constantNumber(left);
  const rightOperand = numericOperand(expr.right, ctx);
  if (l !== undefined && rightOperand !== undefined) {
    return test(NUMBER_OPS[MIRRORED[expr.op]], rightOperand.slot, { length: rightOperand.length, a: l });
  }
  return undefined;
}

/** The inline form of a boolean condition, when it has one. */
export function slotTest(expr: Expr, ctx: ExprContext): SlotTest | undefined {
  const self = ctx.compile(expr);
  if (self.constant) return undefined;
  if (self.slot !== undefined && expr.type.kind === "bool") return test(TestOp.IsTrue, self.slot);
  switch (expr.kind) {
    case "not": {
      const operand = ctx.compile(expr.operand);
      return operand.slot !== undefined ? test(TestOp.IsFalse, operand.slot) : undefined;
    }
    case "and": {
      const left = slotTest(expr.left, ctx);
      const right = left === undefined ? undefined : slotTest(expr.right, ctx);
      return left !== undefined && right !== undefined ? chain(left, right) : undefined;
    }
    case "compare":
      return compareTest(expr, ctx);
    case "between": {
      const value = numericOperand(expr.value, ctx);
      const low = constantNumber(ctx.compile(expr.low));
      const high = constantNumber(ctx.compile(expr.high));
      if (value === undefined || low === undefined || high === undefined) return undefined;
      return test(TestOp.Between, value.slot, { length: value.length, a: low, b: high });
    }
    case "in": {
      const list = ctx.compile(expr.list);
      if (!list.constant || !Array.isArray(list.value)) return undefined;
      const members = list.value as readonly Value[];
      const op = expr.negated ? TestOp.NotIn : TestOp.In;
      if (isTextType(expr.item)) {
        const slot = ctx.foldedSlot(expr.item);
        if (slot === undefined || !members.every((m) => typeof m === "string")) return undefined;
        return test(op, slot, membership(members.map((m) => foldCase(m as string))));
      }
      const item = ctx.compile(expr.item);
      if (item.slot === undefined || !members.every((m) => typeof m === "number" || typeof m === "boolean")) return undefined;
      return test(op, item.slot, membership(members));
    }
    case "quantifier": {
      if (expr.quantifier !== "atLeast" && expr.quantifier !== "all" && expr.quantifier !== "any") return undefined;
      const items = expr.items.map((item) => ctx.compile(item));
      if (items.length === 0 || !expr.items.every((item) => item.type.kind === "bool")) return undefined;
      if (!items.every((item) => item.slot !== undefined)) return undefined;
      const slots = items.map((item) => item.slot as number);
      const n = expr.quantifier === "all" ? slots.length : expr.quantifier === "any" ? 1 : (expr.n ?? 0);
      // `at least 0 of` is always true: folded by the closure compiler, never a test.
      if (n <= 0) return undefined;
      return test(TestOp.AtLeast, slots[0] as number, { a: n, slots });
    }
    case "startsWith":
    case "endsWith":
    case "contains": {
      const [subject, part] = expr.kind === "contains" ? [expr.container, expr.item] : [expr.text, expr.affix];
      const text = constantText(ctx.compile(part));
      const slot = isTextType(subject) ? ctx.foldedSlot(subject) : undefined;
      if (text === undefined || slot === undefined) return undefined;
      const op = expr.kind === "startsWith" ? TestOp.StartsWith : expr.kind === "endsWith" ? TestOp.EndsWith : TestOp.Contains;
      return test(op, slot, { text: foldCase(text) });
    }
    default:
      return undefined;
  }
}

function isMember(members: readonly Value[], v: Value): boolean {
  // Folded text is a fresh string: `===` with a member is a call that compares
  // characters. Lengths first skips the call for most members.
  if (typeof v === "string") {
    const n = v.length;
    for (let i = 0; i < members.length; i++) {
      const m = members[i] as string;
      if (m.length === n && m === v) return true;
    }
    return false;
  }
  for (let i = 0; i < members.length; i++) if (members[i] === v) return true;
  return false;
}

function atLeastOf(t: SlotTest, values: readonly Value[]): boolean | null {
  const slots = t.slots as readonly number[];
  const n = t.a;
  let yes = 0;
  let unknown = 0;
  for (let i = 0; i < slots.length; i++) {
    const v = values[slots[i] as number] ?? null;
    if (v === true) {
      if (++yes >= n) return true;
    } else if (v === null) {
      unknown++;
    }
  }
  return yes + unknown < n ? false : null;
}

/**
 * One test of a chain: true, false, or null when the slot is unknown. The
 * cases are number literals: under isolatedModules TypeScript emits
 * `TestOp.X` as a property load, which this hottest switch should not pay.
 * `values` is the whole frame, for the tests over several slots.
 */
export function runOne(t: SlotTest, value: Value, values: readonly Value[]): boolean | null {
  if (t.op === 17 /* TestOp.AtLeast */) return atLeastOf(t, values);
  if (value === null) return null;
  const v = t.length ? (value as readonly Value[]).length : value;
  switch (t.op) {
    case 1 /* TestOp.IsTrue */:
      return v === true;
    case 2 /* TestOp.IsFalse */:
      return v === false;
    case 3 /* TestOp.Less */:
      return (v as number) < t.a;
    case 4 /* TestOp.LessOrEqual */:
      return (v as number) <= t.a;
    case 5 /* TestOp.Greater */:
      return (v as number) > t.a;
    case 6 /* TestOp.GreaterOrEqual */:
      return (v as number) >= t.a;
    case 7 /* TestOp.Equal */:
      return v === t.a;
    case 8 /* TestOp.NotEqual */:
      return v !== t.a;
    case 15 /* TestOp.TextEqual */:
      return v === t.text;
    case 16 /* TestOp.TextNotEqual */:
      return v !== t.text;
    case 9 /* TestOp.Between */:
      return (v as number) >= t.a && (v as number) <= t.b;
    case 10 /* TestOp.In */:
      return t.members !== null ? isMember(t.members, v) : (t.set as ReadonlySet<Value>).has(v);
    case 11 /* TestOp.NotIn */:
      return t.members !== null ? !isMember(t.members, v) : !(t.set as ReadonlySet<Value>).has(v);
    case 12 /* TestOp.StartsWith */:
      return (v as string).startsWith(t.text);
    case 13 /* TestOp.EndsWith */:
      return (v as string).endsWith(t.text);
    case 14 /* TestOp.Contains */:
      return (v as string).includes(t.text);
    default:
      return null;
  }
}

/**
 * Runs a test (an `and` chain with three-valued logic: false wins, then
 * unknown): true, false, or null when unknown.
 */
export function runSlotTest(t: SlotTest, values: readonly Value[]): boolean | null {
  // Most conditions are one test: skip the chain loop and its three-valued bookkeeping.
  if (t.next === null) return runOne(t, values[t.slot] ?? null, values);
  let result: boolean | null = true;
  for (let part: SlotTest | null = t; part !== null; part = part.next) {
    const r = runOne(part, values[part.slot] ?? null, values);
    if (r === false) return false;
    if (r === null) result = null;
  }
  return result;
}
