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

  it("explains a row of a CSV or JSON Lines file with --in and --row, through the map as score reads it", () => {
    const csv = "Name,Budget USD,Pain Points,Staff\nAda,50000,churn;cost,200\nBob,100,x,\n";
    const map = "fields:\n  budget: Budget USD\n  pains: Pain Points\n  company.employees: Staff\n";
    const jsonl = `${JSON.stringify({ budget: 100, pains: ["x"] })}\n${JSON.stringify({ budget: 50000, role: "CFO", pains: ["a"] })}\n`;
    const ws = workspace({ "mini.qual": MINI_MODEL, "crm.csv": csv, "fields.yaml": map, "leads.jsonl": jsonl });
    cleanup = ws.cleanup;
    const first = qualify(["explain", "mini.qual", "--in", "crm.csv", "--row", "1", "--map", "fields.yaml", "--json"], { cwd: ws.dir });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ scores: { fit: 30 }, criteria: { big: true } });
    expect(first.stderr).toContain('row 1 of crm.csv, read through fields.yaml: {"budget":50000,"pains":["churn","cost"],"company":{"employees":200}}');
    const second = qualify(["explain", "mini.qual", "--in", "crm.csv", "--row", "2", "--map", "fields.yaml"], { cwd: ws.dir });
    expect(second.stdout).toMatch(/big "Big budget": no/);
    const json = qualify(["explain", "mini.qual", "--in", "leads.jsonl", "--row", "2", "--json"], { cwd: ws.dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ criteria: { big: true, decider: true } });
    const past = qualify(["explain", "mini.qual", "--in", "crm.csv", "--row", "9"], { cwd: ws.dir });
    expect(past.code).toBe(2);
    expect(past.stderr).toContain("crm.csv has 2 rows after its header; there is no row 9");
    const both = qualify(["explain", "mini.qual", "--in", "crm.csv", "--row", "1", "--lead", "{}"], { cwd: ws.dir });
    expect(both.code).toBe(2);
    expect(qualify(["explain", "mini.qual", "--in", "crm.csv"], { cwd: ws.dir }).stderr).toContain("--in needs --row N");
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
    expect(noLead.stderr).toMatch(/give the lead with --lead JSON\|file\|-, or a row of a file with --in FILE --row N/);
  });
});
