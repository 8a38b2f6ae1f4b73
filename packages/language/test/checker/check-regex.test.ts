import { describe, expect, it } from "vitest";
import type { Diagnostic, SourceRange } from "@qualify/ir";
import { checkRegex } from "../../src/checker/check-regex.js";
import { DiagnosticSink } from "../../src/checker/context.js";

const RANGE: SourceRange = { start: { offset: 10, line: 2, column: 5 }, end: { offset: 20, line: 2, column: 15 } };

function diagnose(pattern: string): Diagnostic[] {
  const sink = new DiagnosticSink();
  checkRegex({ kind: "StringLiteral", value: pattern, range: RANGE }, sink.report);
  return sink.diagnostics;
}

describe("regex safety", () => {
  it.each([
    "^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$",
    "^([a-z0-9-]+\\.)+[a-z]+$",
    "(foo|bar)baz",
    "(\\d{1,3}\\.){3}\\d{1,3}",
    "(\\w|-)+",
    "(.|\\n)*",
    "^\\+?\\d[\\d -]{6,}$",
    "(?<year>\\d{4})-(?<month>\\d\\d)",
    "(?:https?|ftp)://\\S+",
    "(a,)*",
    "\\bceo\\b|\\bcfo\\b",
  ])("accepts the safe pattern %s", (pattern) => {
    expect(diagnose(pattern)).toEqual([]);
  });

  it.each(["(a+)+", "(a*)*", "(\\w+\\s?)*", "(x+x+)+y", "((ab)+)+", "(a+){2,}", "([a-z]+)*$"])(
    "rejects the nested repetition %s with QUAL551 at the pattern",
    (pattern) => {
      const [d, ...rest] = diagnose(pattern);
      expect(rest).toEqual([]);
      expect(d?.code).toBe("QUAL551");
      const inside = d!.range.start.offset > RANGE.start.offset && d!.range.end.offset < RANGE.end.offset;
      expect(d?.range === RANGE || inside).toBe(true);
      expect(d?.message).toContain("catastrophic backtracking");
    },
  );

  it.each(["(a|a)*", "(\\w|\\d)+", "(a|ab)*c", "(?:A|a)+", "((a|a)b)*"])(
    "rejects the overlapping alternation %s with QUAL552",
    (pattern) => {
      const diagnostics = diagnose(pattern);
      expect(diagnostics.map((d) => d.code)).toEqual(["QUAL552"]);
      expect(diagnostics[0]?.message).toContain(`\``);
    },
  );

  it("points at the repetition inside the string, counting escapes as written", () => {
    const literal = (value: string, written: string) => ({
      kind: "StringLiteral" as const,
      value,
      range: { start: { offset: 100, line: 4, column: 20 }, end: { offset: 102 + written.length, line: 4, column: 22 + written.length } },
    });
    const sink = new DiagnosticSink();
    // Written `"\\d\"(a+)+"`: the value is `\d"(a+)+`; `(a+)+` starts 6 characters into the written text.
    checkRegex(literal('\\d"(a+)+', '\\\\d\\"(a+)+'), sink.report);
    expect(sink.diagnostics[0]?.range).toEqual({ start: { offset: 106, line: 4, column: 26 }, end: { offset: 111, line: 4, column: 31 } });
    const tab = new DiagnosticSink();
    checkRegex(literal("\t(a+)+", "\\t(a+)+"), tab.report);
    expect(tab.diagnostics[0]?.range.start.offset).toBe(103);
    const unclear = new DiagnosticSink();
    const odd = literal("(a+)+", "(a+)+   ");
    checkRegex(odd, unclear.report);
    expect(unclear.diagnostics[0]?.range).toEqual(odd.range);
  });

  it.each(["[", "(a", "a{2,1}", "*a", "(?<n>a)(?<n>b)"])("reports the invalid pattern %s as QUAL550 with the engine's reason", (pattern) => {
    const diagnostics = diagnose(pattern);
    expect(diagnostics.map((d) => d.code)).toEqual(["QUAL550"]);
    expect(diagnostics[0]?.message).toMatch(/^this is not a valid regular expression: \S/);
    expect(diagnostics[0]?.message).not.toContain("Invalid regular expression: /");
  });
});
