import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse";
import { writeLeadsCsv } from "../batch/csv-leads.js";
import { pointsHandwritten } from "../handwritten/points-handwritten.generated.js";
import { generatePointsSpec, POINTS_RULE_COUNT } from "../workloads/points-spec.js";
import { pointsLeads } from "../workloads/points-leads.js";
import { qualSource } from "../workloads/qual-source.js";

/** One child-process run of the batch benchmark. */
export interface BatchRun {
  readonly label: string;
  readonly args: readonly string[];
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Peak resident memory of the whole process (worker threads included), in MiB. */
  readonly maxRssMb: number | undefined;
  /** User + system CPU time of the whole process (all threads), in seconds. */
  readonly cpuSeconds: number | undefined;
  readonly exitCode: number | null;
  /** The last lines of stderr (the CLI's closing summary). */
  readonly stderrTail: string;
  /** SHA-256 of the output file, to check that worker runs write the same rows in the same order. */
  readonly outputSha256?: string;
}

/** The batch-scoring benchmark, or why it was skipped. */
export interface BatchReport {
  readonly skipped?: string;
  readonly rows?: number;
  readonly csvMegabytes?: number;
  readonly runs?: readonly BatchRun[];
  /** Tiers in the CLI's output compared with the hand-written function on the first rows. */
  readonly agreement?: { readonly checked: number; readonly mismatches: number; readonly first?: string };
  readonly problems?: readonly string[];
}

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const REPO_ROOT = join(PACKAGE_ROOT, "../../");
export const CLI_BIN = join(REPO_ROOT, "packages/cli/bin/qualify.js");
const CLI_DIST = join(REPO_ROOT, "packages/cli/dist/main.js");
const PASSTHROUGH = fileURLToPath(new URL("../batch/passthrough.js", import.meta.url));
const RSS_REPORTER = new URL("../batch/rss-reporter.js", import.meta.url).href;

/**
 * Runs `node --import rss-reporter ARGS` from the repository root, timing the
 * whole process and reading its peak memory and CPU time; an `output` file is
 * hashed and removed afterwards.
 */
export function runChild(label: string, args: readonly string[], rows: number, dir: string, output?: string): Promise<BatchRun> {
  const rssFile = join(dir, `rss-${label.replace(/\W+/g, "-")}.json`);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--import", RSS_REPORTER, ...args], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      // Not a TTY anyway; these also switch off colour and progress bars explicitly.
      env: { ...process.env, CI: "1", NO_COLOR: "1", QUALIFY_BENCH_RSS_FILE: rssFile },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", async (exitCode) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let maxRssMb: number | undefined;
      let cpuSeconds: number | undefined;
      if (existsSync(rssFile)) {
        const report = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKb: number; cpuMicros: number };
        maxRssMb = report.maxRssKb / 1024;
        cpuSeconds = report.cpuMicros / 1e6;
      }
      const outputSha256 = output !== undefined && existsSync(output) ? await sha256(output) : undefined;
      if (output !== undefined) rmSync(output, { force: true });
      const stderrTail = stderr.trim().split("\n").slice(-3).join("\n");
      resolve({ label, args, rows, seconds, rowsPerSecond: rows / seconds, maxRssMb, cpuSeconds, exitCode, stderrTail, outputSha256 });
    });
  });
}

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Compares the `tier` column of the CLI's output with the hand-written function on the first `limit` rows. */
async function checkTiers(output: string, limit: number): Promise<NonNullable<BatchReport["agreement"]>> {
  const expected = pointsLeads(limit);
  let checked = 0;
  let mismatches = 0;
  let first: string | undefined;
  const parser = createReadStream(output).pipe(parse({ columns: true, to: limit }));
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    const lead = expected.next().value;
    if (lead === undefined) break;
    const want = pointsHandwritten(lead).tier;
    checked++;
    if (record["tier"] !== want) {
      mismatches++;
      first ??= `row ${checked}: expected tier ${want}, CLI wrote ${JSON.stringify(record["tier"])}`;
    }
  }
  return { checked, mismatches, first };
}

/**
 * Batch scoring through the real CLI: `qualify score` on a generated CSV of
 * the 100-rule points model against a pass-through pipeline with the same CSV
 * libraries, peak memory at the full size and at a tenth of it, and
 * `--workers 2` against `--workers 1` (the default: scoring on the main
 * thread); both must write byte-identical output. Files live in a temp directory that is
 * removed afterwards.
 */
export async function measureBatch(rows: number, log: (line: string) => void): Promise<BatchReport> {
  if (!existsSync(CLI_BIN) || !existsSync(CLI_DIST)) return { skipped: "the CLI is not built (packages/cli/bin/qualify.js and dist/main.js are needed)" };
  const dir = mkdtempSync(join(tmpdir(), "qualify-bench-"));
  try {
    const model = join(dir, "points.qual");
    writeFileSync(model, qualSource(generatePointsSpec(POINTS_RULE_COUNT)));
    const small = Math.max(1, Math.round(rows / 10));
    const bigCsv = join(dir, "leads.csv");
    const smallCsv = join(dir, "leads-small.csv");
    const bytes = await writeLeadsCsv(bigCsv, rows);
    await writeLeadsCsv(smallCsv, small);
    log(`  wrote ${rows.toLocaleString("en-US")} rows (${(bytes / 2 ** 20).toFixed(0)} MiB) and ${small.toLocaleString("en-US")} rows`);
    const out = (name: string) => join(dir, name);
    const score = (input: string, output: string, extra: string[] = []) => [CLI_BIN, "score", model, "--in", input, "--out", output, ...extra];
    const runs: BatchRun[] = [];
    const step = async (label: string, args: string[], n: number, output?: string) => {
      const run = await runChild(label, args, n, dir, output);
      log(`  ${label}: ${run.seconds.toFixed(1)} s, ${Math.round(run.rowsPerSecond).toLocaleString("en-US")} rows/s, peak RSS ${run.maxRssMb?.toFixed(0) ?? "?"} MiB, exit ${run.exitCode}`);
      runs.push(run);
    };
    await step("pass-through", [PASSTHROUGH, bigCsv, out("pass.csv")], rows, out("pass.csv"));
    // One worker is the CLI's default (scoring on the main thread). This run's output is also checked
    // against the hand-written function before it is hashed and removed.
    const checkedOutput = out("w1.csv");
    const single = await runChild("qualify score --workers 1", score(bigCsv, checkedOutput, ["--workers", "1"]), rows, dir);
    const agreement = existsSync(checkedOutput) ? await checkTiers(checkedOutput, Math.min(rows, 20_000)) : undefined;
    const singleSha = existsSync(checkedOutput) ? await sha256(checkedOutput) : undefined;
    rmSync(checkedOutput, { force: true });
    runs.push({ ...single, outputSha256: singleSha });
    log(`  ${single.label}: ${single.seconds.toFixed(1)} s, ${Math.round(single.rowsPerSecond).toLocaleString("en-US")} rows/s, peak RSS ${single.maxRssMb?.toFixed(0) ?? "?"} MiB, exit ${single.exitCode}`);
    await step("qualify score --workers 2", score(bigCsv, out("w2.csv"), ["--workers", "2"]), rows, out("w2.csv"));
    await step("qualify score --workers 1 (1/10 rows)", score(smallCsv, out("small.csv"), ["--workers", "1"]), small, out("small.csv"));
    await step("pass-through (1/10 rows)", [PASSTHROUGH, smallCsv, out("pass-small.csv")], small, out("pass-small.csv"));
    const problems: string[] = [];
    for (const run of runs) if (run.exitCode !== 0) problems.push(`${run.label} exited with ${run.exitCode}: ${run.stderrTail}`);
    const hashes = new Set(runs.filter((r) => r.label.startsWith("qualify score") && r.rows === rows).map((r) => r.outputSha256));
    if (hashes.size > 1) problems.push("qualify score wrote different output with --workers 2 than with --workers 1");
    if (agreement !== undefined && agreement.mismatches > 0) problems.push(`the CLI's tiers differ from the hand-written function's on ${agreement.mismatches} rows`);
    return { rows, csvMegabytes: bytes / 2 ** 20, runs, agreement, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
