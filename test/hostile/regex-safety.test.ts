// `matches "regex"` is safe: catastrophic patterns are refused when the model
// is checked, with a diagnostic at the pattern, and the patterns that pass
// run on long adversarial text without hanging (enforced by the watchdog).
import { describe, expect, it } from "vitest";
import { analyze } from "../../packages/language/src/index.js";
import type { Diagnostic } from "../../packages/ir/src/index.js";
import { runIsolated } from "./harness/run-isolated.js";
import { LONG_RUN } from "./harness/settings.js";

/** Text length for the bounded-time check: a cubic pattern hangs at 5,000 characters, a quadratic one takes milliseconds. */
const LENGTH = LONG_RUN ? 20_000 : 5_000;

function modelWith(pattern: string): { source: string; literalStart: number; literalEnd: number } {
  const head = 'model r "R"\ninput {\n  t: text?\n}\ncriterion m "M" = t matches ';
  const literal = JSON.stringify(pattern);
  return { source: `${head}${literal}\ntier yes "Yes" when m\ntier no "No" otherwise\n`, literalStart: head.length, literalEnd: head.length + literal.length };
}

function regexDiagnostics(pattern: string): { diagnostics: Diagnostic[]; literalStart: number; literalEnd: number } {
  const { source, literalStart, literalEnd } = modelWith(pattern);
  const diagnostics = analyze(source).diagnostics.filter((d) => d.code.startsWith("QUAL55"));
  return { diagnostics, literalStart, literalEnd };
}

/** Known-evil patterns from ReDoS write-ups: nested repetition, overlapping alternatives, overlapping repetitions in a row. */
const EVIL: ReadonlyArray<[pattern: string, code: string]> = [
  ["(a+)+$", "QUAL551"],
  ["(a*)*b", "QUAL551"],
  ["(a|aa)+$", "QUAL552"],
  ["(a|a?)+$", "QUAL552"],
  ["^(\\w+\\s?)*$", "QUAL551"],
  ["([a-zA-Z]+)*$", "QUAL551"],
  ["(.*a){12}", "QUAL551"],
  ["^(([a-z])+.)+[A-Z]([a-z])+$", "QUAL551"],
  ["(\\d+|\\d+\\.\\d+)+x", "QUAL551"],
  ["^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$", "QUAL551"],
  ["(x+x+)+y", "QUAL551"],
  ["(?:a+){2,}$", "QUAL551"],
  ["a*a*b", "QUAL553"],
  ["\\d+\\d+x", "QUAL553"],
  ["x.*y.*z", "QUAL553"],
  ["\\s*\\s+$", "QUAL553"],
  [".*@.*\\.com", "QUAL553"],
];

/** Patterns people write that must stay accepted. */
const EVERYDAY = [
  "^test[0-9]*@",
  "spreadsheet|excel|sheets",
  "^(c[efort]o|chief|vp|vice president|head of|director)\\b",
  "^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$",
  "@(gmail|yahoo|hotmail)\\.com$",
  "\\w+@\\w+\\.com",
  "^\\+?[0-9 ()-]{7,}$",
  "^\\d+\\.?\\d*$",
  "\\s*,\\s*$",
  "^[A-Z]{2}$",
  "(foo|bar)baz",
  "[a-z]+ [a-z]+",
  "^(?:https?://)?(?:www\\.)?rival\\.example",
];

describe("regex safety at check time", () => {
  it.each(EVIL)("refuses %s with %s, pointing inside the pattern's string", (pattern, code) => {
    const { diagnostics, literalStart, literalEnd } = regexDiagnostics(pattern);
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
    const d = diagnostics[0] as Diagnostic;
    expect(d.severity).toBe("error");
    expect(d.range.start.offset).toBeGreaterThanOrEqual(literalStart);
    expect(d.range.end.offset).toBeLessThanOrEqual(literalEnd);
    expect(d.message).toMatch(/backtracking/);
  });

  it.each(EVERYDAY)("accepts the everyday pattern %s", (pattern) => {
    expect(regexDiagnostics(pattern).diagnostics).toEqual([]);
  });

  it("an invalid pattern is QUAL550, not an exception", () => {
    for (const pattern of ["[a-z", "(?<n>a)(?<n>b)", "a{2,1}", "\\"]) {
      expect(regexDiagnostics(pattern).diagnostics.map((d) => d.code)).toEqual(["QUAL550"]);
    }
  });
});

describe("accepted patterns on long adversarial text", () => {
  it(`every everyday pattern scores leads with ${LENGTH}-character adversarial texts without hanging`, async () => {
    const outcome = await runIsolated("regex", { runs: 1, params: { patterns: EVERYDAY, length: LENGTH } });
    expect(outcome.counts["accepted"]).toBe(EVERYDAY.length);
  }, 240_000);

  it("the evil patterns, if they were accepted, would hang: the watchdog catches the bare RegExp", async () => {
    // The control: the same harness with the checker bypassed. Without the check-time refusal,
    // a model with one of these patterns would take this long on a single lead.
    // The message must name the pattern's input: a hang while loading the packages would not count.
    await expect(runIsolated("regex", { runs: 1, hangSeconds: 2, params: { raw: true, patterns: ["(a+)+$"], length: 40 } })).rejects.toThrow(
      /hung: input #\d+ .*raw \/\(a\+\)\+\$\/i on 4\d characters/s,
    );
    await expect(runIsolated("regex", { runs: 1, hangSeconds: 2, params: { raw: true, patterns: ["a*a*b"], length: 5_000 } })).rejects.toThrow(
      /hung: input #\d+ .*raw \/a\*a\*b\/i on 5000 characters/s,
    );
  }, 60_000);
});
