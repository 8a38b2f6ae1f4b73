import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printExpression } from "../../src/format/print-expression.js";
import { parse, parseExpression } from "../../src/parser/parse.js";
import { exprArb, modelArb, qual2ModelArb, tokenSoupArb } from "../arbitraries/model.js";
import { full, printSource } from "../arbitraries/print-source.js";
import { stripRanges } from "../arbitraries/strip.js";

function expectWellFormed(text: string): void {
  const result = parse(text);
  expect(result.ast.kind).toBe("Model");
  expect(Array.isArray(result.ast.declarations)).toBe(true);
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^QUAL\d{3}$/);
    expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.range.end.offset).toBeGreaterThanOrEqual(d.range.start.offset);
    expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
  }
}

describe("parse never throws", () => {
  it("returns a Model and well-formed diagnostics for any string", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), expectWellFormed), { numRuns: 300 });
  });

  it("returns a Model for any full-Unicode string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), expectWellFormed), { numRuns: 300 });
  });

  it("returns a Model for any soup of Qual words, operators and literals", () => {
    fc.assert(fc.property(tokenSoupArb, expectWellFormed), { numRuns: 300 });
  });

  it("returns a result for any string given to parseExpression", () => {
    fc.assert(
      fc.property(tokenSoupArb, (text) => {
        const result = parseExpression(text);
        expect(Array.isArray(result.diagnostics)).toBe(true);
        if (result.diagnostics.length === 0) expect(result.expr).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe("printing and parsing agree", () => {
  // The models' text comes from the reference printer (test/arbitraries), not the formatter, so
  // that these properties cover syntax the formatter may not print yet; the formatter's own
  // round trip is tested in test/format.
  it.each([
    ["Qual 1", modelArb],
    ["Qual 2", qual2ModelArb],
  ])("parses the source of any generated %s model back to the same tree", (_, arb) => {
    fc.assert(
      fc.property(arb, (model) => {
        const text = printSource(model);
        const result = parse(text);
        expect(result.diagnostics, text).toEqual([]);
        expect(stripRanges(result.ast)).toEqual(stripRanges(model));
      }),
      { numRuns: 200 },
    );
  });

  it("parses the source of any generated Qual 2 expression back to the same tree", () => {
    fc.assert(
      fc.property(exprArb(4, { qual2: true }), (expr) => {
        const text = full(expr);
        const result = parseExpression(text);
        expect(result.diagnostics, text).toEqual([]);
        expect(stripRanges(result.expr)).toEqual(stripRanges(expr));
      }),
      { numRuns: 400 },
    );
  });

  it("parses the formatter's text of any generated Qual 1 expression back to the same tree", () => {
    fc.assert(
      fc.property(exprArb(4), (expr) => {
        const text = printExpression(expr);
        const result = parseExpression(text);
        expect(result.diagnostics, text).toEqual([]);
        expect(stripRanges(result.expr)).toEqual(stripRanges(expr));
      }),
      { numRuns: 300 },
    );
  });
});
