// Shared helpers for checker tests written from source text.
import { expect } from "vitest";
import { LineMap } from "@qualify/ir";
import type { Diagnostic, SourceRange } from "@qualify/ir";
import { analyze } from "../../src/analyze.js";
import type { AnalyzeResult } from "../../src/analyze.js";

/** A model around the given input fields and declarations, ending with an `otherwise` tier. */
export function model(fields: string, body: string, tiers = 'tier lead "Lead" otherwise'): string {
  return `model m "M"\ninput {\n${fields}\n}\n${body}\n${tiers}\n`;
}

/**
 * The range of the `occurrence`-th appearance of `needle` in `source`. A needle
 * that starts or ends with a name character only matches whole names, so `n`
 * does not match inside `number`.
 */
export function rangeOf(source: string, needle: string, occurrence = 0): SourceRange {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const before = /^\w/.test(needle) ? "(?<!\\w)" : "";
  const after = /\w$/.test(needle) ? "(?!\\w)" : "";
  const pattern = new RegExp(`${before}${escaped}${after}`, "g");
  const matches = [...source.matchAll(pattern)];
  const match = matches[occurrence];
  if (match?.index === undefined) throw new Error(`\`${needle}\` (occurrence ${occurrence}) is not in the source`);
  return new LineMap(source).range(match.index, match.index + needle.length);
}

/** Parses and checks, failing the test on any syntax error (these tests are about the checker). */
export function run(source: string): AnalyzeResult {
  const result = analyze(source);
  const syntax = result.diagnostics.filter((d) => /^QUAL(1\d\d|50\d)$/.test(d.code));
  expect(syntax, "the test model should parse").toEqual([]);
  return result;
}

/** The one diagnostic with `code`; asserts there is exactly one, at the range of `needle`. */
export function expectOne(source: string, code: string, needle: string, occurrence = 0): Diagnostic {
  const result = run(source);
  const found = result.diagnostics.filter((d) => d.code === code);
  expect(found.map((d) => d.message), `diagnostics: ${JSON.stringify(result.diagnostics.map((d) => [d.code, d.message]))}`).toHaveLength(1);
  const d = found[0]!;
  const want = rangeOf(source, needle, occurrence);
  expect({ line: d.range.start.line, column: d.range.start.column, end: d.range.end.offset }).toEqual({
    line: want.start.line,
    column: want.start.column,
    end: want.end.offset,
  });
  if (d.severity === "error") expect(result.ir).toBeUndefined();
  return d;
}

/** The codes of every error (not warning) the checker reports. */
export function errorCodes(source: string): string[] {
  return run(source).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
}
