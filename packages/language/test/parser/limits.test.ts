import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { parse, parseExpression } from "../../src/parser/parse.js";

const HEADER = 'model m "M"\n';

function codes(text: string, limits = {}): string[] {
  return parse(text, { limits }).diagnostics.map((d) => d.code);
}

describe("limits", () => {
  it("are frozen defaults", () => {
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
    expect(DEFAULT_LIMITS.maxSourceLength).toBeGreaterThanOrEqual(1_000_000);
  });

  it("refuse an unknown limit or a value that is not a positive whole number", () => {
    expect(() => parse("", { limits: { maxDepth: 3 } as never })).toThrow(/Unknown limit `maxDepth`/);
    expect(() => parse("", { limits: { maxNestingDepth: 0 } })).toThrow(TypeError);
  });

  it("report a 10 MB file as too long without reading it", () => {
    const text = "#".repeat(10_000_000);
    const result = parse(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL501"]);
    expect(result.diagnostics[0]?.range.start.offset).toBe(DEFAULT_LIMITS.maxSourceLength);
    expect(result.ast.kind).toBe("Model");
  });

  it("report 100,000 nested parentheses at the first one too deep, without a stack overflow", () => {
    const prefix = `${HEADER}criterion a = `;
    const result = parse(`${prefix}${"(".repeat(100_000)}x${")".repeat(100_000)}\ncriterion b = true`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL502"]);
    // The 64th bracket makes 65 levels with the expression itself.
    expect(result.diagnostics[0]?.range.start.column).toBe(prefix.length - HEADER.length + DEFAULT_LIMITS.maxNestingDepth);
    expect(result.ast.declarations.map((d) => ("name" in d ? d.name.name : ""))).toEqual(["b"]);
  });

  it.each([
    ["`not`", "not ".repeat(100_000) + "x"],
    ["unary minus", "-".repeat(100_000) + "x"],
    ["`if`", "if a then 1 else ".repeat(10_000) + "x"],
    ["unclosed lists", "[".repeat(100_000)],
    ["calls", "f(".repeat(50_000) + ")".repeat(50_000)],
    ["aggregates' `where`", "any of a where ".repeat(20_000) + "x"],
  ])("report deep nesting of %s as QUAL502", (_what, expression) => {
    expect(codes(`${HEADER}criterion a = ${expression}`)).toEqual(["QUAL502"]);
  });

  it("report deeply nested input records as QUAL502", () => {
    expect(codes(`${HEADER}input { ${"a: { ".repeat(1000)}${"}".repeat(1000)} }`)).toEqual(["QUAL502"]);
  });

  it("count `&&` and `||` as the operators they stand for", () => {
    const other = (text: string, limits = {}): string[] => codes(text, limits).filter((c) => c !== "QUAL122");
    expect(other(`${HEADER}criterion a = ${"x && ".repeat(100)}y`, { maxOperators: 50 })).toEqual(["QUAL505"]);
    expect(other(`${HEADER}criterion a = ${"not x || ".repeat(5)}y`, { maxNestingDepth: 3 })).toEqual([]);
  });

  it("count each aggregate's `where` as a level, and `where` as a name not", () => {
    expect(codes(`${HEADER}criterion a = ${"any of a where ".repeat(4)}x`, { maxNestingDepth: 4 })).toEqual(["QUAL502"]);
    expect(codes(`${HEADER}criterion a = ${"any of a where ".repeat(3)}x`, { maxNestingDepth: 4 })).toEqual([]);
    expect(codes(`${HEADER}criterion a = ((where + where))`, { maxNestingDepth: 4 })).toEqual([]);
  });

  it("accept nesting up to the limit", () => {
    const depth = DEFAULT_LIMITS.maxNestingDepth - 1;
    expect(codes(`${HEADER}criterion a = ${"(".repeat(depth)}x${")".repeat(depth)}`)).toEqual([]);
    expect(codes(`${HEADER}criterion a = not a and not b and not c and ${"not x and ".repeat(200)} y`)).toEqual([]);
  });

  it("follow a lower nesting limit when given", () => {
    expect(codes(`${HEADER}criterion a = ((((x))))`, { maxNestingDepth: 4 })).toEqual(["QUAL502"]);
    expect(codes(`${HEADER}criterion a = (((x)))`, { maxNestingDepth: 4 })).toEqual([]);
  });

  it("report a chain of more operators than allowed as QUAL505", () => {
    expect(codes(`${HEADER}criterion a = ${"a + ".repeat(100_000)}x`)).toEqual(["QUAL505"]);
    expect(codes(`${HEADER}criterion a = ${"a or ".repeat(500)}x`)).toEqual([]);
  });

  it("report a list with more items than allowed as QUAL504, with the list's range", () => {
    const result = parse(`${HEADER}const a = [${"1, ".repeat(20)}1]`, { limits: { maxListItems: 20 } });
    expect(result.diagnostics.map((d) => [d.code, d.range.start.column])).toEqual([["QUAL504", 11]]);
    expect(codes(`${HEADER}const a = [${"1, ".repeat(19)}1]`, { maxListItems: 20 })).toEqual([]);
  });

  it("report more declarations than allowed as QUAL503 and keep the ones before", () => {
    const result = parse(`${HEADER}${"const a = 1\n".repeat(10)}`, { limits: { maxDeclarations: 5 } });
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["QUAL503", 6]]);
    expect(result.ast.declarations).toHaveLength(4);
  });

  it("summarise a flood of problems after the first thousand", () => {
    const result = parse("@ ".repeat(5_000));
    expect(result.diagnostics).toHaveLength(1001);
    expect(result.diagnostics.at(-1)?.code).toBe("QUAL506");
    expect(result.diagnostics.at(-1)?.message).toMatch(/^4\d{3} more problems/);
  });

  it("apply to single expressions too", () => {
    expect(parseExpression("(".repeat(1000)).diagnostics.map((d) => d.code)).toEqual(["QUAL502"]);
  });
});
