import { describe, expect, it } from "vitest";
import { DATA_LIMITS, parseSourceDocument } from "../../src/document/parse-document.js";

describe("limits on data files", () => {
  it("reports 20,000 nested lists as too deep instead of overflowing the stack", () => {
    const text = `model: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`;
    const parsed = parseSourceDocument(text, { format: "yaml" });
    expect(parsed.source).toBeUndefined();
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(["QUAL609"]);
  });

  it("reports nesting just past the limit, and accepts nesting at it", () => {
    const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const over = parseSourceDocument(`a: ${nested(DATA_LIMITS.maxNestingDepth)}\n`, { format: "yaml" });
    expect(over.diagnostics.map((d) => d.code)).toEqual(["QUAL609"]);
    const at = parseSourceDocument(`a: ${nested(DATA_LIMITS.maxNestingDepth - 1)}\n`, { format: "yaml" });
    expect(at.diagnostics).toEqual([]);
  });

  it("refuses a file longer than the limit, pointing past the limit", () => {
    const text = `model: x\n#${"x".repeat(DATA_LIMITS.maxSourceLength)}\n`;
    const parsed = parseSourceDocument(text, { format: "yaml" });
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(["QUAL609"]);
    expect(parsed.diagnostics[0]?.range.start.offset).toBe(DATA_LIMITS.maxSourceLength);
  });

  it("refuses an alias bomb", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`);
    const parsed = parseSourceDocument(`${lines.join("\n")}\n`, { format: "yaml" });
    expect(parsed.source).toBeUndefined();
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(["QUAL600"]);
  });
});

describe("limits on data models", () => {
  it("counts declarations, rules and fields (nested too) as the .qual parser does, whatever the shape", async () => {
    const { countDeclarations } = await import("../../src/schema/count-declarations.js");
    const document = {
      input: { a: { type: "number" }, company: { type: { record: { b: { type: "text" }, c: { type: { list: { record: { d: { type: "bool" } } } } } } } } },
      declarations: [{ score: "s", rules: [{}, {}, {}] }, { tier: "t" }, 5, null],
    };
    expect(countDeclarations(document)).toBe(5 + 4 + 1 + 2);
    expect(countDeclarations(null)).toBe(0);
    expect(countDeclarations({ input: 3, declarations: "x" })).toBe(0);
  });

  it("refuses a model with more declarations, rules and fields than the language's limit", async () => {
    const { analyzeData } = await import("../../src/index.js");
    const { DEFAULT_LIMITS } = await import("@qualify/language");
    const rules = `${"{},".repeat(DEFAULT_LIMITS.maxDeclarations)}{}`;
    const text = `{"model": "m", "input": {}, "declarations": [{"score": "s", "rules": [${rules}]}]}`;
    const result = analyzeData(text, { format: "json" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL609"]);
    expect(result.ast).toBeUndefined();
  });
});
