import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/check.js";
import * as b from "./ast-builder.js";
import { errorCodes, expectOne, model, rangeOf, run } from "./helpers.js";

describe("declarations", () => {
  it("reports a missing model line (QUAL201) at the start, and a missing input block (QUAL202) at the model id", () => {
    const noModel = { ...b.model([], []), id: undefined };
    const [first] = check(noModel).diagnostics;
    expect(first?.code).toBe("QUAL201");
    expect(first?.range).toEqual({ start: noModel.range.start, end: noModel.range.start });
    const noInput = { ...b.model([], []), input: undefined };
    const [second] = check(noInput).diagnostics;
    expect(second?.code).toBe("QUAL202");
    expect(second?.range).toEqual(noInput.id.range);
    expect(check(noInput).ir).toBeUndefined();
  });

  it("reports a field without a type as incomplete (QUAL200), so no IR holds an untyped field", () => {
    const untyped = { ...b.field("x", b.prim("number")), type: undefined };
    const result = check(b.model([untyped], [b.criterion("c", b.bin(b.ref("x"), ">", b.num(1)))]));
    expect(result.diagnostics.map((d) => [d.code, d.range])).toEqual([["QUAL200", untyped.range]]);
    expect(result.ir).toBeUndefined();
  });

  it("turns an internal failure into QUAL299 instead of throwing", () => {
    const broken = { ...b.model([], []), declarations: null } as unknown as Parameters<typeof check>[0];
    const result = check(broken);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["QUAL299", "error"]]);
    expect(result.diagnostics[0]?.range).toEqual(broken.id?.range);
    expect(result.ir).toBeUndefined();
  });

  it("rejects a default that is not a literal (QUAL315) at the default", () => {
    const dflt = b.ref("other");
    const result = check(b.model([b.field("x", b.prim("number"), false, dflt), b.field("other", b.prim("number"))], []));
    const d = result.diagnostics.find((x) => x.code === "QUAL315");
    expect(d?.range).toEqual(dflt.range);
    expect(d?.message).toContain("`x`");
  });

  it("reports a missing part of a declaration as incomplete (QUAL200) at the declaration", () => {
    const crit = { ...b.criterion("c", b.bool(true)), condition: undefined };
    const [d] = check(b.model([], [crit])).diagnostics;
    expect(d?.code).toBe("QUAL200");
    expect(d?.range).toEqual(crit.range);
  });

  it("reports a name declared twice (QUAL203) at the second declaration, naming the first's line", () => {
    const source = model("  budget: number", 'criterion budget "B" = budget > 0');
    const d = expectOne(source, "QUAL203", "budget", 1);
    expect(d.message).toContain("already declared as an input field on line 3");
  });

  it("reports clashes across every kind of declaration", () => {
    const source = model("  x: number", 'const k = 1\nlet k = 2\nscore s "S" = 1\ncriterion s "S" = true\ntier k "K" when true');
    expect(errorCodes(source).filter((c) => c === "QUAL203")).toHaveLength(3);
  });

  it("reserves the tier id `disqualified` (QUAL204)", () => {
    expectOne(model("", "", 'tier disqualified "D" when true\ntier lead "L" otherwise'), "QUAL204", "disqualified");
  });

  it("requires rule labels unique within a group (QUAL205) but not across groups", () => {
    const source = model("  x: number", 'score a "A" { "Big": 1  "Big": 2 }\nscore b "B" { "Big": 3 }');
    expectOne(source, "QUAL205", '"Big"', 1);
  });

  it("requires disqualify reasons unique (QUAL206)", () => {
    const source = model("  x: number", 'disqualify "Spam" when x > 1\ndisqualify "Spam" when x > 2');
    expectOne(source, "QUAL206", '"Spam"', 1);
  });

  it("requires record fields unique (QUAL207) and choices unique ignoring case (QUAL208)", () => {
    expectOne(model("  c: { n: number  n: text }", "criterion q \"Q\" = c is present"), "QUAL207", "n", 1);
    expectOne(model('  p: one of ("free", "pro", "Pro")', 'criterion q "Q" = p = "free"'), "QUAL208", '"Pro"');
  });
});

describe("name resolution", () => {
  it("suggests the closest name for an unknown one (QUAL210), with an edit replacing it", () => {
    const source = model("  budget_usd: number?", 'criterion rich "Rich" = budget_us >= 10_000');
    const d = expectOne(source, "QUAL210", "budget_us");
    expect(d.range.end.offset - d.range.start.offset).toBe("budget_us".length);
    expect(d.suggestion?.message).toBe("did you mean `budget_usd`?");
    expect(d.suggestion?.edits).toEqual([{ range: d.range, newText: "budget_usd" }]);
  });

  it("suggests the full name for a shortened one", () => {
    const d = expectOne(model("  budget_usd: number?", 'criterion rich "Rich" = budget >= 10_000'), "QUAL210", "budget");
    expect(d.suggestion?.message).toBe("did you mean `budget_usd`?");
  });

  it("matches names that differ only in case", () => {
    const d = expectOne(model("  Role: text", 'criterion r "R" = role = "CEO"'), "QUAL210", "role");
    expect(d.suggestion?.edits[0]?.newText).toBe("Role");
  });

  it("offers no suggestion when nothing is close", () => {
    const d = expectOne(model("  budget: number", 'criterion r "R" = zebra_count > 1 and budget > 1'), "QUAL210", "zebra_count");
    expect(d.suggestion).toBeUndefined();
  });

  it("suggests fields of the record for a misspelt dotted path (QUAL211)", () => {
    const source = model("  company: { employees: number? country: text? }", 'criterion mid "Mid" = company.employes > 50 and company.country = "US"');
    const d = expectOne(source, "QUAL211", "employes");
    expect(d.message).toBe("the record `company` has no field `employes`");
    expect(d.suggestion?.edits).toEqual([{ range: rangeOf(source, "employes"), newText: "employees" }]);
  });

  it("rejects a path into something that is not a record (QUAL212)", () => {
    const d = expectOne(model("  email: text", 'criterion x "X" = email.domain = "acme.com"'), "QUAL212", "domain");
    expect(d.message).toBe("`email` is text, not a record, so it has no field `domain`");
    expectOne(model("  n: number", 'let v = n + 1\ncriterion x "X" = v.size > 1'), "QUAL212", "size");
  });

  it("rejects tiers in expressions (QUAL213)", () => {
    const source = model("  n: number", 'criterion c "C" = hot', 'tier hot "Hot" when n > 1\ntier lead "L" otherwise');
    const d = expectOne(source, "QUAL213", "hot");
    expect(d.message).toContain("tiers cannot be used in expressions");
  });

  it("suggests the closest function for an unknown one (QUAL214)", () => {
    const d = expectOne(model("  n: number", 'score s "S" = maxx(n, 1)'), "QUAL214", "maxx");
    expect(d.suggestion?.edits[0]?.newText).toBe("max");
    expect(d.message).toContain("`days_since`");
  });

  it("rejects a const that depends on the lead (QUAL215), pointing at what does", () => {
    const d = expectOne(model("  employees: number", "const big = 1 + employees\ncriterion c \"C\" = employees > big"), "QUAL215", "employees", 1);
    expect(d.message).toContain("the input field `employees`");
    expect(d.message).toContain("use `let`");
    expectOne(model("  n: number", "const f = max(1, 2)\ncriterion c \"C\" = n > f"), "QUAL215", "max(1, 2)");
  });
});

describe("unused declarations", () => {
  it("warns about unused input fields (QUAL220), consts (QUAL221) and lets (QUAL222) without blocking the IR", () => {
    const source = model("  used: number\n  spare: text", "const k = 1\nlet l = used + 1\ncriterion c \"C\" = used > 0");
    const result = run(source);
    expect(result.ir).toBeDefined();
    const warnings = result.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]);
    expect(warnings).toEqual([
      ["QUAL220", "warning", rangeOf(source, "spare").start.line],
      ["QUAL221", "warning", rangeOf(source, "k =").start.line],
      ["QUAL222", "warning", rangeOf(source, "l =").start.line],
    ]);
  });

  it("counts a record as used through any of its fields, and warns once for an unused record", () => {
    const source = model("  a: { x: number?  y: number? }\n  b: { z: number? }", 'criterion c "C" = a.x > 1');
    const result = run(source);
    const unused = result.diagnostics.filter((d) => d.code === "QUAL220").map((d) => d.message);
    expect(unused).toEqual(["the input field `a.y` is never used by any rule", "the input field `b` is never used by any rule"]);
  });

  it("counts a record used as a whole as using its fields", () => {
    const result = run(model("  a: { x: number? }", 'criterion c "C" = a is present'));
    expect(result.diagnostics).toEqual([]);
  });
});
