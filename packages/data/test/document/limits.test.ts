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
