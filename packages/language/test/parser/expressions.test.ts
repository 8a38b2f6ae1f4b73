import { describe, expect, it } from "vitest";
import { parseExpression } from "../../src/parser/parse.js";
import { sexpr } from "./sexpr.js";

function shape(text: string): string {
  const result = parseExpression(text);
  expect(result.diagnostics, text).toEqual([]);
  return sexpr(result.expr);
}

describe("operator precedence", () => {
  it.each([
    ["a or b and c", "(or a (and b c))"],
    ["a and b or c", "(or (and a b) c)"],
    ["not a and b", "(and (not a) b)"],
    ["not a = b", "(not (= a b))"],
    ["not not a", "(not (not a))"],
    ["a = b ?? c", "(= a (?? b c))"],
    ["a ?? b + c", "(?? a (+ b c))"],
    ["a ?? b ?? c", "(?? (?? a b) c)"],
    ["a + b * c", "(+ a (* b c))"],
    ["a - b - c", "(- (- a b) c)"],
    ["a / b * c", "(* (/ a b) c)"],
    ["-a * b", "(* (- a) b)"],
    ["- -a", "(- (- a))"],
    ["+20", "(+ 20)"],
    ["2 * min(page_views_30d, 10)", "(* 2 (call min page_views_30d 10))"],
    ["(a or b) and c", "(and {(or a b)} c)"],
    ["a or b or c", "(or (or a b) c)"],
    ["x between 1 and 5 and y", "(and (between x 1 5) y)"],
    ["x between a ?? 1 and b + 2", "(between x (?? a 1) (+ b 2))"],
    ["if a then 1 else 2 + 3", "(if a 1 (+ 2 3))"],
    ["1 + if a then 1 else 2 + 3", "(+ 1 (if a 1 (+ 2 3)))"],
    ["if a then if b then 1 else 2 else 3", "(if a (if b 1 2) 3)"],
    ["if a then 1 else if b then 2 else 3", "(if a 1 (if b 2 3))"],
    ["not x is missing", "(not (is-missing x))"],
    ["a + 1 > b * 2", "(> (+ a 1) (* b 2))"],
  ])("reads %j as %s", (text, expected) => {
    expect(shape(text)).toBe(expected);
  });
});

describe("expression forms", () => {
  it.each([
    ["10_000", "10_000"],
    ["2.5", "2.5"],
    ['"a\\"b"', '"a\\"b"'],
    ["true", "true"],
    ["false", "false"],
    ["2026-01-31", "date:2026-01-31"],
    ['["US", "CA"]', '["US" "CA"]'],
    ["[]", "[]"],
    ["company.employees", "company.employees"],
    ["a.b.c", "a.b.c"],
    ["f()", "(call f)"],
    ["count(pains)", "(call count pains)"],
    ["decay(days_since(d), 30)", "(call decay (call days_since d) 30)"],
    ["x = 1", "(= x 1)"],
    ["x != 1", "(!= x 1)"],
    ["x < 1", "(< x 1)"],
    ["x <= 1", "(<= x 1)"],
    ["x > 1", "(> x 1)"],
    ["x >= 1", "(>= x 1)"],
    ["role in deciders", "(in role deciders)"],
    ['role not in ["a"]', '(not in role ["a"])'],
    ['pains contains "churn"', '(contains pains "churn")'],
    ['email starts with "ceo"', '(starts with email "ceo")'],
    ['email ends with "@gmail.com"', '(ends with email "@gmail.com")'],
    ['email matches "^a.*z$"', '(matches email "^a.*z$")'],
    ["x is missing", "(is-missing x)"],
    ["x is present", "(is-present x)"],
    ["last_activity within 60 days", "(within last_activity 60)"],
    ["at least 3 of (a, b, c, d)", "(atLeast 3 a b c d)"],
    ["all of (a, b)", "(all a b)"],
    ["any of (a)", "(any a)"],
    ["none of (a, b)", "(none a b)"],
    ["count of (a, b)", "(count a b)"],
    ["(x)", "{x}"],
  ])("reads %j", (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it.each([
    ["count + 1", "(+ count 1)"],
    ["min(all, any) + days", "(+ (call min all any) days)"],
    ["list.number", "list.number"],
    ["at + least", "(+ at least)"],
    ["missing is missing", "(is-missing missing)"],
    ["days within days days", "(within days days)"],
  ])("treats contextual words as names outside their construct: %j", (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it("gives every node its own range", () => {
    const { expr } = parseExpression("a + f(b, 2)");
    expect(expr?.kind).toBe("BinaryExpr");
    if (expr?.kind !== "BinaryExpr") return;
    expect([expr.range.start.column, expr.range.end.column]).toEqual([1, 12]);
    expect([expr.left.range.start.column, expr.left.range.end.column]).toEqual([1, 2]);
    const call = expr.right;
    expect(call?.kind).toBe("CallExpr");
    if (call?.kind !== "CallExpr") return;
    expect([call.range.start.offset, call.range.end.offset]).toEqual([4, 11]);
    expect([call.callee.range.start.column, call.callee.range.end.column]).toEqual([5, 6]);
    expect(call.args.map((a) => [a.range.start.column, a.range.end.column])).toEqual([
      [7, 8],
      [10, 11],
    ]);
  });

  it("gives each part of a dotted name its own range", () => {
    const { expr } = parseExpression("company.employees");
    expect(expr?.kind === "NameRef" && expr.parts.map((p) => [p.name, p.range.start.column, p.range.end.column])).toEqual([
      ["company", 1, 8],
      ["employees", 9, 18],
    ]);
  });

  it("shifts every range by the origin of an embedded expression", () => {
    const origin = { offset: 100, line: 5, column: 12 };
    const { expr, diagnostics } = parseExpression("a >=\n  b", { origin });
    expect(diagnostics).toEqual([]);
    expect(expr?.range).toEqual({ start: { offset: 100, line: 5, column: 12 }, end: { offset: 108, line: 6, column: 4 } });
    const bad = parseExpression("x >= ", { origin });
    expect(bad.diagnostics.map((d) => [d.code, d.range.start.offset, d.range.start.line, d.range.start.column])).toEqual([
      ["QUAL111", 102, 5, 14],
    ]);
  });

  it("reports an empty expression", () => {
    const result = parseExpression("   ");
    expect(result.expr).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL111"]);
  });

  it("reports input left over after an expression", () => {
    const result = parseExpression("a b");
    expect(result.diagnostics.map((d) => [d.code, d.range.start.column])).toEqual([["QUAL112", 3]]);
  });
});
