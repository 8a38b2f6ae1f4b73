import { once } from "node:events";
import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startQualify, workspace } from "./run-cli.js";

/*
 * A `qualify score --engine duckdb` run killed while DuckDB writes leaves
 * neither `--out` nor its partial file behind, exits soon (143, 128 +
 * SIGTERM), and says it failed.
 */

const BANT = fileURLToPath(new URL("../../../examples/bant.qual", import.meta.url));

/** A CSV of the BANT model's columns, big enough that scoring it takes seconds. */
async function writeLeads(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("budget_usd,role,pains,timeline_days,existing_customer\n");
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    chunk += `${(i * 7919) % 90000},${i % 3 === 0 ? "CFO" : "Intern"},churn;cost,${i % 200},${i % 7 === 0 ? "yes" : "no"}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "close");
}

describe("qualify score --engine duckdb, interrupted", () => {
  it("removes the partial output when killed with SIGTERM while writing, and exits non-zero", async () => {
    const ws = workspace({});
    try {
      await writeLeads(ws.path("leads.csv"), 3_000_000);
      const child = startQualify(["score", BANT, "--in", ws.path("leads.csv"), "--out", ws.path("scored.csv"), "--now", "2026-11-01", "--engine", "duckdb"], ws.dir);
      const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
      // Wait until DuckDB has started writing the partial file.
      const started = Date.now();
      while (!readdirSync(ws.dir).some((f) => f.includes(".partial-"))) {
        if (Date.now() - started > 30_000) throw new Error("the run never started writing");
        await new Promise((r) => setTimeout(r, 20));
      }
      const killed = Date.now();
      child.kill("SIGTERM");
      const [code, signal] = await exited;
      // DuckDB's query is interrupted, not waited for: a query left running held the exit for the whole run.
      expect(Date.now() - killed).toBeLessThan(10_000);
      expect(code === null ? signal : code).not.toBe(0);
      expect(existsSync(ws.path("scored.csv"))).toBe(false);
      expect(readdirSync(ws.dir).filter((f) => f !== "leads.csv")).toEqual([]);
    } finally {
      ws.cleanup();
    }
  });
});
