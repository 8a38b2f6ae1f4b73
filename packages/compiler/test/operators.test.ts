import type { Expr } from "@qualify/ir";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { E, field, model, T } from "./ir-builders.js";

const NOW = Date.parse("2026-11-01T00:00:00Z");
const inputs = [
  field("n", T.number, { optional: true }),
  field("m", T.number, { optional: true }),
  field("t", T.text, { optional: true }),
  field("b", T.bool, { optional: true }),
  field("d", T.date, { optional: true }),
  field("l", T.list(T.text), { optional: true }),
];
const n = E.field("n", T.number);
const m = E.field("m", T.number);
const t = E.field("t", T.text);
const b = E.field("b", T.bool);
const d = E.field("d", T.date);
const l = E.field("l", T.list(T.text));

/** Evaluates one expression on a lead, as a criterion (bool) or a computed score (number), with its `missing`. */
function run(expr: Expr, lead: Record<string, unknown>): { value: unknown; missing: readonly string[] | undefined } {
  const isBool = expr.type.kind === "bool";
  const ir = model({
    inputs,
    criteria: isBool ? [{ id: "x", label: "X", expr }] : [],
    scores: isBool ? [] : [{ kind: "computed", id: "x", label: "X", expr }],
  });
  const result = compile(ir).evaluate(lead, { now: NOW });
  const value = isBool ? result.criteria["x"] : result.scores["x"];
  return { value, missing: result.unknown.find((u) => u.id === "x")?.missing };
}

const value = (expr: Expr, lead: Record<string, unknown> = {}): unknown => run(expr, lead).value;

describe("three-valued logic", () => {
  it.each([
    [true, true, true, true],
    [true, false, false, true],
    [true, null, null, true],
    [false, null, false, null],
    [null, null, null, null],
    [false, false, false, false],
  ])("%s and/or %s is %s / %s", (x, y, and, or) => {
    const lead = { b: x, n: y === null ? null : 1 };
    const right = E.cmp("=", n, E.num(y === true ? 1 : 2));
    expect(value(E.and(b, right), lead)).toBe(and);
    expect(value(E.or(b, right), lead)).toBe(or);
    expect(value(E.and(right, b), lead)).toBe(and);
    expect(value(E.or(right, b), lead)).toBe(or);
  });

  it("negates unknown to unknown", () => {
    expect(value(E.not(b), {})).toBeNull();
    expect(value(E.not(b), { b: false })).toBe(true);
  });
});

describe("operators with an unknown operand are unknown and name the missing field", () => {
  const cases: [string, Expr][] = [
    ["compare", E.cmp(">=", n, E.num(3))],
    ["text equality", E.cmp("=", t, E.text("CEO"))],
    ["in", E.inList(t, E.texts("a", "b"))],
    ["not in", E.inList(t, E.texts("a"), true)],
    ["contains on text", { kind: "contains", container: t, item: E.text("x"), type: T.bool }],
    ["contains on a list", { kind: "contains", container: l, item: E.text("x"), type: T.bool }],
    ["starts with", { kind: "startsWith", text: t, affix: E.text("x"), type: T.bool }],
    ["ends with", { kind: "endsWith", text: t, affix: E.text("x"), type: T.bool }],
    ["between", { kind: "between", value: n, low: E.num(1), high: E.num(5), type: T.bool }],
    ["matches", { kind: "matches", text: t, pattern: "^a", type: T.bool }],
    ["within", { kind: "within", date: d, days: E.num(30), type: T.bool }],
    ["arithmetic", E.arith("+", n, E.num(1))],
    ["negation", { kind: "negate", operand: n, type: T.number }],
    ["a function", E.call("abs", [n])],
    ["min", E.call("min", [E.num(1), n])],
    ["count", E.call("count", [l])],
    ["len", E.call("len", [t])],
    ["days_since", E.call("days_since", [d])],
    ["decay", E.call("decay", [n, E.num(30)])],
    ["if with an unknown condition", { kind: "if", condition: b, then: E.num(1), else: E.num(2), type: T.number }],
  ];
  it.each(cases)("%s", (_name, expr) => {
    const result = run(expr, {});
    expect(result.value).toBeNull();
    expect(result.missing?.length).toBe(1);
    expect(["n", "t", "l", "d", "b"]).toContain(result.missing?.[0]);
  });
});

describe("operators that look through unknown", () => {
  it("is missing / is present are always known", () => {
    expect(value({ kind: "presence", test: "missing", operand: n, type: T.bool }, {})).toBe(true);
    expect(value({ kind: "presence", test: "present", operand: n, type: T.bool }, { n: 0 })).toBe(true);
    expect(value({ kind: "presence", test: "missing", operand: E.arith("/", E.num(1), n), type: T.bool }, { n: 0 })).toBe(true);
  });

  it("?? takes the second operand when the first is unknown", () => {
    expect(value({ kind: "coalesce", left: n, right: E.num(7), type: T.number }, {})).toBe(7);
    expect(value({ kind: "coalesce", left: n, right: E.num(7), type: T.number }, { n: 2 })).toBe(2);
    const both = run({ kind: "coalesce", left: n, right: m, type: T.number }, {});
    expect(both).toEqual({ value: null, missing: ["n", "m"] });
  });

  it("count of counts yes items and is always known", () => {
    const items = [E.cmp(">", n, E.num(0)), E.cmp(">", m, E.num(0)), b];
    expect(value(E.count(items), { n: 1, b: true })).toBe(2);
    expect(value(E.count(items), {})).toBe(0);
  });

  it("at least N of is true at N yes, false when unknowns cannot reach N, else unknown", () => {
    const items = [E.cmp(">", n, E.num(0)), E.cmp(">", m, E.num(0)), b];
    expect(value(E.atLeast(2, items), { n: 1, m: 1 })).toBe(true);
    expect(value(E.atLeast(2, items), { n: 0, m: 0 })).toBe(false);
    expect(run(E.atLeast(2, items), { n: 1 })).toEqual({ value: null, missing: ["m", "b"] });
    expect(value(E.atLeast(2, items), { n: 0, m: 0, b: true })).toBe(false);
    const all: Expr = { kind: "quantifier", quantifier: "all", items, type: T.bool };
    const none: Expr = { kind: "quantifier", quantifier: "none", items, type: T.bool };
    expect(value(all, { n: 1, m: 1, b: true })).toBe(true);
    expect(value(all, { n: 1, m: 0 })).toBe(false);
    expect(value(none, { n: 0, m: 0, b: false })).toBe(true);
    expect(value(none, { n: 0 })).toBeNull();
    expect(value(none, { b: true })).toBe(false);
  });
});

describe("arithmetic never produces NaN or Infinity", () => {
  it("division by zero is unknown with nothing missing", () => {
    expect(run(E.arith("/", E.num(1), n), { n: 0 })).toEqual({ value: null, missing: [] });
    expect(run(E.arith("/", n, E.num(0)), { n: 5 })).toEqual({ value: null, missing: [] });
  });

  it("overflow is unknown", () => {
    expect(value(E.arith("*", n, n), { n: 1e200 })).toBeNull();
  });

  it("decay with a zero half-life is unknown; otherwise 0.5 ^ (d / h)", () => {
    expect(value(E.call("decay", [n, m]), { n: 10, m: 0 })).toBeNull();
    expect(value(E.call("decay", [n, m]), { n: 30, m: 15 })).toBe(0.25);
  });

  it("round halves away from zero", () => {
    expect(value(E.call("round", [n]), { n: 2.5 })).toBe(3);
    expect(value(E.call("round", [n]), { n: -2.5 })).toBe(-3);
    expect(value(E.call("round", [n]), { n: -2.4 })).toBe(-2);
  });

  it("min and max are variadic", () => {
    expect(value(E.call("min", [n, m, E.num(4)]), { n: 9, m: -1 })).toBe(-1);
    expect(value(E.call("max", [n, m, E.num(4)]), { n: 9, m: -1 })).toBe(9);
  });
});

describe("text matching ignores case", () => {
  it.each([
    [E.cmp("=", t, E.text("ceo")), { t: "CEO" }, true],
    [E.cmp("!=", t, E.text("ceo")), { t: "Ceo" }, false],
    [E.inList(t, E.texts("CEO", "CFO")), { t: "cfo" }, true],
    [{ kind: "contains", container: t, item: E.text("GMAIL"), type: T.bool } as Expr, { t: "x@gmail.com" }, true],
    [{ kind: "contains", container: l, item: E.text("CHURN"), type: T.bool } as Expr, { l: ["Churn"] }, true],
    [{ kind: "startsWith", text: t, affix: E.text("dir"), type: T.bool } as Expr, { t: "Director" }, true],
    [{ kind: "endsWith", text: t, affix: E.text("@Gmail.com"), type: T.bool } as Expr, { t: "a@GMAIL.COM" }, true],
    [{ kind: "matches", text: t, pattern: "^vp\\b", type: T.bool } as Expr, { t: "VP Sales" }, true],
  ])("%#", (expr, lead, expected) => {
    expect(value(expr, lead)).toBe(expected);
  });

  it("compares two varying texts ignoring case too", () => {
    const both = { kind: "compare", op: "=", left: t, right: { kind: "call", fn: "upper", args: [t], type: T.text }, type: T.bool } as Expr;
    expect(value(both, { t: "MiXed" })).toBe(true);
  });
});

describe("dates and the evaluation time", () => {
  it("measures days_since and days_until from now, fractional for timestamps", () => {
    expect(value(E.call("days_since", [d]), { d: "2026-10-30" })).toBe(2);
    expect(value(E.call("days_until", [d]), { d: "2026-10-30" })).toBe(-2);
    expect(value(E.call("days_since", [d]), { d: "2026-10-31T12:00:00Z" })).toBe(0.5);
  });

  it("within N days is 0 <= days_since <= N", () => {
    const within: Expr = { kind: "within", date: d, days: E.num(30), type: T.bool };
    expect(value(within, { d: "2026-10-02" })).toBe(true);
    expect(value(within, { d: "2026-11-01" })).toBe(true);
    expect(value(within, { d: "2026-10-01T23:59:59Z" })).toBe(false);
    expect(value(within, { d: "2026-11-02" })).toBe(false);
  });

  it("reads date literals as midnight UTC and compares them with lead dates", () => {
    expect(value(E.cmp("<", d, E.date("2026-01-01")), { d: "2025-12-31T23:59:59Z" })).toBe(true);
    expect(value(E.cmp("=", d, E.date("2026-01-01")), { d: new Date(Date.UTC(2026, 0, 1)) })).toBe(true);
  });
});
