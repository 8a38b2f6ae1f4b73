import type { QualType } from "@qualify/ir";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coerceCell, MISSING } from "../src/score/coerce.js";

const number: QualType = { kind: "number" };
const bool: QualType = { kind: "bool" };
const text: QualType = { kind: "text" };

describe("coerceCell", () => {
  it("treats an empty or blank cell as missing, whatever the type", () => {
    for (const type of [number, bool, text, { kind: "date" } as QualType]) {
      expect(coerceCell("", type)).toBe(MISSING);
      expect(coerceCell("   ", type)).toBe(MISSING);
    }
  });

  it("converts numbers and leaves text that is not a number for validation to reject", () => {
    expect(coerceCell("42", number)).toBe(42);
    expect(coerceCell(" -2.5 ", number)).toBe(-2.5);
    expect(coerceCell("1e3", number)).toBe(1000);
    expect(coerceCell("12 apples", number)).toBe("12 apples");
    expect(coerceCell("0x10", number)).toBe("0x10");
  });

  it("round-trips every finite number written by String()", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(coerceCell(String(n), number)).toBe(Object.is(n, -0) ? 0 : n);
      }),
      { numRuns: 200 },
    );
  });

  it("reads bools as true/false/yes/no/1/0 in any case", () => {
    for (const yes of ["true", "TRUE", "Yes", "1", "y"]) expect(coerceCell(yes, bool)).toBe(true);
    for (const no of ["false", "No", "0", "N"]) expect(coerceCell(no, bool)).toBe(false);
    expect(coerceCell("maybe", bool)).toBe("maybe");
  });

  it("splits lists on semicolons and converts each element", () => {
    expect(coerceCell("churn; cost ;;speed", { kind: "list", element: text })).toEqual(["churn", "cost", "speed"]);
    expect(coerceCell("1;2;x", { kind: "list", element: number })).toEqual([1, 2, "x"]);
  });

  it("keeps dates and choices as trimmed text for the evaluator to check", () => {
    expect(coerceCell(" 2026-11-01 ", { kind: "date" })).toBe("2026-11-01");
    expect(coerceCell("pro ", { kind: "choice", options: ["Pro", "Free"] })).toBe("pro");
  });
});
