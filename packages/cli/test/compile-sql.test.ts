import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { analyze } from "@qualify/language";
import { compile } from "@qualify/compiler";
import type { ModelIR } from "@qualify/ir";
import { describe, expect, it } from "vitest";
import { qualify, workspace } from "./run-cli.js";

/*
 * `qualify compile --target sql`: the printed query, run in a real DuckDB
 * over a table of leads, gives the closures' tiers and scores; `--view`
 * wraps it in CREATE VIEW; a pattern PostgreSQL's regular expressions would
 * read differently is refused at compile time with its line and column.
 */

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const LEADS = [
  { budget_usd: 50000, role: "cfo", pains: ["churn"], timeline_days: 30, existing_customer: false },
  { budget_usd: null, role: "Intern", pains: [], timeline_days: null, existing_customer: null },
  { budget_usd: 500, role: null, pains: ["x"], timeline_days: 10, existing_customer: true },
];

describe("qualify compile --target sql", () => {
  it("prints a DuckDB query over --table that scores rows as the closures do, and says what next", async () => {
    const run = qualify(["compile", "examples/bant.qual", "--target", "sql", "--dialect", "duckdb", "--table", "crm.leads", "--now", "2026-11-01"], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('FROM "crm"."leads"');
    expect(run.stdout).toContain('-- criterion budget "Budget"');
    expect(run.stderr).toMatch(/Next: run it in DuckDB/);

    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    await c.run("CREATE SCHEMA crm");
    await c.run("CREATE TABLE crm.leads (budget_usd DOUBLE, role VARCHAR, pains VARCHAR[], timeline_days DOUBLE, existing_customer BOOLEAN)");
    for (const l of LEADS) {
      const text = (v: unknown): string => (v === null ? "NULL" : typeof v === "string" ? `'${v}'` : Array.isArray(v) ? `[${v.map(text).join(", ")}]::VARCHAR[]` : String(v));
      await c.run(`INSERT INTO crm.leads VALUES (${[l.budget_usd, l.role, l.pains, l.timeline_days, l.existing_customer].map(text).join(", ")})`);
    }
    const rows = (await c.runAndReadAll(`SELECT tier, met FROM (${run.stdout.trim().replace(/;$/, "")}) q`)).getRowObjectsJS();
    c.closeSync();
    db.closeSync();
    const model = compile(analyze(readFileSync(join(ROOT, "examples/bant.qual"), "utf8")).ir as ModelIR);
    const expected = LEADS.map((l) => {
      const r = model.score(Object.fromEntries(Object.entries(l).filter(([, v]) => v !== null)), { now: "2026-11-01" });
      return { tier: r.tier, met: r.scores["met"] };
    });
    expect(rows).toEqual(expected);
  });

  it("writes CREATE VIEW with --view and -o, and names the file", () => {
    const ws = workspace({});
    try {
      const out = ws.path("bant.sql");
      const run = qualify(["compile", "examples/bant.qual", "--target", "sql", "--dialect", "postgres", "--view", "scored_leads", "-o", out], { cwd: ROOT });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`wrote ${out}`);
      const text = readFileSync(out, "utf8");
      expect(text.startsWith('CREATE VIEW "scored_leads" AS\n')).toBe(true);
      expect(text).toContain('FROM "leads" AS "__q_src"');
    } finally {
      ws.cleanup();
    }
  });

  it("refuses, with line and column, a pattern PostgreSQL would read differently, and compiles it for DuckDB", () => {
    const ws = workspace({
      "m.qual": 'model m "M"\n\ninput {\n  title: text?\n}\n\ncriterion senior "Senior" = title matches "^caf\u00e9"\n\ntier all "All" otherwise\n',
    });
    try {
      const refused = qualify(["compile", ws.path("m.qual"), "--target", "sql", "--dialect", "postgres"]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/m\.qual:7:\d+: error SQL001: The pattern "\^café" cannot run identically on postgres/);
      expect(refused.stdout).toBe("");
      const duck = qualify(["compile", ws.path("m.qual"), "--target", "sql", "--dialect", "duckdb"]);
      expect(duck.code).toBe(0);
      expect(duck.stdout).toContain("regexp_matches(");
    } finally {
      ws.cleanup();
    }
  });

  it("says that --dialect belongs to --target sql", () => {
    const run = qualify(["compile", "examples/bant.qual", "--dialect", "postgres"], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--dialect is for --target sql");
  });
});
