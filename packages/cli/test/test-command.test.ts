import { afterEach, describe, expect, it } from "vitest";
import { DATED_MODEL, MINI_MODEL, qualify, workspace } from "./run-cli.js";

const PASSING = `model: ../models/mini.qual
cases:
  - name: hot lead
    lead: { budget: 50000, role: cfo, pains: [churn], company: { employees: 200 } }
    expect: { tier: hot, criteria: { big: true, decider: true }, scores: { fit: 30 } }
  - name: budget unknown
    lead: { role: CEO, pains: [] }
    expect: { tier: cold, criteria: { big: null }, scores: { fit: 5 }, unknown: [big, fit/Big budget, fit/Mid-market, hot] }
  - name: opted out
    lead: { budget: 50000, pains: [], do_not_email: true }
    expect: { tier: disqualified, disqualified: [Opted out] }
  - name: invalid lead
    lead: { budget: lots, pains: [] }
    error: true
`;

const FAILING = `model: ../models/mini.qual
cases:
  - name: wrong tier and score
    lead: { budget: 50000, role: intern, pains: [] }
    expect: { tier: hot, scores: { fit: 99 } }
  - name: valid lead expected to be rejected
    lead: { pains: [] }
    error: true
  - name: passes
    lead: { pains: [] }
    expect: { tier: cold }
`;

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("qualify test", () => {
  it("runs every *.test.yaml found and ends with `N passed, 0 failed`", () => {
    const ws = workspace({ "models/mini.qual": MINI_MODEL, "tests/mini.test.yaml": PASSING });
    cleanup = ws.cleanup;
    const run = qualify(["test", "."], { cwd: ws.dir });
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("4 passed, 0 failed");
    expect(run.code).toBe(0);
  });

  it("shows each failing case with expected against actual and exits 1", () => {
    const ws = workspace({ "models/mini.qual": MINI_MODEL, "tests/mini.test.yaml": FAILING });
    cleanup = ws.cleanup;
    const run = qualify(["test", "tests"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL tests\/mini\.test\.yaml:3 wrong tier and score/);
    expect(run.stdout).toContain("tier: expected hot, got warm");
    expect(run.stdout).toContain("scores.fit: expected 99, got 25");
    expect(run.stdout).toMatch(/FAIL .*valid lead expected to be rejected\n\s+error: expected the lead is rejected as invalid, got accepted, tier cold/);
    expect(run.stdout).not.toMatch(/FAIL .* passes/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 2 failed");
  });

  it("fails every case of a fixture whose model has errors, printing the model's diagnostics", () => {
    const broken = MINI_MODEL.replace("budget >= 10_000", "budget >= \"lots\"");
    const ws = workspace({ "models/mini.qual": broken, "tests/mini.test.yaml": PASSING });
    cleanup = ws.cleanup;
    const run = qualify(["test"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/mini\.qual:\d+:\d+: error QUAL3\d\d/);
    expect(run.stdout).toMatch(/tests\/mini\.test\.yaml:1:8: error QUAL706/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("0 passed, 4 failed");
  });

  it("counts a fixture that cannot run at all as a failure", () => {
    const ws = workspace({ "broken.test.yaml": "model: [unclosed\n" });
    cleanup = ws.cleanup;
    const run = qualify(["test", "broken.test.yaml"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/broken\.test\.yaml:\d+:\d+: error QUAL701/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("0 passed, 1 failed");
  });

  it("reports a missing model file against the `model:` line", () => {
    const ws = workspace({ "t.test.yaml": "model: nope.qual\ncases:\n  - name: a\n    lead: {}\n" });
    cleanup = ws.cleanup;
    const run = qualify(["test"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/t\.test\.yaml:1:8: error QUAL705: Cannot load the model: .*nope\.qual: cannot read the file \(no such file or directory\)/);
  });

  it("warns when a model that uses dates is tested without `now`, and uses `now` when given", () => {
    const fixture = `model: dated.qual
cases:
  - name: seen last week
    now: 2026-11-01
    lead: { last_seen: 2026-10-25 }
    expect: { tier: active, criteria: { recent: true } }
  - name: no now
    lead: { last_seen: 2000-01-01 }
    expect: { tier: idle }
`;
    const ws = workspace({ "dated.qual": DATED_MODEL, "dated.test.yaml": fixture });
    cleanup = ws.cleanup;
    const run = qualify(["test"], { cwd: ws.dir });
    expect(run.stdout).toMatch(/dated\.test\.yaml:7:\d+: warning QUAL707: .*"no now" has no `now:`/);
    expect(run.stdout).not.toMatch(/dated\.test\.yaml:3:\d+: warning/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("2 passed, 0 failed");
    expect(run.code).toBe(0);
  });

  it("reports with --coverage the outcomes no case exercised", () => {
    const fixture = `model: mini.qual
cases:
  - name: hot lead
    lead: { budget: 50000, role: cfo, pains: [churn], company: { employees: 200 } }
    expect: { tier: hot }
`;
    const ws = workspace({ "mini.qual": MINI_MODEL, "mini.test.yaml": fixture });
    cleanup = ws.cleanup;
    const run = qualify(["test", "--coverage"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/coverage .*mini\.qual: \d+\/\d+ outcomes \(\d+\.\d%\)/);
    expect(run.stdout).toContain("criterion big: never false, unknown");
    expect(run.stdout).toContain("criterion decider: never false, unknown");
    expect(run.stdout).toContain("rule fit/Mid-market: never false, unknown");
    expect(run.stdout).toContain("disqualify disqualify/Opted out: never true");
    expect(run.stdout).toContain("tier hot: never false, unknown");
    expect(run.stdout).toContain("tier cold: never chosen");
    // A rule on a defaulted field can never be unknown, so unknown is not asked for.
    expect(run.stdout).toContain("rule fit/Home market: never false\n");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 0 failed");
  });

  it("checks raw and reasons, and fails a case whose lead has a key the model does not declare, saying which", () => {
    const fixture = `model: mini.qual
cases:
  - name: capped, with its reasons
    lead: { budget: 50000, pains: [a, b], company: { employees: 200 } }
    expect: { scores: { fit: 30 }, raw: { fit: 50 }, reasons: [fit/Big budget, { score: fit, rule: Has pains, points: 10 }] }
  - name: wrong reason points
    lead: { budget: 50000, pains: [a] }
    expect: { reasons: [{ score: fit, rule: Has pains, points: 10 }, fit/Mid-market] }
  - name: misspelt field
    lead: { pains: [], do_not_emial: true }
    expect: { tier: cold }
`;
    const ws = workspace({ "mini.qual": MINI_MODEL, "mini.test.yaml": fixture });
    cleanup = ws.cleanup;
    const run = qualify(["test"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/mini\.test\.yaml:10:24: error QUAL708: In case "misspelt field": `do_not_emial` is not a field of the model \(did you mean `do_not_email`\?\)/);
    expect(run.stdout).toContain("reasons: expected fit/Has pains +10, got fit/Has pains +5");
    expect(run.stdout).toMatch(/reasons: expected fit\/Mid-market, got not among \[fit\/Big budget \+20, /);
    expect(run.stdout).toMatch(/FAIL mini\.test\.yaml:9 misspelt field\n\s+the lead has keys the model does not declare:/);
    expect(run.stdout).not.toMatch(/FAIL .*capped, with its reasons/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 2 failed");
  });

  it("reports a `now:` that is not a date (a number, a US date) once, as QUAL704", () => {
    const fixture = `model: dated.qual
now: 11/01/2026
cases:
  - name: seen last week
    lead: { last_seen: 2026-10-25 }
    expect: { tier: active }
`;
    const ws = workspace({ "dated.qual": DATED_MODEL, "dated.test.yaml": fixture });
    cleanup = ws.cleanup;
    const run = qualify(["test"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/dated\.test\.yaml:2:6: error QUAL704: `now:` must be a date/);
    expect(run.stdout).not.toContain("QUAL707");
    expect(run.stdout).not.toContain("evaluation failed");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("0 passed, 1 failed");
  });

  it("exits 2 when no fixture is found", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["test"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no test files \(\*\.test\.yaml\) found in \./);
  });
});
