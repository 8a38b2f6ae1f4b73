import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, workspace } from "./run-cli.js";

/*
 * `qualify score --engine duckdb` on a terminal shows how far DuckDB has got,
 * as the JS path shows rows scored. The run gets a real pseudo-terminal from
 * util-linux's `script`, which records everything written to it.
 */

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SCRIPT = "/usr/bin/script";
/** Enough rows that the scoring pass outlasts several progress polls (200 ms each) on a fast run. */
const ROWS = 2_000_000;

/** A BANT CSV large enough that the scoring pass lasts past the first progress poll. */
function leadsCsv(rows: number): string {
  const lines = ["budget_usd,role,pains,timeline_days"];
  for (let i = 0; i < rows; i++) lines.push(`${(i * 7919) % 90000},${["CEO", "Intern", "VP"][i % 3]},${["churn", "cost;speed", "speed"][i % 3]},${(i * 31) % 200}`);
  return `${lines.join("\n")}\n`;
}

const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

describe("qualify score --engine duckdb on a terminal", () => {
  it("draws a percentage bar while DuckDB scores, then clears it for the summary; piped, it draws none", () => {
    expect(existsSync(SCRIPT), `${SCRIPT} (util-linux) is needed to give the CLI a terminal`).toBe(true);
    const ws = workspace({ "leads.csv": leadsCsv(ROWS) });
    try {
      const args = ["score", "examples/bant.qual", "--in", ws.path("leads.csv"), "--out", ws.path("scored.csv"), "--engine", "duckdb", "--now", "2026-11-01"];
      const command = [process.execPath, BIN, ...args].map(quote).join(" ");
      const env = { ...process.env, CI: "", NO_COLOR: "1" };
      const tty = spawnSync(SCRIPT, ["-qec", command, ws.path("terminal.txt")], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000, killSignal: "SIGKILL" });
      expect(tty.status).toBe(0);
      const seen = readFileSync(ws.path("terminal.txt"), "utf8");
      expect(seen).toMatch(/scoring with DuckDB \| .* \| \d+% \| \d+s/);
      // The bar moves: DuckDB's estimate is not lost on the way (a rewritten query can stop reporting it).
      expect(seen).toMatch(/scoring with DuckDB \| .* \| [1-9]\d*% \| \d+s/);
      expect(seen).toContain(`${ROWS} rows read: ${ROWS} scored, 0 rejected (engine: duckdb)`);

      const piped = spawnSync(process.execPath, [BIN, ...args, "--force"], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000, killSignal: "SIGKILL" });
      expect(piped.status).toBe(0);
      expect(piped.stderr).not.toContain("scoring with DuckDB");
      expect(piped.stderr).toContain(`${ROWS} rows read`);
    } finally {
      ws.cleanup();
    }
  }, 240_000);
});
