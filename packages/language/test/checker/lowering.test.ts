import { describe, expect, it } from "vitest";
import type { Expr } from "@qualify/ir";
import { model, rangeOf, run } from "./helpers.js";

const FIELDS = [
  "  n: number?",
  "  t: text?",
  "  flag: bool = false",
  "  d: date?",
  "  tags: list of text",
  '  plan: one of ("free", "Pro")?',
  "  co: { size: number? }",
].join("\n");

/** The IR of `let v = EXPR` (lets keep any type). */
function lower(expr: string, extra = ""): Expr {
  const result = run(model(FIELDS, `${extra}\nlet v = ${expr}\ncriterion use "U" = v is present`));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toEqual([]);
  return result.ir!.lets.find((l) => l.id === "v")!.expr;
}

const NUMBER = { kind: "number" };
const TEXT = { kind: "text" };
const BOOL = { kind: "bool" };
const field = (...path: string[]) => ({ kind: "field", path });

describe("lowering expressions to IR", () => {
  it.each<[string, unknown]>([
    ["n > 1", { kind: "compare", op: ">", left: { ...field("n"), type: NUMBER }, right: { kind: "literal", value: 1, type: NUMBER }, type: BOOL }],
    ["t != \"a\"", { kind: "compare", op: "!=", left: field("t"), right: { kind: "literal", value: "a", type: TEXT } }],
    ["flag and n > 1 or not flag", { kind: "or", left: { kind: "and", left: field("flag") }, right: { kind: "not", operand: field("flag") } }],
    ["t in [\"a\", \"b\"]", { kind: "in", negated: false, item: field("t"), list: { kind: "literal", value: ["a", "b"], type: { kind: "list", element: TEXT } } }],
    ["t not in tags", { kind: "in", negated: true, item: field("t"), list: field("tags") }],
    ["t in [t, \"x\"]", { kind: "in", list: { kind: "list", items: [field("t"), { kind: "literal", value: "x" }] } }],
    ["n in []", { kind: "in", list: { kind: "literal", value: [], type: { kind: "list", element: { kind: "empty" } } } }],
    ["tags contains \"churn\"", { kind: "contains", container: { ...field("tags"), type: { kind: "list", element: TEXT } }, item: { value: "churn" } }],
    ["t contains \"x\"", { kind: "contains", container: { ...field("t"), type: TEXT } }],
    ["t starts with \"a\"", { kind: "startsWith", text: field("t"), affix: { value: "a" } }],
    ["t ends with \"a\"", { kind: "endsWith", text: field("t"), affix: { value: "a" } }],
    ["n between 1 and 5", { kind: "between", value: field("n"), low: { value: 1 }, high: { value: 5 } }],
    ["d between 2026-01-01 and 2026-12-31", { kind: "between", low: { value: "2026-01-01", type: { kind: "date" } } }],
    ["t matches \"^a\"", { kind: "matches", text: field("t"), pattern: "^a" }],
    ["t is missing", { kind: "presence", test: "missing", operand: field("t") }],
    ["co is present", { kind: "presence", test: "present", operand: { ...field("co"), type: { kind: "record" } } }],
    ["d within 30 days", { kind: "within", date: field("d"), days: { value: 30 } }],
    ["n ?? 0", { kind: "coalesce", left: field("n"), right: { value: 0 }, type: NUMBER }],
    ["(n + 1) * 2", { kind: "arith", op: "*", left: { kind: "arith", op: "+" }, right: { value: 2 } }],
    ["-n", { kind: "negate", operand: field("n"), type: NUMBER }],
    ["+n", { ...field("n"), type: NUMBER }],
    ["-5", { kind: "literal", value: -5, type: NUMBER }],
    ["((n))", field("n")],
    ["co.size", { ...field("co", "size"), type: NUMBER }],
    ["min(n, 3)", { kind: "call", fn: "min", args: [field("n"), { value: 3 }], type: NUMBER }],
    ["lower(t)", { kind: "call", fn: "lower", type: TEXT }],
    ["if flag then \"a\" else t", { kind: "if", condition: field("flag"), then: { value: "a" }, else: field("t"), type: TEXT }],
    ["at least 1 of (flag, n > 1)", { kind: "quantifier", quantifier: "atLeast", n: 1, items: [field("flag"), { kind: "compare" }], type: BOOL }],
    ["all of (flag)", { kind: "quantifier", quantifier: "all", items: [field("flag")] }],
    ["any of (flag)", { kind: "quantifier", quantifier: "any" }],
    ["none of (flag)", { kind: "quantifier", quantifier: "none" }],
    ["count of (flag, flag)", { kind: "quantifier", quantifier: "count", type: NUMBER }],
    ["plan = \"pro\"", { kind: "compare", left: { ...field("plan"), type: { kind: "choice", options: ["free", "Pro"] } }, right: { value: "Pro" } }],
    ["plan in [\"FREE\"]", { kind: "in", list: { value: ["free"] } }],
  ])("lowers `%s`", (expr, expected) => {
    expect(lower(expr)).toMatchObject(expected as object);
  });

  it("has no `quantifier.n` except for `at least`", () => {
    expect(lower("all of (flag)")).not.toHaveProperty("n");
  });

  it("folds `-0` to the literal 0, which survives the IR's JSON form", () => {
    const expr = lower("-0") as Expr & { kind: "literal" };
    expect(Object.is(expr.value, 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(expr))).toEqual(expr);
  });

  it("folds const uses into literals, dates as ISO strings", () => {
    expect(lower("d < start", "const start = 2026-01-31")).toMatchObject({ right: { kind: "literal", value: "2026-01-31", type: { kind: "date" } } });
    expect(lower("n > k * 2", "const base = 10\nconst k = base + 1")).toMatchObject({ right: { kind: "arith", left: { kind: "literal", value: 11 } } });
    const ir = run(model(FIELDS, 'const k = -(2 * 3)\nconst codes = ["US", "CA"]\ncriterion c "C" = n > k and t in codes')).ir!;
    expect(ir.consts).toMatchObject([
      { id: "k", value: -6, type: NUMBER },
      { id: "codes", value: ["US", "CA"], type: { kind: "list", element: TEXT } },
    ]);
  });

  it("refers to lets, criteria and scores by id with their types", () => {
    const ir = run(model("  n: number", 'let k = n * 2\ncriterion big "B" = k > 1\nscore s "S" { "R": 1 when big }\nscore t "T" = s + k')).ir!;
    expect(ir.scores[1]).toMatchObject({
      kind: "computed",
      expr: { kind: "arith", left: { kind: "ref", target: "score", id: "s", type: NUMBER }, right: { kind: "ref", target: "let", id: "k", type: NUMBER } },
    });
    expect(ir.scores[0]).toMatchObject({ kind: "group", rules: [{ label: "R", points: { value: 1 }, when: { kind: "ref", target: "criterion", id: "big", type: BOOL } }] });
  });

  it("gives every expression its source range", () => {
    const source = model(FIELDS, 'let v = (n + 1) * 2 > 3\ncriterion c "C" = v');
    const expr = run(source).ir!.lets[0]!.expr as Expr & { kind: "compare" };
    expect(expr.range).toEqual(rangeOf(source, "(n + 1) * 2 > 3"));
    expect(expr.left.range).toEqual(rangeOf(source, "(n + 1) * 2"));
    expect((expr.left as Expr & { kind: "arith" }).left.range).toEqual(rangeOf(source, "n + 1"));
  });

  it("keeps input types, optionality, defaults (as JSON) and docs", () => {
    const source = model(
      '  a: number? "Doc of a"\n  b: date = 2026-01-01\n  c: list of text = ["x"]\n  p: one of ("Gold", "Silver") = "gold"\n  r: { x: number = -1 }',
      'criterion k "K" = a > 1 and b < 2027-01-01 and c contains "x" and p = "Gold" and r.x > 0',
    );
    expect(run(source).ir?.inputs).toEqual([
      { name: "a", type: NUMBER, optional: true, doc: "Doc of a" },
      { name: "b", type: { kind: "date" }, optional: false, default: "2026-01-01" },
      { name: "c", type: { kind: "list", element: TEXT }, optional: false, default: ["x"] },
      { name: "p", type: { kind: "choice", options: ["Gold", "Silver"] }, optional: false, default: "Gold" },
      { name: "r", type: { kind: "record", fields: [{ name: "x", type: NUMBER, optional: false, default: -1 }] }, optional: false },
    ]);
  });
});
