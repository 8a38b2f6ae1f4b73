// `matches "regex"` is safe: patterns run on a linear-time engine, so the
// patterns that make a backtracking engine hang are accepted and score long
// adversarial text in milliseconds (enforced by the watchdog, and by a
// generous bound that only a hang would break); what the engine cannot run
// (backreferences, lookaround) is refused when the model is checked.
import { describe, expect, it } from "vitest";
import { analyze } from "../../packages/language/src/index.js";
import { compileModel } from "../../packages/qualify/src/index.js";
import type { Diagnostic } from "../../packages/ir/src/index.js";
import { runIsolated } from "./harness/run-isolated.js";
import { LONG_RUN } from "./harness/settings.js";

/** Text length for the watchdog run: a cubic pattern hangs a backtracking engine at 5,000 characters. */
const LENGTH = LONG_RUN ? 100_000 : 20_000;

/** The field length of the bounded-time check: the default lead limit. */
const FIELD = 100_000;

/** Far above the milliseconds these take, far below the minutes to hours a backtracking engine takes. */
const GENEROUS_MS = 5_000;

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

/** Known-evil patterns from ReDoS write-ups (nested repetition, overlapping alternatives, overlapping repetitions in a row), with the code older versions refused them with. */
const EVIL: ReadonlyArray<[pattern: string, formerCode: string]> = [
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
  ["a.*b", "none"],
  [".*a.*b.*c", "QUAL553"],
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
  it.each(EVIL)("accepts %s (refused before as %s): the linear-time engine runs it", (pattern) => {
    expect(regexDiagnostics(pattern).diagnostics).toEqual([]);
  });

  it.each(["(a)\\1x", "a(?=b)", "(?<!a)b", "(?<w>a)\\k<w>"])("refuses %s, which the engine cannot run, with QUAL554 inside the pattern's string", (pattern) => {
    const { diagnostics, literalStart, literalEnd } = regexDiagnostics(pattern);
    expect(diagnostics.map((d) => d.code)).toEqual(["QUAL554"]);
    const d = diagnostics[0] as Diagnostic;
    expect(d.severity).toBe("error");
    expect(d.range.start.offset).toBeGreaterThan(literalStart);
    expect(d.range.end.offset).toBeLessThan(literalEnd);
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
  it.each(EVIL)(`%s scores a ${FIELD.toLocaleString("en-US")}-character field in milliseconds, not minutes`, (pattern) => {
    const model = compileModel(modelWith(pattern).source);
    const texts = ["a".repeat(FIELD), "x".repeat(FIELD), `${"ab".repeat(FIELD / 2 - 1)}!`, `${"a".repeat(FIELD - 1)}!`, `${"x".repeat(FIELD - 2)}yz`];
    const started = performance.now();
    const tiers = texts.map((t) => model.score({ t }, { now: 0 }).tier);
    const elapsed = performance.now() - started;
    expect(tiers.every((tier) => tier === "yes" || tier === "no")).toBe(true);
    expect(elapsed).toBeLessThan(GENEROUS_MS * texts.length);
  });

  it("matches as a search engine should on the long field: found at the far end, not found when absent", () => {
    const model = compileModel(modelWith(".*a.*b.*c").source);
    expect(model.score({ t: `${"x".repeat(FIELD - 3)}abc` }, { now: 0 }).tier).toBe("yes");
    expect(model.score({ t: `${"x".repeat(FIELD - 3)}acb` }, { now: 0 }).tier).toBe("no");
  });

  it(`every everyday and evil pattern scores leads with ${LENGTH}-character adversarial texts without hanging`, async () => {
    const patterns = [...EVERYDAY, ...EVIL.map(([p]) => p)];
    const outcome = await runIsolated("regex", { runs: 1, params: { patterns, length: LENGTH } });
    expect(outcome.counts["accepted"]).toBe(patterns.length);
  }, 240_000);

  it("the evil patterns would hang a backtracking engine: the watchdog catches the bare RegExp", async () => {
    // The control: the same harness on JavaScript's own RegExp. On a backtracking engine,
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
