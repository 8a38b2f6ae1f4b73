import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { MINI_MODEL, qualify, workspace } from "./run-cli.js";

// Version 2 of the mini model: a big budget is worth 5 points, not 20, and warm needs 20.
const MINI_V2 = MINI_MODEL.replace('"Big budget":   +20 when big', '"Big budget":   +5 when big').replace("fit >= 15", "fit >= 20");

// v1: Ada hot (fit 30), Bob cold (10), Cy rejected (budget "lots"), Di disqualified (fit 30), Ed warm (30), Flo cold (10).
// v2: Ada hot (30), Bob cold (10), Di disqualified (15), Ed cold (15), Flo cold (10): only Ed moves, warm -> cold.
const HISTORY = [
  "Name,budget,role,pains,company.employees,do_not_email,won",
  "Ada,50000,CFO,churn;cost,200,no,yes",
  "Bob,,intern,x,,,no",
  "Cy,lots,CEO,a,,,yes",
  "Di,20000,ceo,speed,40,YES,no",
  "Ed,20000,,a,,,yes",
  "Flo,,,b,,,maybe",
  "",
].join("\n");

const root = fileURLToPath(new URL("../../../", import.meta.url));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { timeout: 300_000, killSignal: "SIGKILL", cwd, encoding: "utf8" });
}

/** The diff report without the names of the versions, to compare runs that read the same models differently. */
function figures(stdout: string): Record<string, unknown> {
  const { models: _models, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
}

describe("qualify diff", () => {
  it("gives the transition matrix, the score changes and the rules that moved leads, with the moved leads' conversion", () => {
    const ws = workspace({ "v1.qual": MINI_MODEL, "v2.qual": MINI_V2, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const run = qualify(["diff", "v1.qual", "v2.qual", "--data", "history.csv", "--label", "won", "--json", "--errors", "errors.jsonl"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.format).toBe("qualify-diff");
    expect(report.rows).toEqual({ read: 6, scored: 4, rejected: 2 });
    expect(report.transitions.from).toEqual(["hot", "warm", "cold", "disqualified"]);
    expect(report.transitions.to).toEqual(["hot", "warm", "cold", "disqualified"]);
    expect(report.transitions.counts).toEqual([
      [1, 0, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect(report.moved).toBe(1);
    expect(report.leads).toBe(4);
    // Di (disqualified both times) and Ed lose 15 points each; Ada is capped at 30 either way.
    expect(report.scores).toEqual([{ score: "fit", leads: 4, changed: 2, meanDelta: -7.5, minDelta: -15, maxDelta: 0 }]);
    expect(report.rules).toEqual([{ rule: "fit/Big budget", movedLeads: 1 }]);
    expect(report.conversion.movedDown).toMatchObject({ leads: 1, rate: 1 });
    expect(report.conversion.movedUp).toMatchObject({ leads: 0, rate: null });
    expect(report.conversion.stayed).toMatchObject({ leads: 3, rate: 1 / 3 });
    expect(report.models.old).toEqual({ source: "v1.qual", id: "mini", title: "Mini model" });
  });

  it("prints a readable matrix, and without a label keeps every readable row", () => {
    const ws = workspace({ "v1.qual": MINI_MODEL, "v2.qual": MINI_V2, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const run = qualify(["diff", "v1.qual", "v2.qual", "--data", "history.csv"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Diff of v1.qual -> v2.qual on 5 leads: 1 change tier (20.0%)");
    expect(run.stdout).toMatch(/old \\ new\s+hot\s+warm\s+cold\s+disqualified\s+total/);
    expect(run.stdout).toMatch(/warm\s+0\s+0\s+1\s+0\s+1/);
    expect(run.stdout).toMatch(/total\s+1\s+0\s+3\s+1\s+5/);
    expect(run.stdout).not.toContain("Conversion of the leads");
    expect(run.stderr).toContain("6 rows read: 5 scored, 1 rejected");
    expect(run.stderr).toContain("Next: add --label COLUMN");
  });

  it("exits 1 with a clear message when more leads move than --fail-if-moved allows, and 0 within it", () => {
    const ws = workspace({ "v1.qual": MINI_MODEL, "v2.qual": MINI_V2, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const over = qualify(["diff", "v1.qual", "v2.qual", "--data", "history.csv", "--fail-if-moved", "10%"], { cwd: ws.dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("1 of 5 leads (20.0%) change tier, more than --fail-if-moved 10% allows");
    const count = qualify(["diff", "v1.qual", "v2.qual", "--data", "history.csv", "--fail-if-moved", "0"], { cwd: ws.dir });
    expect(count.code).toBe(1);
    const within = qualify(["diff", "v1.qual", "v2.qual", "--data", "history.csv", "--fail-if-moved", "20%"], { cwd: ws.dir });
    expect(within.code).toBe(0);
    expect(within.stderr).toContain("within --fail-if-moved 20%");
    const same = qualify(["diff", "v1.qual", "v1.qual", "--data", "history.csv", "--fail-if-moved", "0"], { cwd: ws.dir });
    expect(same.code).toBe(0);
    const bad = qualify(["diff", "v1.qual", "v2.qual", "--data", "history.csv", "--fail-if-moved", "many"], { cwd: ws.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-if-moved must be a count (25) or a percentage (5%), not "many"');
  });

  it("writes a self-contained HTML report with the transition charts", () => {
    const ws = workspace({ "v1.qual": MINI_MODEL, "v2.qual": MINI_V2, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const run = qualify(["diff", "v1.qual", "v2.qual", "--data", "history.csv", "--html", "diff.html"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const html = readFileSync(ws.path("diff.html"), "utf8");
    expect(html.match(/<svg /g)?.length).toBe(2);
    expect(html.match(/<rect class="cell"/g)?.length).toBe(16);
    expect(html).toContain("warm -&gt; cold: 1 leads");
    expect(html).not.toMatch(/<script|<link /);
    expect(run.stderr).toContain("HTML report written to diff.html");
  });

  it("reads FILE@REVISION from git, relative to the repository root from any folder, and agrees with the files", () => {
    const ws = workspace({ "models/mini.qual": MINI_MODEL, "v1.qual": MINI_MODEL, "v2.qual": MINI_V2, "data/history.csv": HISTORY });
    cleanup = ws.cleanup;
    git(ws.dir, "init", "-q");
    git(ws.dir, "add", "models/mini.qual");
    git(ws.dir, "commit", "-q", "-m", "v1");
    writeFileSync(ws.path("models/mini.qual"), MINI_V2);
    git(ws.dir, "commit", "-q", "-am", "v2");
    const files = qualify(["diff", "v1.qual", "v2.qual", "--data", "data/history.csv", "--json"], { cwd: ws.dir });
    const revisions = qualify(["diff", "models/mini.qual@HEAD~1", "models/mini.qual", "--data", "data/history.csv", "--json"], { cwd: ws.dir });
    expect(revisions.code).toBe(0);
    expect(figures(revisions.stdout)).toEqual(figures(files.stdout));
    expect(JSON.parse(revisions.stdout).models.old.source).toBe("models/mini.qual@HEAD~1");
    // From a subfolder, with both versions read from git.
    mkdirSync(ws.path("data/sub"));
    const nested = qualify(["diff", "../../models/mini.qual@HEAD~1", "../../models/mini.qual@HEAD", "--data", "../history.csv", "--json"], { cwd: ws.path("data/sub") });
    expect(nested.code).toBe(0);
    expect(figures(nested.stdout)).toEqual(figures(files.stdout));
  });

  it("says clearly when a revision cannot be read: outside a repository, an unknown revision, a file the revision lacks", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const outside = qualify(["diff", "mini.qual@HEAD~1", "mini.qual", "--data", "history.csv"], { cwd: ws.dir, env: { GIT_CEILING_DIRECTORIES: join(ws.dir, "..") } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("is not inside a git repository");
    git(ws.dir, "init", "-q");
    git(ws.dir, "add", "mini.qual");
    git(ws.dir, "commit", "-q", "-m", "v1");
    const unknown = qualify(["diff", "mini.qual@no-such-branch", "mini.qual", "--data", "history.csv"], { cwd: ws.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"no-such-branch" is not a revision of the repository');
    writeFileSync(ws.path("other.qual"), MINI_V2);
    const missing = qualify(["diff", "other.qual@HEAD", "mini.qual", "--data", "history.csv"], { cwd: ws.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("the revision HEAD has no file other.qual");
  });

  it("shows the example model's two versions on the bundled sample, each row of the matrix summing to version 1's tier counts", () => {
    const args = ["--data", "examples/data/x-education-sample.csv", "--map", "examples/data/x-education-fit.map.yaml", "--label", "Converted", "--json"];
    const diff = qualify(["diff", "examples/x-education-fit.qual", "examples/x-education-fit-v2.qual", ...args], { cwd: root });
    expect(diff.code).toBe(0);
    const report = JSON.parse(diff.stdout);
    const backtest = JSON.parse(qualify(["backtest", "examples/x-education-fit.qual", ...args], { cwd: root }).stdout);
    const after = JSON.parse(qualify(["backtest", "examples/x-education-fit-v2.qual", ...args], { cwd: root }).stdout);
    const leadsOf = (r: any, tier: string) => r.tiers.find((t: any) => t.tier === tier)?.leads ?? 0;
    report.transitions.from.forEach((tier: string, i: number) => {
      expect(report.transitions.counts[i].reduce((s: number, v: number) => s + v, 0)).toBe(leadsOf(backtest, tier));
    });
    report.transitions.to.forEach((tier: string, j: number) => {
      expect(report.transitions.counts.reduce((s: number, row: number[]) => s + row[j], 0)).toBe(leadsOf(after, tier));
    });
    expect(report.moved).toBeGreaterThan(0);
    expect(report.rules.map((r: any) => r.rule)).toContain("profile/Career prospects goal");
  });
});
