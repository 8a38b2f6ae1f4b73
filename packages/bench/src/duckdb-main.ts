import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { analyze } from "@qualify/language";
import type { QualType } from "@qualify/ir";
import { writeLeadsCsv } from "./batch/csv-leads.js";
import { CLI_BIN, runChild } from "./harness/batch.js";
import type { BatchRun } from "./harness/batch.js";
import { generatePointsSpec, POINTS_RULE_COUNT } from "./workloads/points-spec.js";
import { qualSource } from "./workloads/qual-source.js";

/*
 * `qualify score --engine duckdb` against the JS batch path, in one run, on
 * generated rows of the 100-rule points model: DuckDB on `--rows` rows
 * (CSV in, and Parquet in), the JS path on `--js-rows` rows, as rows/s and
 * ratios to the JS path, with each process's peak RSS (DuckDB runs inside
 * the CLI's process, so its memory is counted) and the machine's load
 * average before and after (the figures mean little on a busy machine).
 * Two more runs copy the same rows through DuckDB with no scoring
 * (batch/duckdb-copy.ts): the floor of reading and writing them, so the
 * table shows how much of each run is the model and how far any scoring
 * through DuckDB could go on this machine; and the two scoring runs again
 * with `--any-order`, which lets DuckDB write rows as its threads finish them.
 * The default is a short run (1,000,000 and 200,000 rows); the size
 * is `--rows 10000000 --js-rows 1000000` (about 10 minutes on 2 cores).
 * Usage: node dist/duckdb-main.js [--rows N] [--js-rows N]
 */

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number, not ${process.argv[i + 1]}`);
  return n;
}

function typed(name: string, type: QualType): string {
  const col = `"${name}"`;
  switch (type.kind) {
    case "number":
      return `TRY_CAST(nullif(trim(${col}), '') AS DOUBLE) AS ${col}`;
    case "bool":
      return `CASE WHEN lower(trim(${col})) IN ('true', 'yes', '1', 'y') THEN TRUE WHEN lower(trim(${col})) IN ('false', 'no', '0', 'n') THEN FALSE END AS ${col}`;
    case "list":
      return `CASE WHEN trim(${col}) <> '' THEN list_transform(string_split(${col}, ';'), lambda p: trim(p)) END AS ${col}`;
    default:
      return `nullif(${col}, '') AS ${col}`;
  }
}

const COPY = fileURLToPath(new URL("./batch/duckdb-copy.js", import.meta.url));
const duckRows = flag("--rows", 1_000_000);
const jsRows = flag("--js-rows", 200_000);
/** The 1-, 5- and 15-minute load averages, as uptime prints them. */
function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
}

const dir = mkdtempSync(join(tmpdir(), "qualify-duck-bench-"));
try {
  const model = join(dir, "points.qual");
  const source = qualSource(generatePointsSpec(POINTS_RULE_COUNT));
  writeFileSync(model, source);
  const ir = analyze(source).ir;
  if (ir === undefined) throw new Error("the points model did not check");
  const bigCsv = join(dir, "leads.csv");
  const jsCsv = join(dir, "leads-js.csv");
  const bytes = await writeLeadsCsv(bigCsv, duckRows);
  await writeLeadsCsv(jsCsv, jsRows);
  const parquet = join(dir, "leads.parquet");
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  const fields = ir.inputs.map((f) => typed(f.name, f.type)).join(", ");
  await c.run(`COPY (SELECT ${fields} FROM read_csv('${bigCsv}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
  console.log(`points model (${POINTS_RULE_COUNT} rules): ${duckRows.toLocaleString("en-US")} rows for DuckDB (CSV ${(bytes / 2 ** 20).toFixed(0)} MiB, Parquet ${(statSync(parquet).size / 2 ** 20).toFixed(0)} MiB), ${jsRows.toLocaleString("en-US")} rows for the JS path`);
  const score = (input: string, output: string, extra: string[] = []) => [CLI_BIN, "score", model, "--in", input, "--out", output, "--now", "2026-11-01", "--force", ...extra];
  const runs: BatchRun[] = [];
  const loadBefore = load();
  for (const [label, args, rows, out] of [
    ["JS path (qualify score, CSV in)", score(jsCsv, join(dir, "js.csv")), jsRows, join(dir, "js.csv")],
    ["DuckDB, CSV in, CSV out", score(bigCsv, join(dir, "duck.csv"), ["--engine", "duckdb"]), duckRows, join(dir, "duck.csv")],
    ["DuckDB, Parquet in, Parquet out", score(parquet, join(dir, "duck.parquet"), ["--engine", "duckdb"]), duckRows, join(dir, "duck.parquet")],
    ["DuckDB, CSV in, CSV out, --any-order", score(bigCsv, join(dir, "any.csv"), ["--engine", "duckdb", "--any-order"]), duckRows, join(dir, "any.csv")],
    ["DuckDB, Parquet in, Parquet out, --any-order", score(parquet, join(dir, "any.parquet"), ["--engine", "duckdb", "--any-order"]), duckRows, join(dir, "any.parquet")],
    ["DuckDB copy, no scoring: CSV in, CSV out", [COPY, bigCsv, join(dir, "copy.csv"), ...ir.inputs.map((f) => f.name)], duckRows, join(dir, "copy.csv")],
    ["DuckDB copy, no scoring: Parquet in, Parquet out", [COPY, parquet, join(dir, "copy.parquet")], duckRows, join(dir, "copy.parquet")],
  ] as const) {
    const run = await runChild(label, args, rows, dir, out);
    if (run.exitCode !== 0) throw new Error(`${label} exited with ${run.exitCode}: ${run.stderrTail}`);
    runs.push(run);
  }
  console.log(`load average before the runs: ${loadBefore}; after: ${load()}`);
  const base = runs[0]?.rowsPerSecond ?? 1;
  console.log("\n| run | rows | seconds | rows/s | vs JS path | peak RSS |\n|---|---:|---:|---:|---:|---:|");
  for (const r of runs) {
    console.log(`| ${r.label} | ${r.rows.toLocaleString("en-US")} | ${r.seconds.toFixed(1)} | ${Math.round(r.rowsPerSecond).toLocaleString("en-US")} | ${(r.rowsPerSecond / base).toFixed(1)}x | ${r.maxRssMb?.toFixed(0) ?? "?"} MiB |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
