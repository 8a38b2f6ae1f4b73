import { describe, expect, it } from "vitest";
import { errorCodes, expectOne, model, rangeOf, run } from "./helpers.js";

describe("cycles", () => {
  it("reports a cycle once with its path (QUAL401), at the use that starts it", () => {
    const source = model("  n: number", "let a = b + 1\nlet b = a * 2\ncriterion c \"C\" = a > n");
    const d = expectOne(source, "QUAL401", "b", 0);
    expect(d.message).toContain("`a` -> `b` -> `a`");
  });

  it("reports self-reference and cycles through criteria and scores", () => {
    expect(expectOne(model("  n: number", "let a = a + n\ncriterion c \"C\" = a > 1"), "QUAL401", "a", 1).message).toContain("`a` -> `a`");
    const source = model("  n: number", 'criterion c "C" = s > 1\nscore s "S" { "R": 1 when c }');
    expect(expectOne(source, "QUAL401", "s", 0).message).toContain("`c` -> `s` -> `c`");
  });

  it("reports cycles among consts", () => {
    expectOne(model("  n: number", 'const x = y + 1\nconst y = x\ncriterion c "C" = n > x'), "QUAL401", "y");
  });

  it("orders definitions with dependencies first whatever the source order", () => {
    const result = run(model("  n: number", 'score total "T" = fit + 1\nscore fit "F" { "R": 2 when big }\ncriterion big "B" = k > 1\nlet k = n * 2'));
    expect(result.ir?.order).toEqual(["k", "big", "fit", "total"]);
  });
});

describe("tiers", () => {
  it("requires at least one tier (QUAL410) and an `otherwise` (QUAL402)", () => {
    expect(errorCodes(model("  n: number", 'criterion c "C" = n > 1', ""))).toEqual(["QUAL410"]);
    expectOne(model("  n: number", 'criterion c "C" = n > 1', ""), "QUAL410", "m");
    expectOne(model("  n: number", "", 'tier hot "H" when n > 1'), "QUAL402", "hot");
  });

  it("allows one `otherwise` (QUAL403) and nothing after it (QUAL404)", () => {
    expectOne(model("  n: number", "", 'tier a "A" otherwise\ntier b "B" otherwise'), "QUAL403", "b");
    const d = expectOne(model("  n: number", "", 'tier a "A" otherwise\ntier b "B" when n > 1'), "QUAL404", "b");
    expect(d.message).toContain("can never be reached");
  });

  it("warns about a tier after one whose condition is `true` (QUAL405), still producing IR", () => {
    const source = model("  n: number", "", 'tier a "A" when n > 1\ntier b "B" when (true)\ntier c "C" when n > 2\ntier lead "L" otherwise');
    // Every tier below the always-true one is unreachable, `otherwise` included.
    const warnings = run(source).diagnostics.filter((x) => x.code === "QUAL405");
    expect(warnings.map((w) => [w.severity, w.range])).toEqual([
      ["warning", rangeOf(source, "c", 0)],
      ["warning", rangeOf(source, "lead")],
    ]);
    expect(run(source).ir?.tiers.map((t) => t.id)).toEqual(["a", "b", "c", "lead"]);
  });
});

describe("at least N of", () => {
  it("requires N known in advance and whole (QUAL406)", () => {
    expectOne(model("  n: number", 'criterion c "C" = at least n of (true, false)'), "QUAL406", "n", 1);
    expectOne(model("  n: number", 'criterion c "C" = at least 1.5 of (n > 1, n > 2)'), "QUAL406", "1.5");
    expectOne(model("  n: number", 'criterion c "C" = at least -1 of (n > 1, n > 2)'), "QUAL406", "-1");
  });

  it("accepts consts and arithmetic for N, and rejects N above the item count (QUAL407)", () => {
    expect(errorCodes(model("  n: number", 'const two = 2\ncriterion c "C" = at least two - 1 of (n > 1, n > 2)'))).toEqual([]);
    const d = expectOne(model("  n: number", 'criterion c "C" = at least 3 of (n > 1, n > 2)'), "QUAL407", "3");
    expect(d.message).toBe("`at least 3 of` can never be true: only 2 items are listed");
  });
});

describe("score bounds", () => {
  it("allows `min` and `max` once each (QUAL408), with min <= max (QUAL409)", () => {
    expectOne(model("  n: number", 'score s "S" max 10 max 20 { "R": n }'), "QUAL408", "max 20");
    const d = expectOne(model("  n: number", 'score s "S" max 10 min 50 { "R": n }'), "QUAL409", "min 50");
    expect(d.message).toBe("the score's `min` (50) is larger than its `max` (10)");
    expect(run(model("  n: number", 'score s "S" max 60 min -5 { "R": n }')).ir?.scores[0]).toMatchObject({ min: -5, max: 60 });
  });
});

describe("regex patterns in models", () => {
  it("reports invalid (QUAL550) patterns at the string and ones the engine cannot run (QUAL554) at the construct", () => {
    expectOne(model("  t: text", 'criterion c "C" = t matches "[a-z"'), "QUAL550", '"[a-z"');
    expectOne(model("  t: text", 'criterion c "C" = t matches "^a(?=b)"'), "QUAL554", "(?=");
    // Escapes are two characters in the source: the range still lands on the backreference.
    expectOne(model("  t: text", 'criterion c "C" = t matches "\\\\.\\"(\\\\w)\\\\1"'), "QUAL554", "\\\\1");
    expect(run(model("  t: text", 'criterion c "C" = t matches "^(a+)+$"')).diagnostics).toEqual([]);
    expect(run(model("  t: text", 'criterion c "C" = t matches "^\\\\d{3}-\\\\d{4}$"')).ir?.criteria[0]?.expr).toMatchObject({
      kind: "matches",
      pattern: "^\\d{3}-\\d{4}$",
    });
  });
});
