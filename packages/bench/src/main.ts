import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ALL_CONTENDERS } from "./contenders/all.js";
import { type BacktestTimeReport, measureBacktestTime } from "./harness/backtest-time.js";
import { type BatchReport, measureBatch } from "./harness/batch.js";
import { type CompileReport, measureCompile } from "./harness/compile-time.js";
import { CPU_CLOCK } from "./harness/cpu-clock.js";
import { type EditorLatencyReport, measureEditorLatency } from "./harness/editor-latency.js";
import { type LspLatencyReport, lspLatencySection, lspLatencyTarget, measureLspLatency } from "./harness/lsp-latency.js";
import { type BenchResults, backtestTable, batchTable, compileTable, editorSection, markdownReport, targetsTable, throughputTable } from "./harness/report.js";
import { evaluateTargets } from "./harness/targets.js";
import { agreementOnly, measureWorkload, type WorkloadThroughput } from "./harness/throughput.js";
import { bantWorkload, pointsWorkload } from "./harness/workloads.js";

/**
 * `pnpm bench`: qualify against a hand-written function and other rule
 * engines (throughput on BANT and points), compile time, batch scoring with
 * the CLI, editor latency and the language server's latency against the
 * editor worker's path; prints tables with target markers and writes
 * results/latest.json and results/latest.md. `--smoke` only checks, on a few
 * leads, that every contender agrees with the hand-written function.
 */

const SECTIONS = ["bant", "points", "compile", "batch", "backtest", "editor", "lsp"] as const;
type Section = (typeof SECTIONS)[number];

const USAGE = `usage: node dist/main.js [--smoke] [--only ${SECTIONS.join(",")}] [--leads N] [--rows N] [--rounds N] [--window-ms N] [--warmup-ms N] [--out FILE]`;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number, got "${text}"`);
  return value;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function smoke(leads: number): Promise<number> {
  let failures = 0;
  for (const workload of [bantWorkload(leads), pointsWorkload(leads)]) {
    for (const report of await agreementOnly(workload, ALL_CONTENDERS)) {
      const detail = report.reason !== undefined ? ` (${report.reason})` : ` on ${report.checked - report.mismatchCount}/${report.checked} leads`;
      console.log(`${workload.id.padEnd(7)} ${report.contender.padEnd(24)} ${report.status}${detail}`);
      if (report.status === "disagrees" || report.status === "failed") failures++;
      if (report.status === "disagrees") console.log(`        first mismatch: ${JSON.stringify(report.mismatches[0])}`);
    }
  }
  console.log(failures === 0 ? "smoke: every available contender agrees with the hand-written function" : `smoke: ${failures} contender(s) disagree`);
  return failures === 0 ? 0 : 1;
}

function machine(): Record<string, unknown> {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // Not a git checkout: the results still stand, just without a commit id.
  }
  return {
    node: process.version,
    cpuModel: cpus()[0]?.model ?? "unknown",
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((l) => l.toFixed(2)).join(" "),
    exposeGc: typeof (globalThis as { gc?: unknown }).gc === "function",
    cpuClock: CPU_CLOCK,
    commit,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      smoke: { type: "boolean", default: false },
      only: { type: "string" },
      leads: { type: "string" },
      rows: { type: "string" },
      rounds: { type: "string" },
      "window-ms": { type: "string" },
      "warmup-ms": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.smoke) return smoke(positive("leads", values.leads, 300));

  const sections = new Set<Section>();
  for (const name of (values.only ?? SECTIONS.join(",")).split(",")) {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only takes ${SECTIONS.join(", ")}; "${name}" is not one of them`);
    sections.add(name as Section);
  }
  const leadCount = positive("leads", values.leads, 10_000);
  const rows = positive("rows", values.rows, 1_000_000);
  const timing = {
    rounds: positive("rounds", values.rounds, 5),
    windowMs: positive("window-ms", values["window-ms"], 400),
    warmupMs: positive("warmup-ms", values["warmup-ms"], 400),
  };
  const startMachine = machine();
  const workloads: WorkloadThroughput[] = [];
  for (const make of [bantWorkload, pointsWorkload]) {
    const workload = make(leadCount);
    if (!sections.has(workload.id)) continue;
    log(`${workload.title}: checking agreement, then timing`);
    const result = await measureWorkload(workload, ALL_CONTENDERS, timing, log);
    workloads.push(result);
    console.log(`\n${throughputTable(result)}`);
  }
  let compile: CompileReport | undefined;
  if (sections.has("compile")) {
    log("compile time: 100, 1,000 and 10,000 rules");
    compile = measureCompile([100, 1_000, 10_000], log);
    console.log(`\n${compileTable(compile)}`);
  }
  let batch: BatchReport | undefined;
  if (sections.has("batch")) {
    log(`batch scoring: ${rows.toLocaleString("en-US")} rows through the CLI`);
    batch = await measureBatch(rows, log);
    console.log(`\n${batchTable(batch)}`);
  }
  let backtest: BacktestTimeReport | undefined;
  if (sections.has("backtest")) {
    log("backtest vs score: the X Education file through the CLI");
    backtest = await measureBacktestTime(timing.rounds, log);
    console.log(`\n${backtestTable(backtest)}`);
  }
  let editor: EditorLatencyReport | undefined;
  if (sections.has("editor")) {
    editor = measureEditorLatency(log);
    console.log(`\n${editorSection(editor)}`);
  }
  let lsp: LspLatencyReport | undefined;
  if (sections.has("lsp")) {
    log("language server latency: keystroke to diagnostics on the 2,000-line model, against the Monaco worker's path");
    lsp = await measureLspLatency(log);
    console.log(`\n${lspLatencySection(lsp)}`);
  }
  const targets = [...evaluateTargets(workloads, compile, batch, backtest), ...(lsp ? [lspLatencyTarget(lsp)] : [])];
  console.log(`\n${targetsTable(targets)}`);
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    command: `node --expose-gc packages/bench/dist/main.js ${process.argv.slice(2).join(" ")}`.trim(),
    machine: startMachine,
    options: { sections: [...sections], leads: leadCount, rows, ...timing },
    workloads,
    compile,
    batch,
    backtest,
    editor,
    lsp,
    targets,
  };
  const out = values.out ?? fileURLToPath(new URL("../results/latest.json", import.meta.url));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(out.replace(/\.json$/, ".md"), markdownReport(results));
  log(`\nwrote ${out} and ${out.replace(/\.json$/, ".md")}`);
  const disagreements = workloads.flatMap((w) => w.contenders.filter((c) => c.agreement.status === "disagrees" || c.agreement.status === "failed"));
  return disagreements.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exitCode = 2;
  },
);
