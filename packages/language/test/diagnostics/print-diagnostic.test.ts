import { describe, expect, it } from "vitest";
import { LineMap } from "@qualify/ir";
import type { Diagnostic } from "@qualify/ir";
import { printDiagnostic } from "../../src/diagnostics/print-diagnostic.js";

const SOURCE = ["model m \"M\"", "input { budget_usd: number? }", "criterion rich \"Rich\" = budget >= 10_000", "tier lead \"Lead\" otherwise"].join("\n");

function at(source: string, needle: string, length = needle.length): Diagnostic["range"] {
  const start = source.indexOf(needle);
  return new LineMap(source).range(start, start + length);
}

const unknown: Diagnostic = {
  code: "QUAL210",
  severity: "error",
  message: "there is no field, const, let, criterion or score called `budget`",
  range: at(SOURCE, "budget >=", 6),
  suggestion: { message: "did you mean `budget_usd`?", edits: [] },
};

describe("printDiagnostic", () => {
  it("prints the header, the source line with its number and carets under the range", () => {
    const lines = printDiagnostic(unknown, SOURCE, { file: "bant.qual" }).split("\n");
    expect(lines[0]).toBe("bant.qual:3:25: error QUAL210: there is no field, const, let, criterion or score called `budget`");
    expect(lines[1]).toBe(" 3 | criterion rich \"Rich\" = budget >= 10_000");
    expect(lines[2]).toBe("   |                         ^^^^^^");
    expect(lines[3]).toBe("help: did you mean `budget_usd`?");
    const caretStart = lines[2]!.indexOf("^");
    expect(lines[1]!.slice(caretStart, caretStart + 6)).toBe("budget");
  });

  it("uses the diagnostic's own file, and no file prefix when there is none", () => {
    expect(printDiagnostic({ ...unknown, file: "x.qual" }, SOURCE).startsWith("x.qual:3:25: error")).toBe(true);
    expect(printDiagnostic(unknown, SOURCE).startsWith("3:25: error QUAL210")).toBe(true);
  });

  it("underlines to the end of the first line when the range spans lines, and omits help without a suggestion", () => {
    const source = "let x = if a\n  then 1 else 2";
    const d: Diagnostic = { code: "QUAL308", severity: "error", message: "branches differ", range: at(source, "if a\n  then", 11) };
    const lines = printDiagnostic(d, source).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(" 1 | let x = if a");
    expect(lines[2]).toBe("   |         ^^^^");
  });

  it("puts one caret under an empty range, and keeps tabs so carets line up", () => {
    const source = "\tlet x = ";
    const d: Diagnostic = { code: "QUAL200", severity: "warning", message: "incomplete", range: new LineMap(source).range(9, 9) };
    const lines = printDiagnostic(d, source).split("\n");
    expect(lines[0]).toBe("1:10: warning QUAL200: incomplete");
    expect(lines[2]).toBe("   | \t        ^");
  });

  it("widens the gutter for long line numbers", () => {
    const source = `${"\n".repeat(99)}let y = 1`;
    const d: Diagnostic = { code: "QUAL222", severity: "warning", message: "unused", range: at(source, "y", 1) };
    const lines = printDiagnostic(d, source).split("\n");
    expect(lines[1]).toBe(" 100 | let y = 1");
    expect(lines[2]).toBe("     |     ^");
  });

  it("colours only when asked, with the severity's colour on the code and carets", () => {
    const plain = printDiagnostic(unknown, SOURCE);
    expect(plain).not.toContain("\u001b[");
    const coloured = printDiagnostic(unknown, SOURCE, { color: true });
    expect(coloured).toContain("\u001b[1m\u001b[31merror QUAL210\u001b[0m");
    expect(coloured).toContain("\u001b[31m^^^^^^\u001b[0m");
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(plain);
    const warning = printDiagnostic({ ...unknown, severity: "warning" }, SOURCE, { color: true });
    expect(warning).toContain("\u001b[33m");
  });
});
