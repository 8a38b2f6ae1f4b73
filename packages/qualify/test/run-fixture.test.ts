import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileModel } from "../src/index.js";
import { computeCoverage, FIXTURE_CODES, runFixtureFile } from "../src/node.js";

const MODEL = `model inbound "Inbound"
input {
  employees: number?
  country: text?
  whitepaper: bool = false
  last_activity: date?
  email: text
}
criterion target "Target country" = country in ["US", "CA"]
score fit "Fit" max 25 {
  "Mid-market": +20 when employees between 50 and 1000
  "Target": +10 when target
}
score engagement "Engagement" {
  "Whitepaper": +15 when whitepaper
  "Gone quiet": -10 when not (last_activity within 60 days)
}
score total "Total" = fit + engagement
disqualify "Competitor" when email ends with "@rival.example"
tier sql "Sales qualified" when total >= 30
tier lead "Lead" otherwise
`;

const dir = mkdtempSync(join(tmpdir(), "qualify-fixtures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, "models"));
mkdirSync(join(dir, "tests"));
writeFileSync(join(dir, "models", "inbound.qual"), MODEL);

function fixture(name: string, text: string): string {
  const path = join(dir, "tests", name);
  writeFileSync(path, text);
  return path;
}

describe("runFixtureFile", () => {
  it("runs cases against the model named relative to the fixture, with file and case `now`", async () => {
    const path = fixture(
      "pass.test.yaml",
      `model: ../models/inbound.qual
now: 2026-11-01
cases:
  - name: capped fit, active
    lead: { employees: 200, country: us, whitepaper: true, last_activity: 2026-10-20, email: a@b.example }
    expect: { tier: sql, scores: { fit: 25, engagement: 15, total: 40 }, criteria: { target: true }, unknown: [] }
  - name: gone quiet by the case's own now
    now: 2027-06-01
    lead: { employees: 200, country: us, last_activity: 2026-10-20, email: a@b.example }
    expect: { scores: { engagement: -10, total: 15 }, tier: lead }
  - name: country unknown
    lead: { email: a@b.example }
    expect: { criteria: { target: null }, unknown: [target, fit/Mid-market, fit/Target, engagement/Gone quiet] }
  - name: competitor
    lead: { email: x@RIVAL.example }
    expect: { tier: disqualified, disqualified: [Competitor] }
  - name: email is required
    lead: { country: US }
    error: true
`,
    );
    const run = await runFixtureFile(path);
    expect(run.diagnostics).toEqual([]);
    expect(run.modelFile).toBe(join(dir, "models", "inbound.qual"));
    expect(run.cases.map((c) => [c.name, c.passed, c.differences, c.error])).toEqual([
      ["capped fit, active", true, [], undefined],
      ["gone quiet by the case's own now", true, [], undefined],
      ["country unknown", true, [], undefined],
      ["competitor", true, [], undefined],
      ["email is required", true, [], undefined],
    ]);
  });

  it("reports expected against actual for failing cases, and a lead rejected unexpectedly", async () => {
    const path = fixture(
      "fail.test.yaml",
      `model: ../models/inbound.qual
now: 2026-11-01
cases:
  - name: wrong
    lead: { employees: 200, email: a@b.example }
    expect: { tier: sql, scores: { fit: 30 }, criteria: { target: false }, unknown: [target] }
  - name: unexpectedly invalid
    lead: { employees: many, email: a@b.example }
    expect: { tier: lead }
  - name: unexpectedly valid
    lead: { email: a@b.example }
    error: true
`,
    );
    const run = await runFixtureFile(path);
    const [wrong, invalid, valid] = run.cases;
    expect(wrong?.passed).toBe(false);
    expect(wrong?.differences).toEqual([
      { path: "tier", expected: "sql", actual: "lead" },
      { path: "scores.fit", expected: 30, actual: 20 },
      { path: "criteria.target", expected: false, actual: null },
      { path: "unknown", expected: ["target"], actual: ["target", "fit/Target", "engagement/Gone quiet"] },
    ]);
    expect(invalid?.passed).toBe(false);
    expect(invalid?.error).toMatch(/rejected as invalid:[\s\S]*"employees" should be a number/);
    expect(valid?.passed).toBe(false);
    expect(valid?.differences[0]?.path).toBe("error");
  });

  it("warns, per case, when the model reads the date and no `now` is given", async () => {
    const path = fixture(
      "nonow.test.yaml",
      `model: ../models/inbound.qual
cases:
  - name: no now
    lead: { email: a@b.example }
  - name: own now
    now: 2026-11-01T12:00:00Z
    lead: { email: a@b.example }
`,
    );
    const run = await runFixtureFile(path);
    expect(run.diagnostics.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([[FIXTURE_CODES.missingNow, "warning", 3]]);
    expect(run.cases.every((c) => c.passed)).toBe(true);
  });

  it("reports a lead key the model does not declare at its line, with did you mean, and fails the case", async () => {
    writeFileSync(
      join(dir, "models", "nested.qual"),
      `model nested "Nested"
input {
  email: text
  unsubscribed: bool?
  company: { employees: number? }
  contacts: list of { name: text  role: text? }?
}
criterion out "Out" = unsubscribed = true
tier cold "Cold" when out
tier lead "Lead" otherwise
`,
    );
    const path = fixture(
      "keys.test.yaml",
      `model: ../models/nested.qual
cases:
  - name: typo
    lead:
      email: a@b.example
      unsubscibed: true
      company: { employes: 5 }
      contacts:
        - { name: A, rol: VP }
    expect: { tier: cold }
  - name: clean
    lead: { email: a@b.example, unsubscribed: false, company: { employees: 5 }, contacts: [{ name: A, role: VP }] }
    expect: { tier: lead }
`,
    );
    const run = await runFixtureFile(path);
    expect(run.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.column, d.suggestion?.edits[0]?.newText])).toEqual([
      [FIXTURE_CODES.undeclaredLeadKey, "error", 6, 7, "unsubscribed"],
      [FIXTURE_CODES.undeclaredLeadKey, "error", 7, 18, "employees"],
      [FIXTURE_CODES.undeclaredLeadKey, "error", 9, 22, "role"],
    ]);
    expect(run.diagnostics[0]?.message).toBe('In case "typo": `unsubscibed` is not a field of the model (did you mean `unsubscribed`?); the model ignores it.');
    expect(run.diagnostics[2]?.message).toContain("`contacts[0].rol` is not a field of `contacts[0]` (did you mean `role`?)");
    const [typo, clean] = run.cases;
    expect(typo?.passed).toBe(false);
    expect(typo?.error).toMatch(/^the lead has keys the model does not declare:\n- `unsubscibed`/);
    expect(clean?.passed).toBe(true);
  });

  it("reports an invalid file `now:` once, as QUAL704 at its line, without also saying cases have no now", async () => {
    for (const written of ["20261101", "11/01/2026"]) {
      const path = fixture(
        "badnow.test.yaml",
        `model: ../models/inbound.qual
now: ${written}
cases:
  - name: uses the file's now
    lead: { email: a@b.example }
  - name: has its own
    now: 2026-11-01
    lead: { email: a@b.example }
    expect: { tier: lead }
`,
      );
      const run = await runFixtureFile(path);
      expect(run.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([[FIXTURE_CODES.badNow, 2]]);
      expect(run.cases.map((c) => [c.passed, c.error])).toEqual([
        [false, "not run: the test file's `now:` (line 2) is not a date"],
        [true, undefined],
      ]);
    }
  });

  it("runs the cases of a model that does not read the date despite an invalid `now:`", async () => {
    writeFileSync(join(dir, "models", "dateless.qual"), 'model dateless "D"\ninput { n: number }\ntier big "Big" when n > 5\ntier small "Small" otherwise\n');
    const run = await runFixtureFile(fixture("dateless.test.yaml", "model: ../models/dateless.qual\nnow: 20261101\ncases:\n  - name: a\n    lead: { n: 9 }\n    expect: { tier: big }\n"));
    expect(run.diagnostics.map((d) => d.code)).toEqual([FIXTURE_CODES.badNow]);
    expect(run.cases.map((c) => c.passed)).toEqual([true]);
  });

  it("fails every case when the model is missing or broken, saying why", async () => {
    const missing = await runFixtureFile(fixture("missing.test.yaml", "model: nope.qual\ncases:\n  - name: a\n    lead: {}\n"));
    expect(missing.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([[FIXTURE_CODES.modelUnreadable, 1, 8]]);
    expect(missing.cases.map((c) => c.passed)).toEqual([false]);
    writeFileSync(join(dir, "models", "broken.qual"), MODEL.replace("total >= 30", "totl >= 30"));
    const broken = await runFixtureFile(fixture("broken.test.yaml", "model: ../models/broken.qual\ncases:\n  - name: a\n    lead: {}\n"));
    expect(broken.diagnostics.map((d) => d.code)).toEqual([FIXTURE_CODES.modelHasErrors]);
    expect(broken.modelDiagnostics?.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(broken.cases[0]?.error).toBe("the model has errors");
  });

  it("reports an unreadable fixture as a diagnostic instead of rejecting", async () => {
    const run = await runFixtureFile(join(dir, "tests", "absent.test.yaml"));
    expect(run.diagnostics[0]?.code).toBe(FIXTURE_CODES.modelUnreadable);
    expect(run.diagnostics[0]?.message).toContain("absent.test.yaml");
  });
});

describe("computeCoverage", () => {
  const model = compileModel(MODEL);
  const now = "2026-11-01";

  it("lists the outcomes no result exercised, asking for unknown only where it can happen", () => {
    const results = [model.evaluate({ employees: 200, country: "US", whitepaper: true, last_activity: "2026-10-20", email: "a@b.example" }, { now })];
    const report = computeCoverage(model.ir, results);
    const missing = Object.fromEntries(report.items.map((i) => [`${i.kind} ${i.id}`, i.missing]));
    expect(missing).toEqual({
      "criterion target": ["false", "unknown"],
      "rule fit/Mid-market": ["false", "unknown"],
      "rule fit/Target": ["false", "unknown"],
      // whitepaper has a default: it is never unknown.
      "rule engagement/Whitepaper": ["false"],
      "rule engagement/Gone quiet": ["true", "unknown"],
      "disqualify disqualify/Competitor": ["true"],
      "tier sql": ["false"],
      "tier lead": ["true"],
    });
    expect(report.total).toBe(3 + 3 + 3 + 2 + 3 + 2 + 2 + 1);
    expect(report.covered).toBe(report.total - Object.values(missing).flat().length);
  });

  it("is complete for a suite that shows every outcome", () => {
    const leads = [
      { employees: 200, country: "US", whitepaper: true, last_activity: "2026-10-20", email: "a@b.example" },
      { employees: 5, country: "FR", last_activity: "2020-01-01", email: "a@b.example" },
      { email: "a@b.example" },
      { email: "a@rival.example" },
    ];
    const report = computeCoverage(model.ir, leads.map((l) => model.evaluate(l, { now })));
    expect(report.items.filter((i) => i.missing.length > 0).map((i) => [i.id, i.missing])).toEqual([]);
    expect(report.covered).toBe(report.total);
  });
});
