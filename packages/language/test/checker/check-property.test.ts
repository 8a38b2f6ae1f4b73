import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Expr as IrExpr, ModelIR } from "@qualify/ir";
import type * as A from "../../src/ast.js";
import { check } from "../../src/checker/check.js";
import * as b from "./ast-builder.js";

const NAMES = ["n", "t", "b", "d", "l", "c", "r", "r.x", "r.nope", "t.x", "k", "v", "crit", "pts", "grp", "lead", "zz", "ev", "ev.w", "w", "q", "sub", "z", "s"];
const FUNCTIONS = ["count", "len", "min", "max", "abs", "round", "lower", "upper", "days_since", "days_until", "decay", "domain", "trim", "length", "nope"];
const SOURCES = ["ev", "ev.w", "ev.q", "ev.nope", "sub", "nums", "l", "s", "n", "crit", "r.x", "zz"];
const AGGREGATES: A.AggregateWord[] = ["atLeast", "all", "any", "none", "count", "sum", "min", "max", "avg", "latest", "earliest"];
const PATTERNS = ["^a", "(a+)+", "[", "(\\w+\\s?)*", "(a|b)*", "x{2,}"];
const BINARY: A.BinaryOp[] = [
  "or", "and", "=", "!=", "<", "<=", ">", ">=", "in", "not in", "contains", "starts with", "ends with",
  "contains any of", "starts with any of", "ends with any of", "??", "+", "-", "*", "/",
];

/** Any expression over the model's names, typed or not, sometimes with holes the parser leaves. */
const anyExpr: fc.Arbitrary<A.Expr> = fc.letrec<{ expr: A.Expr }>((tie) => {
  const sub = tie("expr");
  const maybe = fc.option(sub, { nil: undefined, freq: 8 });
  return {
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.integer({ min: -5, max: 20 }).map(b.num),
      fc.constantFrom("a", "B", "x").map(b.str),
      fc.boolean().map(b.bool),
      fc.constantFrom("2026-01-31", "2026-02-30", "2024-02-29").map(b.date),
      fc.constantFrom(...NAMES).map(b.ref),
      fc.array(sub, { maxLength: 3 }).map((items) => b.list(...items)),
      fc.tuple(sub, fc.constantFrom(...BINARY), maybe).map(([l, op, r]): A.Expr => ({ ...b.bin(l, op, l), right: r })),
      fc.tuple(fc.constantFrom("not", "-", "+") as fc.Arbitrary<A.UnaryExpr["op"]>, sub).map(([op, e]) => b.unary(op, e)),
      fc.tuple(sub, maybe, maybe).map(([operand, low, high]): A.Expr => ({ kind: "BetweenExpr", operand, low, high, range: b.nextRange() })),
      fc.tuple(sub, fc.constantFrom(...PATTERNS)).map(([operand, p]): A.Expr => ({ kind: "MatchesExpr", operand, pattern: b.str(p), range: b.nextRange() })),
      fc.tuple(sub, fc.constantFrom("missing", "present") as fc.Arbitrary<"missing" | "present">).map(([operand, test]): A.Expr => ({ kind: "PresenceExpr", operand, test, range: b.nextRange() })),
      fc.tuple(sub, maybe).map(([operand, days]): A.Expr => ({ kind: "WithinExpr", operand, days, range: b.nextRange() })),
      fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(sub, { maxLength: 3 })).map(([f, args]) => b.call(f, ...args)),
      fc.tuple(maybe, maybe, maybe).map(([condition, then, otherwise]): A.Expr => ({ kind: "IfExpr", condition, then, else: otherwise, range: b.nextRange() })),
      fc.tuple(fc.constantFrom("atLeast", "all", "any", "none", "count") as fc.Arbitrary<A.QuantifierExpr["quantifier"]>, fc.array(sub, { maxLength: 4 }), sub).map(
        ([q, items, n]) => b.quant(q, items, q === "atLeast" ? n : undefined),
      ),
      maybe.map((inner): A.Expr => ({ kind: "ParenExpr", inner, range: b.nextRange() })),
      fc.tuple(fc.constantFrom(...AGGREGATES), fc.constantFrom(...SOURCES), maybe, sub).map(([word, source, where, n]) =>
        b.agg(word, source, where, word === "atLeast" ? n : undefined),
      ),
      fc.tuple(sub, sub).map(([operand, anyOf]) => b.matchesAny(operand, anyOf)),
    ),
  };
}).expr;

const FIELDS = (): A.FieldDecl[] => [
  b.field("n", b.prim("number"), true),
  b.field("t", b.prim("text")),
  b.field("b", b.prim("bool"), false, b.bool(false)),
  b.field("d", b.prim("date"), true),
  b.field("l", b.listType(b.prim("text"))),
  b.field("c", b.oneOf("a", "b")),
  b.field("r", b.record(b.field("x", b.prim("number"), true))),
  b.field("nums", b.listType(b.prim("number"))),
  b.field("ev", b.listType(b.record(b.field("w", b.prim("number"), true), b.field("q", b.prim("text")), b.field("sub", b.listType(b.record(b.field("z", b.prim("bool")))))))),
];

/** Well-typed yes/no tests on an element of `ev`. */
const onEvent: fc.Arbitrary<A.Expr> = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map((x) => b.bin(b.ref("w"), ">", b.num(x))),
  fc.constantFrom("a", "B").map((x) => b.bin(b.ref("q"), "ends with any of", b.list(b.str(x)))),
  fc.constant(null).map(() => b.agg("any", "sub", b.ref("z"))),
  fc.constant(null).map(() => b.bin(b.ref("w"), "<", b.ref("n"))),
);

/** Well-typed number (`n`) and yes/no (`b`) expressions over FIELDS. */
const typed = fc.letrec<{ n: A.Expr; b: A.Expr }>((tie) => ({
  n: fc.oneof(
    { depthSize: "small" },
    fc.integer({ min: 0, max: 100 }).map(b.num),
    fc.constant(null).map(() => b.ref("n")),
    fc.constant(null).map(() => b.ref("r.x")),
    fc.tuple(tie("n"), fc.constantFrom("+", "-", "*", "/") as fc.Arbitrary<A.BinaryOp>, tie("n")).map(([l, op, r]) => b.bin(l, op, r)),
    fc.array(tie("n"), { minLength: 1, maxLength: 3 }).map((args) => b.call("max", ...args)),
    fc.tuple(tie("b"), tie("n"), tie("n")).map(([c, t, e]): A.Expr => ({ kind: "IfExpr", condition: c, then: t, else: e, range: b.nextRange() })),
    fc.array(tie("b"), { maxLength: 3 }).map((items) => b.quant("count", items)),
    fc.option(onEvent, { nil: undefined }).map((where) => b.agg("count", "ev", where)),
    fc.constantFrom("sum", "avg", "min", "max").map((word) => b.agg(word as A.AggregateWord, "ev.w", b.bin(b.ref("q"), "=", b.str("a")))),
    fc.constant(null).map(() => b.agg("count", "s")),
    fc.constant(null).map(() => b.call("length", b.ref("l"))),
  ),
  b: fc.oneof(
    { depthSize: "small" },
    fc.boolean().map(b.bool),
    fc.constant(null).map(() => b.ref("b")),
    fc.tuple(tie("n"), fc.constantFrom("<", ">=", "=", "!=") as fc.Arbitrary<A.BinaryOp>, tie("n")).map(([l, op, r]) => b.bin(l, op, r)),
    fc.tuple(tie("b"), fc.constantFrom("and", "or") as fc.Arbitrary<A.BinaryOp>, tie("b")).map(([l, op, r]) => b.bin(l, op, r)),
    tie("b").map((e) => b.unary("not", e)),
    fc.constantFrom("a", "B").map((s) => b.bin(b.ref("c"), "=", b.str(s))),
    fc.constant(null).map(() => b.bin(b.ref("t"), "in", b.ref("l"))),
    fc.array(tie("b"), { maxLength: 3 }).map((items) => b.quant("atLeast", items, b.num(items.length))),
    fc.tuple(fc.constantFrom("any", "all", "none") as fc.Arbitrary<A.AggregateWord>, onEvent).map(([word, where]) => b.agg(word, "ev", where)),
    fc.integer({ min: 0, max: 2 }).map((n) => b.agg("atLeast", "s", undefined, b.bin(b.num(n), "+", b.ref("k")))),
    fc.constant(null).map(() => b.matchesAny(b.call("domain", b.ref("t")), b.list(b.str("^a"), b.str("b$")))),
  ),
}));

/** Field declarations of any type, with defaults that may or may not fit, and clashing names. */
const anyType: fc.Arbitrary<A.TypeNode> = fc.letrec<{ type: A.TypeNode }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("number", "text", "bool", "date").map((name) => b.prim(name as A.PrimitiveType["name"])),
    tie("type").map(b.listType),
    fc.array(fc.constantFrom("a", "A", "b"), { maxLength: 3 }).map((options) => b.oneOf(...options)),
    fc.array(fc.tuple(fc.constantFrom("x", "y", "n"), tie("type")), { maxLength: 3 }).map((fields) => b.record(...fields.map(([name, type]) => b.field(name, type)))),
  ),
})).type;
const anyField = fc.tuple(fc.constantFrom("n", "e1", "e2", "k"), anyType, fc.boolean(), fc.option(anyExpr, { nil: undefined })).map(([name, type, optional, dflt]) => b.field(name, type, optional, dflt));

/** Usually a well-typed expression, so that some generated models are clean; sometimes anything. */
const mostly = (arb: fc.Arbitrary<A.Expr>): fc.Arbitrary<A.Expr> => fc.oneof({ arbitrary: arb, weight: 8 }, { arbitrary: anyExpr, weight: 1 });

const anyModel: fc.Arbitrary<A.Model> = fc
  .record({
    fields: fc.oneof(fc.constant([]), fc.array(anyField, { maxLength: 3 })),
    k: mostly(fc.integer({ min: 1, max: 9 }).map(b.num)),
    v: mostly(fc.oneof(typed.n, typed.b)),
    crit: mostly(typed.b),
    pts: mostly(typed.n),
    points: mostly(typed.n),
    when: fc.option(mostly(typed.b), { nil: undefined }),
    disq: mostly(typed.b),
    // Items that do not use the set themselves (that cycle is covered by the `anyExpr` ones).
    set: fc.oneof(
      { arbitrary: fc.array(fc.oneof(fc.constant(null).map(() => b.ref("b")), fc.integer({ min: 0, max: 9 }).map((x) => b.bin(b.ref("n"), ">", b.num(x))), onEvent.map((w) => b.agg("any", "ev", w))), { minLength: 2, maxLength: 3 }), weight: 8 },
      { arbitrary: fc.array(anyExpr, { maxLength: 3 }), weight: 1 },
    ),
    bound: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 9 }).map((x) => b.bin(b.ref("k"), "+", b.num(x))), weight: 15 }, { arbitrary: anyExpr, weight: 1 }),
    tierWhen: mostly(typed.b),
    // Now and then a second `let v`, to exercise clashing declarations.
    extra: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: anyExpr, weight: 1 }),
  })
  .map((e) =>
    b.model([...FIELDS(), ...e.fields], [
      b.constDecl("k", e.k),
      b.letDecl("v", e.v),
      b.criterion("crit", e.crit),
      b.computed("pts", e.pts),
      b.setDecl("s", e.set),
      b.group("grp", [b.rule("R", e.points, e.when)], [["max", e.bound]]),
      b.disqualify("No", e.disq),
      b.tier("hot", e.tierWhen),
      ...(e.extra === undefined ? [] : [b.letDecl("v", e.extra)]),
    ]),
  );

function everyExpr(ir: ModelIR): IrExpr[] {
  const out: IrExpr[] = [];
  const visit = (e: IrExpr): void => {
    out.push(e);
    for (const value of Object.values(e)) {
      if (value !== null && typeof value === "object" && "kind" in value && "type" in value) visit(value as IrExpr);
      if (Array.isArray(value)) for (const item of value) if (item !== null && typeof item === "object" && "kind" in item) visit(item as IrExpr);
    }
  };
  ir.lets.forEach((l) => visit(l.expr));
  ir.criteria.forEach((c) => visit(c.expr));
  ir.disqualify.forEach((d) => visit(d.when));
  ir.tiers.forEach((t) => t.when && visit(t.when));
  for (const s of ir.scores) {
    if (s.kind === "computed") visit(s.expr);
    else s.rules.forEach((r) => { visit(r.points); if (r.when) visit(r.when); });
  }
  return out;
}

/** `element` reads that no `each` encloses (in its `where` or `value`, or as the list of a nested `each`). */
function elementsOutsideEach(ir: ModelIR): IrExpr[] {
  const stray: IrExpr[] = [];
  const visit = (e: IrExpr, inside: boolean): void => {
    if (e.kind === "element" && !inside) stray.push(e);
    if (e.kind === "each") {
      visit(e.list, inside);
      if (e.value !== undefined) visit(e.value, true);
      if (e.where !== undefined) visit(e.where, true);
      return;
    }
    for (const value of Object.values(e)) {
      if (value !== null && typeof value === "object" && "kind" in value && "type" in value) visit(value as IrExpr, inside);
      if (Array.isArray(value)) for (const item of value) if (item !== null && typeof item === "object" && "kind" in item) visit(item as IrExpr, inside);
    }
  };
  ir.lets.forEach((l) => visit(l.expr, false));
  ir.criteria.forEach((c) => visit(c.expr, false));
  ir.disqualify.forEach((d) => visit(d.when, false));
  ir.tiers.forEach((t) => t.when && visit(t.when, false));
  for (const s of ir.scores) {
    if (s.kind === "computed") visit(s.expr, false);
    else s.rules.forEach((r) => { visit(r.points, false); if (r.when) visit(r.when, false); });
  }
  return stray;
}

describe("check on generated syntax trees", () => {
  it("never throws, and yields IR exactly when there is no error", () => {
    let clean = 0;
    fc.assert(
      fc.property(anyModel, (ast) => {
        const result = check(ast);
        if (result.ir !== undefined) clean++;
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        for (const d of result.diagnostics) {
          expect(d.code).toMatch(/^QUAL[2-5]\d\d$/);
          expect(d.code, d.message).not.toBe("QUAL299");
          expect(d.range.end.offset).toBeGreaterThanOrEqual(d.range.start.offset);
        }
        if (errors.length > 0) {
          expect(result.ir).toBeUndefined();
          return;
        }
        expect(result.ir).toBeDefined();
        const ir = result.ir!;
        expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
        for (const e of everyExpr(ir)) expect(["number", "text", "bool", "date", "list", "choice", "record", "empty"]).toContain(e.type.kind);
        expect(new Set(ir.order)).toEqual(new Set(["v", "crit", "pts", "grp"]));
        expect(elementsOutsideEach(ir)).toEqual([]);
      }),
      { numRuns: 450 },
    );
    // The IR-side assertions above must have run on a fair share of models.
    expect(clean).toBeGreaterThan(30);
  });

  it("checks well-typed generated models clean", () => {
    fc.assert(
      fc.property(typed.n, typed.b, (points, condition) => {
        const ast = b.model(FIELDS(), [
          b.constDecl("k", b.num(1)),
          b.setDecl("s", [b.ref("b"), b.bin(b.ref("n"), ">", b.num(1)), b.bool(true)]),
          b.group("g", [b.rule("R", points, condition)]),
          b.tier("hot", b.ref("b")),
        ]);
        const result = check(ast);
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(result.ir?.scores[0]).toMatchObject({ kind: "group", id: "g" });
      }),
      { numRuns: 200 },
    );
  });
});
