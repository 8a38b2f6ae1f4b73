import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../src/diagnostics/suggest.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "abc", 0],
    ["abc", "abd", 1],
    ["abc", "acb", 1],
    ["employes", "employees", 1],
    ["kitten", "sitting", 3],
  ])("between %s and %s is %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it("is symmetric, zero only for equal words, and never more than the longer length", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 200 },
    );
  });

  it("stops early past the limit with limit + 1", () => {
    expect(editDistance("aaaaaaa", "bbbbbbb", 2)).toBe(3);
  });
});

describe("closestMatch", () => {
  it("prefers a case-only difference, then the smallest distance", () => {
    expect(closestMatch("role", ["roles", "Role"])).toBe("Role");
    expect(closestMatch("employes", ["employees", "country"])).toBe("employees");
  });

  it("suggests the full name for a shortened one", () => {
    expect(closestMatch("budget", ["budget_usd", "role"])).toBe("budget_usd");
    expect(closestMatch("usd", ["budget_usd"])).toBe("budget_usd");
  });

  it("suggests nothing when no candidate is close", () => {
    expect(closestMatch("zebra", ["budget_usd", "role"])).toBeUndefined();
    expect(closestMatch("ab", ["abc_def"])).toBeUndefined();
  });
});
