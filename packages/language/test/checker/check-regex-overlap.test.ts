import { describe, expect, it } from "vitest";
import type { Diagnostic, SourceRange } from "@qualify/ir";
import { checkRegex } from "../../src/checker/check-regex.js";
import { DiagnosticSink } from "../../src/checker/context.js";

// Polynomial backtracking: repetitions in a row over shared characters (QUAL553),
// and bounded repetitions of a repeating body (QUAL551 for `(.*a){12}`).
const RANGE: SourceRange = { start: { offset: 10, line: 2, column: 5 }, end: { offset: 40, line: 2, column: 35 } };

function diagnose(pattern: string): Diagnostic[] {
  const sink = new DiagnosticSink();
  checkRegex({ kind: "StringLiteral", value: pattern, range: RANGE }, sink.report);
  return sink.diagnostics;
}

describe("overlapping repetitions in a row", () => {
  it.each(["a*a*b", "\\d+\\d+x", "x.*y.*z", ".*@.*\\.com", "\\s*\\s+$", "\\d+\\.?\\d*$"])("rejects %s with QUAL553", (pattern) => {
    const found = diagnose(pattern);
    expect(found.map((d) => d.code)).toEqual(["QUAL553"]);
    expect(found[0]?.message).toContain("cube");
  });

  it("points at the two repetitions, counting escapes as written", () => {
    // "x\\d+\\d+y": value x\d+\d+y; `\d+\d+` is value characters 1..7, written columns 1..9 after the quote.
    const [d] = diagnose("x\\d+\\d+y");
    expect(d?.code).toBe("QUAL553");
    expect(d?.message).toContain("`\\d+\\d+`");
  });

  it.each(["^\\d+\\.?\\d*$", "\\s*,\\s*$", "\\w+@\\w+\\.com", "[a-z]+ [a-z]+", "\\d+\\.?\\d*", "^x.*y.*z", "a+b+c"])("accepts %s", (pattern) => {
    expect(diagnose(pattern)).toEqual([]);
  });

  it("counts bounded repetitions of three rounds or more as repeated", () => {
    expect(diagnose("(.*a){12}").map((d) => d.code)).toEqual(["QUAL551"]);
    expect(diagnose("(\\d{1,3}\\.){3}\\d{1,3}")).toEqual([]);
    expect(diagnose("(a+){2}")).toEqual([]);
  });
});
