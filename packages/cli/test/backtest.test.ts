import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { MINI_MODEL, qualify, workspace } from "./run-cli.js";

// fit: Ada 30 (hot), Bob 10 (cold), Cy rejected (budget "lots"), Di disqualified, Ed 25 (warm), Flo unreadable label.
const HISTORY = [
  "Name,budget,role,pains,company.employees,do_not_email,won,created",
  "Ada,50000,CFO,churn;cost,200,no,yes,2024-01-05",
  "Bob,,intern,x,,,no,2024-01-20",
  "Cy,lots,CEO,a,,,yes,2024-02-01",
  "Di,20000,ceo,speed,40,YES,no,2024-02-03",
  "Ed,20000,,a,,,yes,2024-03-01",
  "Flo,,,b,,,maybe,2024-03-02",
  "",
].join("\n");

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("qualify backtest", () => {
  it("reports tier conversion and sends every unusable row to --errors, so the counts add up", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const run = qualify(["backtest", "mini.qual", "--data", "history.csv", "--label", "won", "--errors", "errors.jsonl", "--json", "--period-column", "created"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, any>;
    expect(report["format"]).toBe("qualify-backtest");
    expect(report["rows"]).toEqual({ read: 6, scored: 4, rejected: 2 });
    expect(report["leads"]).toBe(4);
    expect(report["conversions"]).toBe(2);
    expect(report["tiers"].map((t: any) => [t.tier, t.leads, t.conversions])).toEqual([["disqualified", 1, 0], ["hot", 1, 1], ["warm", 1, 1], ["cold", 1, 0]]);
    expect(report["stability"]).toMatchObject({ before: 2, after: 2, unassigned: 0 });
    const errors = readFileSync(ws.path("errors.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(errors.map((e) => e.row)).toEqual([3, 6]);
    expect(errors[1].errors[0]).toMatchObject({ path: "won", value: "maybe" });
    expect(errors[1].errors[0].message).toContain("--positive");
    expect(run.stderr).toContain("6 rows read: 4 scored, 2 rejected (see errors.jsonl)");
  });

  it("takes the converted value from --positive and prints a readable summary", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const run = qualify(["backtest", "mini.qual", "--data", "history.csv", "--label", "won", "--positive", "maybe"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    // Only Flo says "maybe"; Cy is still rejected for its budget.
    expect(run.stdout).toMatch(/on 5 leads: 1 converted, base rate 20\.0%/);
    expect(run.stdout).toMatch(/Tier\s+Leads\s+Share/);
    expect(run.stdout).toContain("fit/Big budget");
    expect(run.stderr).toContain("Next:");
  });

  it("writes a self-contained HTML report with the charts", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const run = qualify(["backtest", "mini.qual", "--data", "history.csv", "--label", "won", "--html", "report.html"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const html = readFileSync(ws.path("report.html"), "utf8");
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).not.toMatch(/<script|<link /);
    expect(run.stderr).toContain("HTML report written to report.html");
  });

  it("refuses a label column the file does not have, naming the columns it has", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "history.csv": HISTORY });
    cleanup = ws.cleanup;
    const run = qualify(["backtest", "mini.qual", "--data", "history.csv", "--label", "Converted"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--label "Converted" is not a column of the input');
    expect(run.stderr).toContain('"won"');
  });

  it("evaluates each row at its --now-column date and rejects rows without one", () => {
    const model = `model dated "Dated"
input {
  last_seen: date?
  won: text
}
criterion recent "Recent" = last_seen within 30 days
tier active "Active" when recent
tier idle "Idle" otherwise
`;
    const csv = "last_seen,won,created\n2024-01-01,1,2024-01-10\n2024-01-01,0,2024-06-01\n2024-01-01,1,\n";
    const ws = workspace({ "dated.qual": model, "h.csv": csv });
    cleanup = ws.cleanup;
    const run = qualify(["backtest", "dated.qual", "--data", "h.csv", "--label", "won", "--now-column", "created", "--json", "--errors", "-"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.tiers.map((t: any) => [t.tier, t.leads, t.conversions])).toEqual([["active", 1, 1], ["idle", 1, 0]]);
    expect(run.stderr).toContain('"path":"created"');
  });

  it("takes the outcome from --join FILE --on COLUMN: converted when the lead's key is in the joined file", () => {
    const history = "id,budget,role,pains\n1,50000,CFO,a\n2,,,b\n3,20000,,c\n4,,intern,d\n,1,,e\n";
    const labelled = "id,budget,role,pains,won\n1,50000,CFO,a,yes\n2,,,b,no\n3,20000,,c,yes\n4,,intern,d,no\n";
    // Deal 9 matches no lead; an empty key is ignored; keys are compared trimmed.
    const deals = "deal,id\nd1, 3\nd2,1\nd3,9\nd4,\n";
    const ws = workspace({ "mini.qual": MINI_MODEL, "history.csv": history, "labelled.csv": labelled, "deals.csv": deals });
    cleanup = ws.cleanup;
    const joined = qualify(["backtest", "mini.qual", "--data", "history.csv", "--join", "deals.csv", "--on", "id", "--json", "--errors", "errors.jsonl"], { cwd: ws.dir });
    expect(joined.code).toBe(0);
    const report = JSON.parse(joined.stdout);
    const byLabel = JSON.parse(qualify(["backtest", "mini.qual", "--data", "labelled.csv", "--label", "won", "--json"], { cwd: ws.dir }).stdout);
    expect(report.rows).toEqual({ read: 5, scored: 4, rejected: 1 });
    const { rows: _a, ...figures } = report;
    const { rows: _b, ...expected } = byLabel;
    expect(figures).toEqual(expected);
    expect(report.conversions).toBe(2);
    const errors = readFileSync(ws.path("errors.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(errors.map((e) => e.row)).toEqual([5]);
    expect(errors[0].errors[0].message).toContain('the --on column "id" is empty');
  });

  it("refuses --join without --on, with --label, or with a key column the files lack", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "history.csv": HISTORY, "deals.csv": "deal,lead\nd1,Ada\n" });
    cleanup = ws.cleanup;
    const noOn = qualify(["backtest", "mini.qual", "--data", "history.csv", "--join", "deals.csv"], { cwd: ws.dir });
    expect(noOn.code).toBe(2);
    expect(noOn.stderr).toContain("--join FILE and --on COLUMN go together");
    const both = qualify(["backtest", "mini.qual", "--data", "history.csv", "--join", "deals.csv", "--on", "Name", "--label", "won"], { cwd: ws.dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give --label or --join, not both");
    const notInJoin = qualify(["backtest", "mini.qual", "--data", "history.csv", "--join", "deals.csv", "--on", "Name"], { cwd: ws.dir });
    expect(notInJoin.code).toBe(2);
    expect(notInJoin.stderr).toContain('--on "Name" is not a column of the --join file deals.csv; its columns are "deal", "lead"');
    const neither = qualify(["backtest", "mini.qual", "--data", "history.csv"], { cwd: ws.dir });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain("--label COLUMN");
  });

  it("backtests the Olist example on its bundled sample: every closed deal of the sample is a conversion", () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const run = qualify(["backtest", "examples/olist-funnel.qual", "--data", "examples/data/olist-mql-sample.csv", "--join", "examples/data/olist-closed-deals-sample.csv", "--on", "mql_id", "--map", "examples/data/olist-funnel.map.yaml", "--json"], { cwd: root });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const deals = readFileSync(`${root}/examples/data/olist-closed-deals-sample.csv`, "utf8").trim().split("\n").length - 1;
    expect(report.leads).toBe(400);
    expect(report.conversions).toBe(deals);
    expect(report.tiers.map((t: any) => t.tier)).toEqual(["call", "nurture", "later"]);
  });
});
