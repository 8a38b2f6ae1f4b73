import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { model, rangeOf } from "./helpers.js";

describe("analyze", () => {
  it("merges parser and checker diagnostics, sorted by position, with the file on each", () => {
    const source = model("  n: number", 'criterion a "A" = zz > 1\ncriterion b "B" = n > \ncriterion c "C" = yy > 1');
    const result = analyze(source, { file: "m.qual" });
    const offsets = result.diagnostics.map((d) => d.range.start.offset);
    expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
    const codes = result.diagnostics.map((d) => d.code);
    expect(codes[0]).toBe("QUAL210");
    expect(codes.at(-1)).toBe("QUAL210");
    expect(codes.some((c) => c.startsWith("QUAL1"))).toBe(true);
    expect(result.diagnostics.every((d) => d.file === "m.qual")).toBe(true);
    expect(result.ir).toBeUndefined();
  });

  it("does not restate a syntax error as an incomplete declaration", () => {
    const result = analyze(model("  n: number", 'criterion b "B" = n >'));
    expect(result.diagnostics.some((d) => d.code.startsWith("QUAL1"))).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).not.toContain("QUAL200");
  });

  it("leaves out checker diagnostics inside a declaration the parser had to repair, and unused-name warnings", () => {
    const source = model("  n: number\n  spare: text", 'criterion c "C" = n is nothing\ncriterion d "D" = zz > 1');
    const codes = analyze(source).diagnostics.map((d) => d.code);
    expect(codes).toContain("QUAL121");
    expect(codes).not.toContain("QUAL306");
    expect(codes).not.toContain("QUAL220");
    expect(codes).toContain("QUAL210");
  });

  it("leaves out the unused-set warning after a syntax error, since the broken declaration may be the one that used it", () => {
    const source = model("  n: number", 'criterion a "A" = n > 1\nset s = (a)\ncriterion b "B" = n > > at least 1 of s');
    const codes = analyze(source).diagnostics.map((d) => d.code);
    expect(codes.some((c) => c.startsWith("QUAL1"))).toBe(true);
    expect(codes).not.toContain("QUAL223");
  });

  it("returns the tree, symbols, references and IR of a clean model", () => {
    const source = model("  n: number", 'criterion big "Big" = n > 10');
    const result = analyze(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.ast.kind).toBe("Model");
    expect(result.ir?.criteria.map((c) => c.id)).toEqual(["big"]);
    expect(result.symbols.map((s) => [s.kind, s.name])).toEqual([["field", "n"], ["criterion", "big"], ["tier", "lead"]]);
    expect(result.references).toEqual([{ name: "n", range: rangeOf(source, "n", 1) }]);
  });

  it("never throws on arbitrary text", () => {
    for (const text of ["", "model", "model m\ncriterion", "}{", "score s = = =", "tier t when", "\u0000\uffff", "input { a: { b: { c: number }} }"]) {
      const result = analyze(text);
      expect(Array.isArray(result.diagnostics)).toBe(true);
      expect(result.ir === undefined || result.diagnostics.every((d) => d.severity !== "error")).toBe(true);
    }
  });
});
