import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";

const HEADER = 'model m "M"\n';

/** Each diagnostic as `CODE line:column-endColumn`, the parts tests pin down. */
function problems(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column}`);
}

function messages(text: string): string[] {
  return parse(text).diagnostics.map((d) => d.message);
}

describe("syntax errors", () => {
  it.each([
    ["criterion a = x >=", "QUAL111 2:17-19", "Expected an expression after `>=`"],
    ["criterion a = x and", "QUAL111 2:17-20", "Expected an expression after `and`"],
    ["criterion a = f(a,", "QUAL111 2:18-19", "Expected an expression after `,`"],
    ["criterion a = x + )", "QUAL111 2:19-20", "Expected an expression after `+` but found `)`"],
    ["criterion a = x > when", "QUAL111 2:19-23", "Expected an expression after `>` but found the word `when`"],
    ['tier t "T"', "QUAL113 2:8-11", "A tier needs `when CONDITION` or `otherwise`"],
    ['tier t "T" foo', "QUAL113 2:12-15", "A tier needs `when CONDITION` or `otherwise`, but found `foo`"],
    ["input { a: strin }", "QUAL114 2:12-17", "Expected a type"],
    ["input { a: number = x }", "QUAL117 2:21-22", "A default must be a literal value"],
    ['score s "S" max', "QUAL110 2:13-16", "Expected a number after `max`"],
    ['score s "S" 5', "QUAL118 2:13-14", "A score needs `= EXPRESSION` or a block of rules"],
    ["criterion a = x < y < z", "QUAL116 2:21-22", "Comparisons cannot be chained"],
    ["criterion a = x y", "QUAL112 2:17-18", "Unexpected `y` after `x`"],
    ["criterion a = x is absent", "QUAL121 2:20-26", "Expected `missing` or `present` after `is` but found `absent`"],
    ["criterion a = x matches y", "QUAL110 2:25-26", "Expected a text in double quotes"],
    ["criterion a = [1, 2", "QUAL110 2:19-20", "Expected `]` to close the list"],
    ["criterion a = (1", "QUAL110 2:16-17", "Expected `)` to close the parentheses"],
    ["criterion a = if x then 1", "QUAL110 2:25-26", "Expected `else` after `1`"],
    ["const a 5", "QUAL110 2:9-10", "Expected `=` after `a` but found `5`"],
    ['criterion "A" = x', "QUAL110 2:11-14", "Expected a name for the criterion after `criterion`"],
    ["criterion score = x", "QUAL120 2:11-16", "`score` is a reserved word"],
    ["input { tier: text }", "QUAL120 2:9-13", "`tier` is a reserved word and cannot be used as a field name"],
    ["input { a: one of () }", "QUAL110 2:20-21", "`one of` needs at least one choice"],
    ['disqualify when x', "QUAL110 2:12-16", "Expected a text in double quotes"],
    ['score s "S" { "a" 1 }', "QUAL110 2:19-20", "Expected `:` after the rule's label but found `1`"],
  ])("reports %j as %s", (source, problem, message) => {
    const text = HEADER + source;
    expect(problems(text)[0]).toBe(problem);
    expect(messages(text)[0]).toContain(message);
  });

  it("says where an unclosed bracket was opened", () => {
    expect(messages(`${HEADER}let a = min(1, 2`)).toEqual(["Expected `)` to close the parentheses (opened at line 2, column 12)"]);
    expect(messages(`${HEADER}input {\n  a: number\n\nconst b = 1`)[0]).toContain("(opened at line 2, column 7)");
  });

  it("reports stray words before the first declaration", () => {
    expect(problems('hello\nmodel m "M"')).toEqual(["QUAL112 1:1-6"]);
  });

  it("reports a missing model line at the first token", () => {
    expect(problems("const a = 1")).toEqual(["QUAL115 1:1-6"]);
    expect(problems("")).toEqual(["QUAL115 1:1-1"]);
  });

  it("reports a second model line and a second input block", () => {
    expect(problems(`${HEADER}model n "N"`)).toEqual(["QUAL115 2:1-12"]);
    expect(problems(`${HEADER}input {}\ninput {}`)).toEqual(["QUAL119 3:1-9"]);
  });

  it("reports lexical errors with their own codes", () => {
    expect(problems(`${HEADER}criterion a = x @ y`)[0]).toBe("QUAL101 2:17-18");
    expect(problems(`${HEADER}criterion a = x = "open`)).toEqual(["QUAL102 2:19-24"]);
    expect(problems(`${HEADER}criterion a = x = "a\\qb"`)).toEqual(["QUAL103 2:21-23"]);
  });

  it("puts the file name on every diagnostic when given", () => {
    const result = parse("const a =", { file: "models/a.qual" });
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) expect(d.file).toBe("models/a.qual");
  });
});

describe("recovery", () => {
  it("reports each of three broken declarations and keeps the good ones", () => {
    const text = `${HEADER}criterion a "A" = x >=
criterion good1 "G" = y > 1
tier t "T" when
const c = (1 +
let good2 = 3
score s "S" { "r": }
tier last otherwise`;
    const result = parse(text);
    expect(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}`)).toEqual([
      "QUAL111 2",
      "QUAL111 4",
      "QUAL111 5",
      "QUAL111 7",
    ]);
    const names = result.ast.declarations.map((d) => ("name" in d ? d.name.name : ""));
    expect(names).toEqual(["a", "good1", "t", "c", "good2", "s", "last"]);
    const good1 = result.ast.declarations[1];
    expect(good1?.kind === "CriterionDecl" && good1.condition?.kind).toBe("BinaryExpr");
  });

  it("does not let an unclosed block swallow the declarations after it", () => {
    const result = parse(`${HEADER}score s "S" {\n  "a": 1\ntier t when x\ntier u otherwise`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL110"]);
    expect(result.ast.declarations.map((d) => d.kind)).toEqual(["ScoreGroupDecl", "TierDecl", "TierDecl"]);
    const group = result.ast.declarations[0];
    expect(group?.kind === "ScoreGroupDecl" && group.rules.map((r) => r.label.value)).toEqual(["a"]);
  });

  it("reports several broken rules inside one score group", () => {
    const result = parse(`${HEADER}score s "S" {\n  "a": 1 when\n  "b": 2\n  "c": * 3\n  "d": 4\n}`);
    expect(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}`)).toEqual(["QUAL111 3", "QUAL111 5"]);
    const group = result.ast.declarations[0];
    expect(group?.kind === "ScoreGroupDecl" && group.rules.map((r) => r.label.value)).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps the input block's good fields when one field is broken", () => {
    const result = parse(`${HEADER}input {\n  a: number\n  b: = 3\n  c: text\n}`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL114"]);
    expect(result.ast.input?.fields.map((f) => f.name.name)).toEqual(expect.arrayContaining(["a", "c"]));
  });
});
