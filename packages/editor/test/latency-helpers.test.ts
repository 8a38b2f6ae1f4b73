import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "@qualify/language";
import { generateLargeModel } from "@qualify/language-service/testing";
import { quantile } from "../src/testing/latency.js";

describe("the latency benchmark's model", () => {
  it("has about the requested number of lines and checks clean", () => {
    const text = generateLargeModel(2000);
    const lines = text.split("\n").length - 1;
    expect(lines).toBeGreaterThanOrEqual(1990);
    expect(lines).toBeLessThanOrEqual(2000);
    expect(analyze(text).diagnostics).toEqual([]);
  });

  it("contains the comparison the benchmark edits", () => {
    expect(generateLargeModel(300)).toContain(">= ");
  });
});

describe("quantile", () => {
  it("is the nearest-rank quantile: an element of the data with the right share below it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (data, q) => {
        const sorted = [...data].sort((a, b) => a - b);
        const value = quantile(sorted, q);
        expect(sorted).toContain(value);
        const atMost = sorted.filter((x) => x <= value).length;
        expect(atMost / sorted.length).toBeGreaterThanOrEqual(q - 1e-9);
        const below = sorted.filter((x) => x < value).length;
        expect(below / sorted.length).toBeLessThan(q + 1e-9);
      }),
      { numRuns: 200 },
    );
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
