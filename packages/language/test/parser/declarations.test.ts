import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Declaration, Model } from "../../src/ast.js";
import { parse } from "../../src/parser/parse.js";
import { sexpr } from "./sexpr.js";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function model(text: string): Model {
  const result = parse(text);
  expect(result.diagnostics, text).toEqual([]);
  return result.ast;
}

function only(text: string): Declaration {
  const declarations = model(`model m "M"\n${text}`).declarations;
  expect(declarations).toHaveLength(1);
  return declarations[0] as Declaration;
}

describe("the sample models of the language design", () => {
  it.each(["bant.qual", "inbound.qual"])("parses %s without diagnostics", (name) => {
    const ast = model(fixture(name));
    expect(ast.id?.name).toBe(name.replace(".qual", ""));
    expect(ast.declarations.length).toBeGreaterThan(5);
    expect(ast.comments).toHaveLength(1);
  });

  it("reads the BANT model's declarations in order", () => {
    const ast = model(fixture("bant.qual"));
    expect(ast.title?.value).toBe("BANT qualification");
    expect(ast.input?.fields.map((f) => f.name.name)).toEqual(["budget_usd", "role", "pains", "timeline_days"]);
    expect(ast.declarations.map((d) => `${d.kind}:${"name" in d ? d.name.name : ""}`)).toEqual([
      "ConstDecl:deciders",
      "CriterionDecl:budget",
      "CriterionDecl:authority",
      "CriterionDecl:need",
      "CriterionDecl:timing",
      "CriterionDecl:qualified",
      "ComputedScoreDecl:met",
      "TierDecl:sql",
      "TierDecl:mql",
      "TierDecl:cold",
    ]);
  });

  it("reads the inbound model's score groups with their bounds and rules", () => {
    const ast = model(fixture("inbound.qual"));
    const fit = ast.declarations[0];
    expect(fit?.kind).toBe("ScoreGroupDecl");
    if (fit?.kind !== "ScoreGroupDecl") return;
    expect(fit.bounds.map((b) => [b.which, sexpr(b.value)])).toEqual([["max", "60"]]);
    expect(fit.rules.map((r) => [r.label.value, sexpr(r.points)])).toEqual([
      ["Mid-market company", "(+ 20)"],
      ["Target country", "(+ 10)"],
      ["Personal email", "(- 30)"],
    ]);
    expect(sexpr(fit.rules[0]?.when)).toBe("(between company.employees 50 1000)");
  });
});

describe("declarations", () => {
  it("reads the model line, with or without a title", () => {
    expect(model('model bant "BANT"').id?.name).toBe("bant");
    const untitled = model("model bant");
    expect([untitled.id?.name, untitled.title]).toEqual(["bant", undefined]);
  });

  it("reads input fields with types, optional marks, defaults and docs", () => {
    const ast = model(`model m "M"
input {
  a: number
  b: text? "Doc of b"
  c: bool = false
  d: date? = 2026-01-31 "Doc"
  e: list of text
  f: list of list of number?
  g: one of ("a", "b")
  h: { x: number? y: { z: text } }
  i: number = -5
  j: list of text = ["x", "y"]
}`);
    const fields = ast.input?.fields ?? [];
    expect(fields.map((f) => [f.name.name, f.type?.kind, f.optional, f.default?.kind, f.doc?.value])).toEqual([
      ["a", "PrimitiveType", false, undefined, undefined],
      ["b", "PrimitiveType", true, undefined, "Doc of b"],
      ["c", "PrimitiveType", false, "BoolLiteral", undefined],
      ["d", "PrimitiveType", true, "DateLiteral", "Doc"],
      ["e", "ListType", false, undefined, undefined],
      ["f", "ListType", true, undefined, undefined],
      ["g", "OneOfType", false, undefined, undefined],
      ["h", "RecordType", false, undefined, undefined],
      ["i", "PrimitiveType", false, "UnaryExpr", undefined],
      ["j", "ListType", false, "ListLiteral", undefined],
    ]);
    const f = fields[5]?.type;
    expect(f?.kind === "ListType" && f.element?.kind === "ListType" && f.element.element).toMatchObject({ kind: "PrimitiveType", name: "number" });
    const g = fields[6]?.type;
    expect(g?.kind === "OneOfType" && g.options.map((o) => o.value)).toEqual(["a", "b"]);
    const h = fields[7]?.type;
    expect(h?.kind === "RecordType" && h.fields.map((x) => x.name.name)).toEqual(["x", "y"]);
  });

  it("accepts contextual words as field names", () => {
    const ast = model('model m "M"\ninput { count: number list: list of text date: date min: number }');
    expect(ast.input?.fields.map((f) => f.name.name)).toEqual(["count", "list", "date", "min"]);
  });

  it("reads const and let", () => {
    expect(only('const deciders = ["CEO", "CFO"]')).toMatchObject({ kind: "ConstDecl", name: { name: "deciders" } });
    const let_ = only("let size = company.employees ?? 0");
    expect(let_.kind === "LetDecl" && sexpr(let_.value)).toBe("(?? company.employees 0)");
  });

  it("reads a criterion with or without a label", () => {
    const labelled = only('criterion budget "Budget" = budget_usd >= 10_000');
    expect(labelled).toMatchObject({ kind: "CriterionDecl", name: { name: "budget" }, label: { value: "Budget" } });
    const bare = only("criterion budget = true");
    expect(bare.kind === "CriterionDecl" && bare.label).toBeUndefined();
  });

  it("reads score bounds in either order, signed", () => {
    const a = only('score fit "Fit" min -10 max 60 { "x": 1 }');
    const b = only('score fit "Fit" max 60 min -10 { "x": 1 }');
    expect(a.kind === "ScoreGroupDecl" && a.bounds.map((x) => [x.which, sexpr(x.value)])).toEqual([["min", "(- 10)"], ["max", "60"]]);
    expect(b.kind === "ScoreGroupDecl" && b.bounds.map((x) => [x.which, sexpr(x.value)])).toEqual([["max", "60"], ["min", "(- 10)"]]);
  });

  it("reads score rules with and without `when`, points with an optional sign", () => {
    const group = only('score e "E" { "A": +15 when w  "B": 2 * min(v, 10)  "C": -10 when not x  "D": 5 }');
    expect(group.kind === "ScoreGroupDecl" && group.rules.map((r) => [r.label.value, sexpr(r.points), sexpr(r.when)])).toEqual([
      ["A", "(+ 15)", "w"],
      ["B", "(* 2 (call min v 10))", "?"],
      ["C", "(- 10)", "(not x)"],
      ["D", "5", "?"],
    ]);
  });

  it("reads an empty score group", () => {
    expect(only('score e "E" {}')).toMatchObject({ kind: "ScoreGroupDecl", rules: [], bounds: [] });
  });

  it("reads a computed score", () => {
    const score = only('score total "Total" = fit + engagement');
    expect(score.kind === "ComputedScoreDecl" && [score.label?.value, sexpr(score.value)]).toEqual(["Total", "(+ fit engagement)"]);
  });

  it("reads disqualify rules", () => {
    const rule = only('disqualify "Competitor" when email ends with "@rival.example"');
    expect(rule.kind === "DisqualifyDecl" && [rule.reason.value, sexpr(rule.condition)]).toEqual(["Competitor", '(ends with email "@rival.example")']);
  });

  it("reads tiers with `when` and `otherwise`", () => {
    const ast = model('model m "M"\ntier sql "SQL" when total >= 70\ntier lead otherwise');
    expect(ast.declarations.map((d) => d.kind === "TierDecl" && [d.name.name, d.label?.value, d.otherwise, sexpr(d.condition)])).toEqual([
      ["sql", "SQL", false, "(>= total 70)"],
      ["lead", undefined, true, "?"],
    ]);
  });

  it("accepts an input block anywhere after the model line, as layout is free", () => {
    const ast = model('model m "M"\nconst a = 1\ninput { x: number }');
    expect(ast.input?.fields).toHaveLength(1);
    expect(ast.declarations).toHaveLength(1);
  });
});

describe("source ranges", () => {
  it("gives declarations, names and labels their lines and columns", () => {
    const ast = model('model m "M"\n\ncriterion budget "Budget" =\n  budget_usd >= 10_000\n');
    const decl = ast.declarations[0];
    expect(decl?.kind).toBe("CriterionDecl");
    if (decl?.kind !== "CriterionDecl") return;
    expect(decl.range).toEqual({ start: { offset: 13, line: 3, column: 1 }, end: { offset: 63, line: 4, column: 23 } });
    expect(decl.name.range.start).toEqual({ offset: 23, line: 3, column: 11 });
    expect([decl.label?.range.start.column, decl.label?.range.end.column]).toEqual([18, 26]);
    expect(decl.condition?.range.start).toEqual({ offset: 43, line: 4, column: 3 });
  });

  it("gives input fields and their types ranges", () => {
    const ast = model('model m "M"\ninput {\n  email: text?  "Doc"\n}');
    const field = ast.input?.fields[0];
    expect([field?.range.start.line, field?.range.start.column, field?.range.end.column]).toEqual([3, 3, 22]);
    expect([field?.type?.range.start.column, field?.type?.range.end.column]).toEqual([10, 14]);
    expect(ast.input?.range).toEqual({ start: { offset: 12, line: 2, column: 1 }, end: { offset: 43, line: 4, column: 2 } });
  });

  it("gives the model the range of the whole text", () => {
    const text = 'model m "M"\n# end\n\n';
    expect(parse(text).ast.range).toEqual({ start: { offset: 0, line: 1, column: 1 }, end: { offset: text.length, line: 4, column: 1 } });
  });

  it("keeps comments with their text and range", () => {
    const ast = model('# header\nmodel m "M" # trailing\n');
    expect(ast.comments.map((c) => [c.text, c.range.start.line, c.range.start.column])).toEqual([
      [" header", 1, 1],
      [" trailing", 2, 13],
    ]);
  });
});
