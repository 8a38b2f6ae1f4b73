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

  it.each(["(a+)+", "(a*)*", "(\\w+\\s?)*", "(x+x+)+y", "(a|a)*", "(\\w|\\d)+", "a*a*b", "x.*y.*z", ".*@.*\\.com", "(.*a){12}", ".*a.*b.*c"])(
    "accepts %s, which backtracking engines take exponential or polynomial time on: the linear-time engine runs it",
    (pattern) => {
      expect(diagnose(pattern)).toEqual([]);
    },
  );

  it.each([
    ["(a)\\1", "a backreference (`\\1`)"],
    ["(?<n>a)\\k<n>", "a backreference (`\\k<n>`)"],
    ["a(?=b)", "a lookaround (`(?=`)"],
    ["a(?!b)", "a lookaround (`(?!`)"],
    ["(?<=a)b", "a lookaround (`(?<=`)"],
    ["(?<!a)b", "a lookaround (`(?<!`)"],
  ])("refuses %s with QUAL554, naming the construct", (pattern, part) => {
    const diagnostics = diagnose(pattern);
    expect(diagnostics.map((d) => d.code)).toEqual(["QUAL554"]);
    expect(diagnostics[0]?.message).toContain(part);
    expect(diagnostics[0]?.message).toContain("linear-time");
  });

  it.each(["[\\1]", "\\\\1", "[(?=]", "\\(?=", "\\k"])("does not mistake %s (escaped or inside a class) for a backreference or lookaround", (pattern) => {
    expect(diagnose(pattern).map((d) => d.code)).not.toContain("QUAL554");
  });

  it("points at the construct inside the string, counting escapes as written", () => {
    const literal = (value: string, written: string) => ({
      kind: "StringLiteral" as const,
      value,
      range: { start: { offset: 100, line: 4, column: 20 }, end: { offset: 102 + written.length, line: 4, column: 22 + written.length } },
    });
    const sink = new DiagnosticSink();
    // Written `"\\d\"(a)\\1"`: the value is `\d"(a)\1`; `\1` starts 8 characters into the written text.
    checkRegex(literal('\\d"(a)\\1', '\\\\d\\"(a)\\\\1'), sink.report);
    expect(sink.diagnostics[0]?.range).toEqual({ start: { offset: 109, line: 4, column: 29 }, end: { offset: 112, line: 4, column: 32 } });
    const tab = new DiagnosticSink();
    checkRegex(literal("\t(?=a)", "\\t(?=a)"), tab.report);
    expect(tab.diagnostics[0]?.range.start.offset).toBe(103);
    const unclear = new DiagnosticSink();
    const odd = literal("a(?=b)", "a(?=b)   ");
    checkRegex(odd, unclear.report);
    expect(unclear.diagnostics[0]?.range).toEqual(odd.range);
  });

  it.each(["[\\b]"])("reports %s, valid JavaScript that the engine does not read, as QUAL550 with the engine's reason", (pattern) => {
    const diagnostics = diagnose(pattern);
    expect(diagnostics.map((d) => d.code)).toEqual(["QUAL550"]);
    expect(diagnostics[0]?.message).toMatch(/^this is not a valid regular expression: invalid escape sequence/);
  });

  it.each(["[", "(a", "a{2,1}", "*a", "(?<n>a)(?<n>b)"])("reports the invalid pattern %s as QUAL550 with the engine's reason", (pattern) => {
    const diagnostics = diagnose(pattern);
    expect(diagnostics.map((d) => d.code)).toEqual(["QUAL550"]);
    expect(diagnostics[0]?.message).toMatch(/^this is not a valid regular expression: \S/);
    expect(diagnostics[0]?.message).not.toContain("Invalid regular expression: /");
  });
});
