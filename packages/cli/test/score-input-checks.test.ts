import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { DATED_MODEL, MINI_MODEL, qualify, workspace } from "./run-cli.js";

// What `score` checks before and after the rows, so a wrong column or a run
// that scored nothing is never a green run with silently wrong results.

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const CRM = ["Name,Budget USD,Job Title,Pain Points,Employees", "Ada,50000,CFO,churn,200", "Bob,100,intern,x,", ""].join("\n");

describe("qualify score checks the input's columns before scoring", () => {
  it("refuses a map column that is not in the header, with a did-you-mean, before any row is scored", () => {
    const map = "fields:\n  budget: Budget USD\n  role: Job Titel\n  pains: Pain Points\n";
    const ws = workspace({ "mini.qual": MINI_MODEL, "crm.csv": CRM, "fields.yaml": map });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "crm.csv", "--map", "fields.yaml", "--out", "scored.csv"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the map reads `role` from the column "Job Titel", which is not in the header of crm.csv; did you mean "Job Title"?');
    expect(run.stderr).not.toContain("rows read");
    expect(existsSync(ws.path("scored.csv"))).toBe(false);
  });

  it("stops with a hint when no column matches any field (a CRM export without --map)", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "crm.csv": CRM });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "crm.csv", "--out", "scored.csv"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no column of crm.csv matches a field of the model: did you mean to pass --map?");
    expect(run.stderr).toMatch(/columns: Name, Budget USD, Job Title/);
    expect(run.stderr.split("\n").length).toBeLessThan(10);
    expect(existsSync(ws.path("scored.csv"))).toBe(false);
  });

  it("lists once the fields no column feeds, and scores on", () => {
    const map = "fields:\n  budget: Budget USD\n  role: Job Title\n  pains: { column: Pain Points }\n";
    const ws = workspace({ "mini.qual": MINI_MODEL, "crm.csv": CRM, "fields.yaml": map });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "crm.csv", "--map", "fields.yaml", "--out", "scored.csv"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const notes = run.stderr.split("\n").filter((l) => l.startsWith("not in the input:"));
    expect(notes).toEqual(["not in the input: country, company.employees, do_not_email — read as missing"]);
    expect(run.stderr).toContain("2 rows read: 2 scored, 0 rejected");
  });
});

describe("qualify score's summary", () => {
  it("shows the first rejected rows in full on a terminal, then counts by problem, and fails a run that scored nothing", () => {
    const rows = ["budget,pains"];
    for (let i = 0; i < 12; i++) rows.push(i % 2 === 0 ? `lots${i},a` : `x${i},`);
    const ws = workspace({ "mini.qual": MINI_MODEL, "bad.csv": `${rows.join("\n")}\n` });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "bad.csv", "--out", "scored.csv"], { cwd: ws.dir });
    expect(run.stderr.match(/^row \d+ \(line \d+\) rejected:$/gm)).toHaveLength(5);
    expect(run.stderr).toContain("… and 7 more rejected rows, by problem:");
    expect(run.stderr).toMatch(/^ {2}7 × budget: expected number$/m);
    expect(run.stderr).toMatch(/^ {2}4 × pains: expected list of text$/m);
    expect(run.stderr).toContain("12 rows read: 0 scored, 12 rejected (the first above; pass --errors FILE to keep them all)");
    expect(run.stderr).toContain("no row could be scored");
    expect(run.code).toBe(1);
  });

  it("says which evaluation time was used, and which date fields had no column at all", () => {
    const ws = workspace({ "dated.qual": DATED_MODEL, "a.csv": "last_seen\n2026-10-20\n", "b.csv": "name\nAda\n", "mini.qual": MINI_MODEL, "m.csv": "budget,pains\n1,a\n" });
    cleanup = ws.cleanup;
    const fixed = qualify(["score", "dated.qual", "--in", "a.csv", "--out", "a.out.csv", "--now", "2026-11-01"], { cwd: ws.dir });
    expect(fixed.stderr).toMatch(/^evaluation time: 2026-11-01/m);
    expect(fixed.stderr).toContain("tiers: active 1 (100.0%)");
    const today = qualify(["score", "dated.qual", "--in", "a.csv", "--out", "b.out.csv"], { cwd: ws.dir });
    expect(today.stderr).toMatch(/^evaluation time: \d{4}-\d\d-\d\dT[\d:.]+Z \(now: pass --now to fix it\)$/m);
    // A model with no date test has no evaluation time to speak of.
    const undated = qualify(["score", "mini.qual", "--in", "m.csv", "--out", "m.out.csv"], { cwd: ws.dir });
    expect(undated.stderr).not.toContain("evaluation time");
  });

  it("refuses to replace an existing --out without --force, like convert", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "m.csv": "budget,pains\n1,a\n" });
    cleanup = ws.cleanup;
    expect(qualify(["score", "mini.qual", "--in", "m.csv", "--out", "out.csv"], { cwd: ws.dir }).code).toBe(0);
    const again = qualify(["score", "mini.qual", "--in", "m.csv", "--out", "out.csv"], { cwd: ws.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("out.csv already exists; pass --force to replace it");
    expect(qualify(["score", "mini.qual", "--in", "m.csv", "--out", "out.csv", "--force"], { cwd: ws.dir }).code).toBe(0);
  });
});
