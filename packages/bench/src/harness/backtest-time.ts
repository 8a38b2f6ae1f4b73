import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runChild } from "./batch.js";
import type { BatchRun } from "./batch.js";

/** Backtesting a real history against scoring it, both through the CLI. */
export interface BacktestTimeReport {
  readonly skipped?: string;
  readonly data?: string;
  readonly rows?: number;
  readonly rounds?: number;
  /** Every run, in the order made (score and backtest alternate, so drift hits both alike). */
  readonly runs?: readonly BatchRun[];
  /** Median wall time of `qualify backtest` over median wall time of `qualify score`. */
  readonly ratio?: number;
  /** The same with user + system CPU time. */
  readonly cpuRatio?: number;
  readonly problems?: readonly string[];
}

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const CLI_BIN = join(REPO_ROOT, "packages/cli/bin/qualify.js");

/** The shared data folder beside the repository, or QUALIFY_DATA_DIR. */
function dataDir(): string {
  return process.env["QUALIFY_DATA_DIR"] ?? join(REPO_ROOT, "../shared/data");
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * `qualify backtest` on the full X Education file (9,240 leads) with the
 * leakage-free example model, against `qualify score` on the same file with
 * the same model and map: whole processes, start-up included, as a person
 * runs them. The goal is a backtest under 2x the time of scoring.
 */
export async function measureBacktestTime(rounds: number, log: (line: string) => void): Promise<BacktestTimeReport> {
  const data = join(dataDir(), "leads/x-education-leads.csv");
  if (!existsSync(data)) return { skipped: `the X Education file is not at ${data} (set QUALIFY_DATA_DIR to the folder holding leads/x-education-leads.csv)` };
  if (!existsSync(CLI_BIN)) return { skipped: "the CLI is not built" };
  const rows = readFileSync(data, "utf8").trim().split("\n").length - 1;
  const dir = mkdtempSync(join(tmpdir(), "qualify-bench-backtest-"));
  try {
    const common = ["examples/x-education-fit.qual", "--map", "examples/data/x-education-fit.map.yaml", "--now", "2026-11-01"];
    const score = [CLI_BIN, "score", ...common, "--in", data, "--out", join(dir, "scored.csv"), "--force"];
    const backtest = [CLI_BIN, "backtest", ...common, "--data", data, "--label", "Converted", "--json"];
    const runs: BatchRun[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [label, args] of [["qualify score", score], ["qualify backtest", backtest]] as const) {
        const run = await runChild(label, args, rows, dir);
        runs.push(run);
        log(`  ${label} (round ${round + 1}/${rounds}): ${run.seconds.toFixed(2)} s wall, ${run.cpuSeconds?.toFixed(2) ?? "?"} s CPU, exit ${run.exitCode}`);
      }
    }
    const problems = runs.filter((r) => r.exitCode !== 0).map((r) => `${r.label} exited with ${r.exitCode}: ${r.stderrTail}`);
    const of = (label: string, pick: (r: BatchRun) => number | undefined) => median(runs.filter((r) => r.label === label).map(pick).filter((v): v is number => v !== undefined));
    const ratio = of("qualify backtest", (r) => r.seconds) / of("qualify score", (r) => r.seconds);
    const cpuRatio = of("qualify backtest", (r) => r.cpuSeconds) / of("qualify score", (r) => r.cpuSeconds);
    return { data, rows, rounds, runs, ratio, cpuRatio, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
