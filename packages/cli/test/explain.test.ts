import { afterEach, describe, expect, it } from "vitest";
import { DATED_MODEL, MINI_MODEL, qualify, workspace } from "./run-cli.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("qualify explain", () => {
  it("breaks a result down: tier, scores with the rules that fired, caps, criteria and what to ask", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const lead = JSON.stringify({ budget: 50000, pains: ["churn", "cost"], company: { employees: 200 } });
    const run = qualify(["explain", "mini.qual", "--lead", lead], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("tier: warm — Warm");
    expect(run.stdout).toMatch(/fit "Fit": 30 \(raw 50, capped at max 30\)/);
    expect(run.stdout).toMatch(/\+20 {2}Big budget/);
    expect(run.stdout).toMatch(/\+10 {2}Has pains/);
    expect(run.stdout).toMatch(/big "Big budget": yes/);
    expect(run.stdout).toMatch(/decider "Decider": unknown \(needs role\)/);
    expect(run.stdout).toMatch(/tiers passed over as unknown\n {2}hot "Hot" \(needs role\)/);
    expect(run.stdout).toContain("could still land in: hot, warm (now warm)");
    expect(run.stdout).toMatch(/\? {2}role: decides between hot, warm/);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("to decide, ask about: role");
  });

  it("shows a score's range and the fields that cannot change the tier", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    // Without company.employees, "Mid-market" (+15) may or may not apply: fit is 5 now, 5 to 20 once known.
    const run = qualify(["explain", "mini.qual", "--lead", JSON.stringify({ role: "CEO", budget: 100, pains: [], company: {} })], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/fit "Fit": 5 \(5 to 20 once known\)/);
    expect(run.stdout).toContain("could still land in: warm, cold (now cold)");
    expect(run.stdout).toMatch(/company\.employees: decides between warm, cold/);
    const settled = qualify(["explain", "mini.qual", "--lead", JSON.stringify({ budget: 50000, role: "CEO", pains: [] })], { cwd: ws.dir });
    expect(settled.stdout).toMatch(/company\.employees: does not change the tier/);
    expect(settled.stdout.trimEnd().split("\n").at(-1)).toBe("the tier stays hot whatever is missing");
  });

  it("says only what decided a disqualified lead: no undecided knockouts, ranges or questions", () => {
    const model = `model ko "Knockouts"
input {
  email: text
  role: text?
  employees: number?
}
score fit "Fit" {
  "Sized": 10 when employees > 50
}
disqualify "Competitor" when email ends with "@rival.example"
disqualify "No role" when role = "none"
tier hot "Hot" when fit >= 10
tier lead "Lead" otherwise
`;
    const ws = workspace({ "ko.qual": model });
    cleanup = ws.cleanup;
    const run = qualify(["explain", "ko.qual", "--lead", JSON.stringify({ email: "a@rival.example" })], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("tier: disqualified");
    expect(run.stdout).not.toContain("knockouts not decided");
    expect(run.stdout).not.toContain("ask about");
    expect(run.stdout).not.toContain("once known");
    expect(run.stdout).not.toContain("needs");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe('disqualified by "Competitor": no missing answer can change that');
  });

  it("says why a score is unknown when no field is missing (a division by zero)", () => {
    const model = `model ratio "Ratio"
input {
  won: number
  lost: number
}
score rate "Win rate" = won / lost
tier lead "Lead" otherwise
`;
    const ws = workspace({ "ratio.qual": model });
    cleanup = ws.cleanup;
    const run = qualify(["explain", "ratio.qual", "--lead", JSON.stringify({ won: 3, lost: 0 })], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\? {2}unknown \(division by zero\)/);
    expect(run.stdout).toContain("no input field is missing");
    const json = qualify(["explain", "ratio.qual", "--json", "--lead", JSON.stringify({ won: 3, lost: 0 })], { cwd: ws.dir });
    expect(JSON.parse(json.stdout).unknown).toEqual([{ id: "rate", missing: [], because: ["division by zero"] }]);
  });

  it("prints the raw result with --json and reads the lead from a file, with --now", () => {
    const ws = workspace({ "dated.qual": DATED_MODEL, "lead.json": '{"last_seen": "2026-10-20"}' });
    cleanup = ws.cleanup;
    const recent = qualify(["explain", "dated.qual", "--lead", "lead.json", "--now", "2026-11-01", "--json"], { cwd: ws.dir });
    expect(recent.code).toBe(0);
    expect(JSON.parse(recent.stdout)).toMatchObject({ model: "dated", tier: "active", criteria: { recent: true } });
    const later = qualify(["explain", "dated.qual", "--lead", "lead.json", "--now", "2027-06-01T00:00:00Z", "--json"], { cwd: ws.dir });
    expect(JSON.parse(later.stdout)).toMatchObject({ tier: "idle", criteria: { recent: false } });
  });

  it("reads the lead from stdin with --lead -", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["explain", "mini.qual", "--lead", "-", "--json"], { cwd: ws.dir, input: '{"pains": [], "do_not_email": true}' });
    expect(JSON.parse(run.stdout)).toMatchObject({ tier: "disqualified", disqualified: ["Opted out"] });
  });

  it("lists every issue of an invalid lead, naming the field, and exits 1", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["explain", "mini.qual", "--lead", '{"budget": "lots", "pains": "churn"}'], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/budget: .*number/);
    expect(run.stderr).toMatch(/pains: .*list of text/);
    expect(run.stdout).toBe("");
  });

  it("exits 2 for a lead that is not JSON, a lead file that does not exist, a bad --now, or no --lead", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const badJson = qualify(["explain", "mini.qual", "--lead", "{budget: 1}"], { cwd: ws.dir });
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain("--lead: the lead is not valid JSON");
    const noFile = qualify(["explain", "mini.qual", "--lead", "missing.json"], { cwd: ws.dir });
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("missing.json: cannot read the lead file (no such file or directory)");
    const badNow = qualify(["explain", "mini.qual", "--lead", "{}", "--now", "yesterday"], { cwd: ws.dir });
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now "yesterday" is not a date');
    const noLead = qualify(["explain", "mini.qual"], { cwd: ws.dir });
    expect(noLead.code).toBe(2);
    expect(noLead.stderr).toMatch(/required option '--lead/);
  });
});
