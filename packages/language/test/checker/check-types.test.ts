import { describe, expect, it } from "vitest";
import { errorCodes, expectOne, model, run } from "./helpers.js";

const FIELDS = [
  "  n: number?",
  "  t: text?",
  "  flag: bool = false",
  "  d: date?",
  "  tags: list of text",
  "  nums: list of number",
  '  plan: one of ("free", "Pro", "enterprise")?',
  "  co: { size: number? }",
].join("\n");

/** A model whose one criterion is `expr`. */
const crit = (expr: string): string => model(FIELDS, `criterion c "C" = ${expr}`);

describe("operator types", () => {
  it("names both types when ordering text (QUAL301)", () => {
    const d = expectOne(crit("t >= 3"), "QUAL301", "t", 1);
    expect(d.message).toBe(
      "`t` is text, but `>=` compares two numbers or two dates (here the other side is a number); text can only be compared with `=`, `!=`, `in`, `contains`, `starts with`, `ends with` or `matches`",
    );
  });

  it.each([
    ["n and flag", "n"],
    ["not n", "n"],
    ["t + 1", "t"],
    ["d - 1 > 0", "d"],
    ["-t = 1", "t"],
    ["tags = tags", "tags"],
    ["t starts with 1", "1"],
    ["n matches \"x\"", "n"],
    ["n within 3 days", "n"],
    ["d within t days", "t"],
    ["t between 1 and 2", "t"],
    ["n contains 1", "n"],
    ["t contains 1", "1"],
  ])("rejects `%s` with QUAL301 at the offending operand `%s`", (expr, culprit) => {
    const source = crit(expr);
    const word = new RegExp(`(?<![\\w"])${culprit.replace(/[^\w]/g, "\\$&")}(?![\\w"])`).exec(expr);
    const start = source.indexOf(`= ${expr}`) + 2 + (word?.index ?? -1000);
    const found = run(source).diagnostics.filter((d) => d.code === "QUAL301");
    expect(found).toHaveLength(1);
    expect([found[0]?.range.start.offset, found[0]?.range.end.offset]).toEqual([start, start + culprit.length]);
  });

  it("rejects comparing different types (QUAL302) over the whole comparison", () => {
    expectOne(crit("d = 30"), "QUAL302", "d = 30");
    expectOne(crit("n < d"), "QUAL302", "n < d");
    expectOne(crit("n between 1 and d"), "QUAL302", "d", 1);
    expectOne(crit("n in tags"), "QUAL302", "n in tags");
    expectOne(crit("nums contains \"x\""), "QUAL302", 'nums contains "x"');
  });

  it("accepts text against `one of`, ignoring case, and rejects non-choices with a suggestion (QUAL303)", () => {
    expect(errorCodes(crit('plan = "PRO" or plan in ["free", "ENTERPRISE"] or t = plan'))).toEqual([]);
    const d = expectOne(crit('plan = "entreprise"'), "QUAL303", '"entreprise"');
    expect(d.message).toBe('"entreprise" is not one of the choices of `plan`: "free", "Pro", "enterprise"');
    expect(d.suggestion?.edits[0]?.newText).toBe('"enterprise"');
    expectOne(crit('plan in ["free", "gold"]'), "QUAL303", '"gold"');
    expectOne(model(FIELDS, 'const paid = ["Pro", "gold"]\ncriterion c "C" = plan in paid'), "QUAL303", "paid", 1);
    expectOne(model(FIELDS, 'const top = "gold"\ncriterion c "C" = plan != top'), "QUAL303", "top", 1);
  });

  it("suggests `contains` for a list on the left of `in` (QUAL304)", () => {
    const d = expectOne(crit('tags in ["churn"]'), "QUAL304", "tags", 1);
    expect(d.message).toContain("`LIST contains VALUE`");
    expect(d.message).toContain("`contains`");
  });

  it("requires a list on the right of `in` (QUAL305)", () => {
    expectOne(crit('"x" in t'), "QUAL305", "t", 1);
    expect(errorCodes(crit("n in [] or t not in tags"))).toEqual([]);
  });

  it("requires yes/no conditions (QUAL306) for criteria, when, tiers, disqualify and if", () => {
    expectOne(crit("n"), "QUAL306", "n", 1);
    expectOne(model(FIELDS, 'score s "S" { "R": 1 when n }'), "QUAL306", "n", 1);
    expectOne(model(FIELDS, 'disqualify "D" when t'), "QUAL306", "t", 1);
    expectOne(model(FIELDS, "", 'tier a "A" when 1\ntier lead "L" otherwise'), "QUAL306", "1");
    expectOne(model(FIELDS, 'score s "S" = if n then 1 else 2'), "QUAL306", "n", 1);
  });

  it("requires numbers for points and computed scores (QUAL307)", () => {
    expectOne(model(FIELDS, 'score s "S" { "R": flag }'), "QUAL307", "flag", 1);
    expectOne(model(FIELDS, 'score s "S" = t'), "QUAL307", "t", 1);
  });

  it("requires `if` branches of one type (QUAL308) at the else branch", () => {
    expectOne(model(FIELDS, 'let v = if flag then "a" else 0\ncriterion c "C" = v = "a"'), "QUAL308", "0");
  });

  it("checks function arity (QUAL309) and argument types (QUAL310)", () => {
    const d = expectOne(model(FIELDS, 'score s "S" = decay(n)'), "QUAL309", "decay(n)");
    expect(d.message).toBe("`decay` takes two numbers (days and half-life), but 1 was given");
    expectOne(model(FIELDS, 'score s "S" = max()'), "QUAL309", "max()");
    const e = expectOne(model(FIELDS, 'score s "S" = len(tags)'), "QUAL310", "tags", 1);
    expect(e.message).toBe("the first argument of `len` must be text, but it is a list of text");
    expectOne(model(FIELDS, 'score s "S" = max(1, t, 2)'), "QUAL310", "t", 1);
    expect(errorCodes(model(FIELDS, 'score s "S" = count(tags) + len(plan) + days_since(d) + decay(n, 30) + round(abs(-n))'))).toEqual([]);
  });

  it("requires yes/no quantifier items (QUAL311)", () => {
    expectOne(crit("any of (flag, n)"), "QUAL311", "n", 1);
  });

  it("requires list items of one type (QUAL312)", () => {
    expectOne(model(FIELDS, 'const codes = ["US", 1]\ncriterion c "C" = t in codes'), "QUAL312", "1", 0);
  });

  it("rejects impossible dates (QUAL313) and accepts leap days", () => {
    expectOne(crit("d < 2026-02-30"), "QUAL313", "2026-02-30");
    expect(errorCodes(crit("d < 2024-02-29"))).toEqual([]);
  });

  it("checks defaults against the field type (QUAL314) and as literals (QUAL315)", () => {
    expectOne(model('  x: number = "none"', 'criterion c "C" = x > 1'), "QUAL314", '"none"');
    expectOne(model('  p: one of ("a", "b") = "c"', 'criterion c "C" = p = "a"'), "QUAL303", '"c"');
    expectOne(model("  x: date = 2026-13-01", 'criterion c "C" = x < 2027-01-01'), "QUAL313", "2026-13-01");
  });

  it("requires `??` sides of one type (QUAL316)", () => {
    expectOne(model(FIELDS, 'score s "S" = n ?? "none"'), "QUAL316", 'n ?? "none"');
    expect(errorCodes(model(FIELDS, 'score s "S" = n ?? 0\ncriterion c "C" = count(tags ?? []) > 0'))).toEqual([]);
  });

  it("rejects a const that divides by zero (QUAL318)", () => {
    expectOne(model(FIELDS, 'const r = 10 / (2 - 2)\ncriterion c "C" = n > r'), "QUAL318", "10 / (2 - 2)");
  });

  it("reports an error once, not again in every enclosing expression", () => {
    expect(errorCodes(crit("(t + 1) * 2 > 3 and not (t + 1 = 2)"))).toEqual(["QUAL301", "QUAL301"]);
    expect(errorCodes(crit("unknown_thing > 1 and unknown_thing + 1 = 2"))).toEqual(["QUAL210", "QUAL210"]);
  });

  it("checks the language.md samples' expressions clean", () => {
    const result = run(model(FIELDS, 'criterion c "C" = co.size between 50 and 1000 and not (d within 60 days) and t ends with "@gmail.com"'));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
