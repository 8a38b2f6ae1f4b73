import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { qualify, workspace } from "./run-cli.js";

/*
 * `qualify score --engine duckdb` against the JS path on the same files: the
 * scored CSV is identical, the same rows are rejected (row numbers and
 * fields), and the summary's counts add up to the rows read.
 */

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const ROLES = ["cfo", "CEO", "Intern", "VP Sales", "Head of IT", "", "owner"];
function bantCsv(rows: number): string {
  const lines = ["budget_usd,role,pains,timeline_days,existing_customer,note"];
  for (let i = 0; i < rows; i++) {
    const budget = i % 11 === 0 ? "" : i % 17 === 0 ? "lots" : String((i * 7919) % 90000);
    const pains = i % 5 === 0 ? "" : ["churn", "cost;churn", "speed", " ; x"][i % 4];
    const timeline = i % 3 === 0 ? "" : String((i * 31) % 200);
    const existing = ["", "yes", "no", "TRUE", "0"][i % 5];
    lines.push([budget, ROLES[i % ROLES.length], pains, timeline, existing, `"n, ${i}"`].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** The summary's line of tier counts. */
const tiersLine = (stderr: string): string | undefined => /^tiers: .*$/m.exec(stderr)?.[0];

describe("qualify score --engine duckdb", () => {
  it("writes the same scored CSV as the JS path, rejects the same rows, and its counts add up", () => {
    const ws = workspace({ "leads.csv": bantCsv(400) });
    try {
      const js = qualify(["score", "examples/bant.qual", "--in", ws.path("leads.csv"), "--out", ws.path("js.csv"), "--errors", ws.path("js.jsonl"), "--now", "2026-11-01"], { cwd: ROOT });
      const duck = qualify(
        ["score", "examples/bant.qual", "--in", ws.path("leads.csv"), "--out", ws.path("duck.csv"), "--errors", ws.path("duck.jsonl"), "--now", "2026-11-01", "--engine", "duckdb"],
        { cwd: ROOT },
      );
      expect(js.code).toBe(0);
      expect(duck.code).toBe(0);
      expect(readFileSync(ws.path("duck.csv"), "utf8")).toBe(readFileSync(ws.path("js.csv"), "utf8"));
      const rejected = (file: string) =>
        readFileSync(ws.path(file), "utf8")
          .trim()
          .split("\n")
          .filter((l) => l !== "")
          .map((l) => JSON.parse(l) as { row: number; line: number; errors: { path: string; expected: string; value: unknown }[] })
          .map((r) => ({ row: r.row, line: r.line, errors: r.errors.map((e) => ({ path: e.path, expected: e.expected, value: e.value })) }));
      const jsRejected = rejected("js.jsonl");
      expect(jsRejected.length).toBeGreaterThan(0);
      expect(rejected("duck.jsonl")).toEqual(jsRejected);
      const summary = /(\d+) rows read: (\d+) scored, (\d+) rejected/.exec(duck.stderr);
      expect(summary?.slice(1).map(Number)).toEqual([400, 400 - jsRejected.length, jsRejected.length]);
      // The tier counts are those of the rows written, as the JS path counts them.
      expect(tiersLine(js.stderr)).toMatch(/^tiers: sql \d+/);
      expect(tiersLine(duck.stderr)).toBe(tiersLine(js.stderr));
      expect(duck.stderr).toContain(`scored rows: ${ws.path("duck.csv")}`);
    } finally {
      ws.cleanup();
    }
  });

  it("with --any-order writes the same header and the same rows in some order, and rejects the same rows with the same numbers", () => {
    const ws = workspace({ "leads.csv": bantCsv(3000) });
    try {
      const run = (out: string, errors: string, extra: string[]) =>
        qualify(["score", "examples/bant.qual", "--in", ws.path("leads.csv"), "--out", ws.path(out), "--errors", ws.path(errors), "--now", "2026-11-01", "--engine", "duckdb", ...extra], { cwd: ROOT });
      const ordered = run("ordered.csv", "ordered.jsonl", []);
      const any = run("any.csv", "any.jsonl", ["--any-order"]);
      expect(ordered.code).toBe(0);
      expect(any.code).toBe(0);
      const [orderedHeader, ...orderedRows] = readFileSync(ws.path("ordered.csv"), "utf8").trimEnd().split("\n");
      const [anyHeader, ...anyRows] = readFileSync(ws.path("any.csv"), "utf8").trimEnd().split("\n");
      expect(anyHeader).toBe(orderedHeader);
      expect(anyRows.length).toBeGreaterThan(2000);
      expect([...anyRows].sort()).toEqual([...orderedRows].sort());
      expect(readFileSync(ws.path("any.jsonl"), "utf8")).toBe(readFileSync(ws.path("ordered.jsonl"), "utf8"));
      expect(tiersLine(any.stderr)).toBe(tiersLine(ordered.stderr));
      expect(/(\d+) rows read/.exec(any.stderr)?.[1]).toBe("3000");
      expect(any.stderr).toContain(`scored rows: ${ws.path("any.csv")} (in any order: --any-order)`);
    } finally {
      ws.cleanup();
    }
  });

  it("refuses --any-order on the JS path, which always keeps the input's order", () => {
    const r = qualify(["score", "examples/bant.qual", "--in", "examples/data/leads.jsonl", "--out", "-", "--any-order"], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--any-order is for --engine duckdb");
  });

  it("rejects a choice none of the choices match and an impossible date as the JS path does, with the same error lines (row, line, input, messages)", () => {
    const csv = [
      "account.name,plan,events,trial_ends,last_seen",
      "Acme,team,created_dashboard,2026-11-20,2026-10-30",
      "Beta,gold,created_dashboard,2026-11-20,",
      "Gamma, TRIAL ,created_dashboard,2026-13-45,",
      "Delta,free,invited_teammate,2024-02-29,yesterday",
      "Zeta,team,created_dashboard,2027-02-29,",
      "Epsilon,Enterprise,created_dashboard,2028-02-29T10:00:00Z,2026-10-01",
    ].join("\n");
    const ws = workspace({ "leads.csv": `${csv}\n` });
    try {
      const run = (engine: string) =>
        qualify(["score", "examples/pql.qual", "--in", ws.path("leads.csv"), "--out", ws.path(`${engine}.csv`), "--errors", ws.path(`${engine}.jsonl`), "--now", "2026-11-01", "--engine", engine], { cwd: ROOT });
      const js = run("js");
      const duck = run("duckdb");
      expect(js.stderr).toContain("6 rows read: 2 scored, 4 rejected");
      expect(duck.stderr).toContain("6 rows read: 2 scored, 4 rejected");
      expect(readFileSync(ws.path("duckdb.jsonl"), "utf8")).toBe(readFileSync(ws.path("js.jsonl"), "utf8"));
      expect(readFileSync(ws.path("duckdb.csv"), "utf8")).toBe(readFileSync(ws.path("js.csv"), "utf8"));
    } finally {
      ws.cleanup();
    }
  });

  it("scores JSON Lines into Parquet and that Parquet into CSV, as the JS path scores the JSON Lines", () => {
    const leads = [
      { budget_usd: 50000, role: "cfo", pains: ["churn"], timeline_days: 30 },
      { budget_usd: 500, role: "Intern", pains: [], existing_customer: true },
      { role: "VP Sales", pains: ["x", "y"], timeline_days: 120 },
    ];
    const ws = workspace({ "leads.jsonl": leads.map((l) => JSON.stringify(l)).join("\n") + "\n" });
    try {
      const js = qualify(["score", "examples/bant.qual", "--in", ws.path("leads.jsonl"), "--out", ws.path("js.csv"), "--now", "2026-11-01"], { cwd: ROOT });
      const parquet = qualify(["score", "examples/bant.qual", "--in", ws.path("leads.jsonl"), "--out", ws.path("s.parquet"), "--now", "2026-11-01", "--engine", "duckdb"], { cwd: ROOT });
      expect(js.code).toBe(0);
      expect(parquet.code).toBe(0);
      expect(parquet.stderr).toMatch(/3 rows read: 3 scored, 0 rejected/);
      const tiers = (text: string) => text.trim().split("\n").slice(1).map((l) => l.split(",")[l.split(",").length - 3]);
      const again = qualify(["score", "examples/bant.qual", "--in", ws.path("s.parquet"), "--out", ws.path("again.csv"), "--now", "2026-11-01", "--engine", "duckdb"], { cwd: ROOT });
      expect(again.code).toBe(0);
      expect(tiers(readFileSync(ws.path("again.csv"), "utf8"))).toEqual(tiers(readFileSync(ws.path("js.csv"), "utf8")));
      expect(tiersLine(parquet.stderr)).toBe(tiersLine(js.stderr));
      expect(tiersLine(again.stderr)).toBe(tiersLine(js.stderr));
    } finally {
      ws.cleanup();
    }
  });

  it("trims cells as JavaScript trims (tabs, no-break and other Unicode spaces) and writes the same CSV and error lines as the JS path", () => {
    const pad = ["\t", "\u00a0", "\u3000", "\ufeff", "\u2028", " ", ""];
    const lines = ["budget_usd,role,pains,timeline_days,existing_customer"];
    for (let i = 0; i < 60; i++) {
      const a = pad[i % pad.length] ?? "";
      const b = pad[(i * 3) % pad.length] ?? "";
      const budget = i % 9 === 0 ? `${a}${b}` : i % 13 === 0 ? `${a}1e4x` : `${a}${(i * 977) % 40000}${b}`;
      const existing = [`${a}Yes${b}`, `${b}no`, `${a}TRUE`, `${a}${b}`, "maybe", `${a}0${b}`][i % 6];
      lines.push([`"${budget}"`, `${a}CFO${b}`, `${a}churn${b};${b}speed`, `${b}${(i * 7) % 120}${a}`, `"${existing}"`].join(","));
    }
    const ws = workspace({ "leads.csv": `${lines.join("\n")}\n` });
    try {
      const run = (engine: string) =>
        qualify(["score", "examples/bant.qual", "--in", ws.path("leads.csv"), "--out", ws.path(`${engine}.csv`), "--errors", ws.path(`${engine}.jsonl`), "--now", "2026-11-01", "--engine", engine], { cwd: ROOT });
      const js = run("js");
      const duck = run("duckdb");
      expect(js.code).toBe(0);
      expect(duck.code).toBe(0);
      expect(readFileSync(ws.path("js.jsonl"), "utf8")).not.toBe("");
      expect(readFileSync(ws.path("duckdb.jsonl"), "utf8")).toBe(readFileSync(ws.path("js.jsonl"), "utf8"));
      expect(readFileSync(ws.path("duckdb.csv"), "utf8")).toBe(readFileSync(ws.path("js.csv"), "utf8"));
    } finally {
      ws.cleanup();
    }
  });

  it("refuses stdin with a reason", () => {
    const run = qualify(["score", "examples/bant.qual", "--in", "-", "--out", "x.csv", "--engine", "duckdb"], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--engine duckdb reads and writes files");
  });

  it("reads a CRM export through --map as the JS path does: the same scored CSV and the same error lines", () => {
    const ws = workspace({});
    try {
      const run = (engine: string) =>
        qualify(
          ["score", "examples/x-education.qual", "--in", "examples/data/x-education-sample.csv", "--map", "examples/data/x-education.map.yaml", "--out", ws.path(`${engine}.csv`), "--errors", ws.path(`${engine}.jsonl`), "--now", "2026-11-01", "--engine", engine],
          { cwd: ROOT },
        );
      const js = run("js");
      const duck = run("duckdb");
      expect(js.code).toBe(0);
      expect(duck.code).toBe(0);
      expect(duck.stderr).toContain("300 rows read: 300 scored, 0 rejected");
      expect(readFileSync(ws.path("duckdb.csv"), "utf8")).toBe(readFileSync(ws.path("js.csv"), "utf8"));
      expect(readFileSync(ws.path("duckdb.jsonl"), "utf8")).toBe(readFileSync(ws.path("js.jsonl"), "utf8"));
    } finally {
      ws.cleanup();
    }
  });

  it("applies a map's value table (exact and trimmed keys, a key mapped to null) and rejects the same rows as the JS path", () => {
    const csv = ["Budget,Who,Pains,Days,Customer", "50000,Chief Financial Officer,churn,30,Y", "n/a,cfo,cost,10,N", "900, Chief Financial Officer ,speed,5,?", "1000,intern,churn,500,Y"].join("\n");
    const map = [
      "fields:",
      "  budget_usd: { column: Budget, values: { \"n/a\": null } }",
      "  role: { column: Who, values: { \"Chief Financial Officer\": cfo } }",
      "  pains: Pains",
      "  timeline_days: Days",
      "  existing_customer: { column: Customer, values: { \"Y\": true, \"N\": false, \"?\": null } }",
    ].join("\n");
    const ws = workspace({ "leads.csv": `${csv}\n`, "map.yaml": `${map}\n` });
    try {
      const run = (engine: string) =>
        qualify(["score", "examples/bant.qual", "--in", ws.path("leads.csv"), "--map", ws.path("map.yaml"), "--out", ws.path(`${engine}.csv`), "--errors", ws.path(`${engine}.jsonl`), "--now", "2026-11-01", "--engine", engine], { cwd: ROOT });
      const js = run("js");
      const duck = run("duckdb");
      const jsSummary = /(\d+) rows read: (\d+) scored, (\d+) rejected/.exec(js.stderr)?.[0];
      expect(jsSummary).toBeDefined();
      expect(duck.stderr).toContain(jsSummary as string);
      expect(readFileSync(ws.path("duckdb.csv"), "utf8")).toBe(readFileSync(ws.path("js.csv"), "utf8"));
      expect(readFileSync(ws.path("duckdb.jsonl"), "utf8")).toBe(readFileSync(ws.path("js.jsonl"), "utf8"));
    } finally {
      ws.cleanup();
    }
  });

  it("stops before scoring when a map names a column the header lacks, with a did-you-mean", () => {
    const ws = workspace({ "map.yaml": "fields:\n  lead_quality: Lead Qualty\n" });
    try {
      const run = qualify(["score", "examples/x-education.qual", "--in", "examples/data/x-education-sample.csv", "--map", ws.path("map.yaml"), "--out", ws.path("out.csv"), "--engine", "duckdb"], { cwd: ROOT });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('did you mean "Lead Quality"?');
    } finally {
      ws.cleanup();
    }
  });
});
