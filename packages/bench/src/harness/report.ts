import type { BacktestTimeReport } from "./backtest-time.js";
import type { BatchReport } from "./batch.js";
import type { CompileReport } from "./compile-time.js";
import type { EditorLatencyReport } from "./editor-latency.js";
import { lspLatencySection } from "./lsp-latency.js";
import type { LspLatencyReport } from "./lsp-latency.js";
import type { Target } from "./targets.js";
import type { WorkloadThroughput } from "./throughput.js";

/** Everything one benchmark run measured; written as results/latest.json. */
export interface BenchResults {
  readonly generatedAt: string;
  readonly command: string;
  readonly machine: Readonly<Record<string, unknown>>;
  readonly options: Readonly<Record<string, unknown>>;
  readonly workloads: readonly WorkloadThroughput[];
  readonly compile?: CompileReport;
  readonly batch?: BatchReport;
  readonly backtest?: BacktestTimeReport;
  readonly editor?: EditorLatencyReport;
  readonly lsp?: LspLatencyReport;
  readonly targets: readonly Target[];
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");

/**
 * Rows of cells as a Markdown table, padded so it also reads as plain text.
 * Columns listed in `textColumns` are left-aligned, the rest (numbers) right-aligned.
 */
function table(header: readonly string[], rows: readonly (readonly string[])[], textColumns: readonly number[] = [0]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const left = (i: number) => textColumns.includes(i);
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (left(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (left(i) ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The throughput table of one workload. */
export function throughputTable(w: WorkloadThroughput): string {
  const rows = w.contenders.map((c) => {
    if (c.leadsPerSecond === undefined) {
      const { status: state, reason, mismatchCount, checked } = c.agreement;
      const status =
        state === "unavailable" ? `unavailable: ${reason ?? ""}` : state === "failed" ? `FAILED: ${(reason ?? "").split("\n")[0]}` : `DISAGREES on ${mismatchCount}/${checked} leads`;
      return [c.label, "-", "-", "-", "-", "-", status];
    }
    const cpu = c.leadsPerCpuSecond ?? c.leadsPerSecond;
    const nsPerLead = 1e9 / cpu;
    const ratio = (r: number | undefined) => (r === undefined ? "-" : `${r.toFixed(3)}x`);
    return [
      c.label,
      int(c.leadsPerSecond),
      int(cpu),
      nsPerLead >= 1000 ? `${(nsPerLead / 1000).toFixed(1)} µs` : `${int(nsPerLead)} ns`,
      ratio(c.ratio),
      ratio(c.wallRatio),
      `agrees on ${c.agreement.checked}`,
    ];
  });
  const header = ["contender", "leads/s (wall)", "leads/CPU-s", "CPU per lead", "vs hand-written (CPU)", "(wall)", "results"];
  return `### ${w.title}\n${int(w.leads)} leads; ratios are medians of per-round paired ratios.\n\n${table(header, rows, [0, 6])}`;
}

/** The compile-time table. */
export function compileTable(report: CompileReport): string {
  const rows = report.sizes.map((s) => [
    int(s.rules),
    `${(s.sourceBytes / 1024).toFixed(0)} KiB`,
    `${s.cold.totalMs.toFixed(1)} ms`,
    `${s.cold.cpuMs.toFixed(1)} ms`,
    `${s.warm.analyzeMs.toFixed(2)} ms`,
    `${s.warm.compileMs.toFixed(2)} ms`,
    `${s.warm.totalMs.toFixed(2)} ms`,
    `${s.warmBestMs.toFixed(2)} ms`,
    `${s.warm.cpuMs.toFixed(2)} ms`,
    `${((s.warm.cpuMs * 1000) / s.rules).toFixed(1)} µs`,
  ]);
  const g = report.growth;
  const growth = g ? `\nGrowth ${int(g.to)} vs ${int(g.from)} rules (warm): ${g.ratio.toFixed(1)}x on CPU time (${g.wallRatio.toFixed(1)}x on wall time) for ${g.to / g.from}x the rules.` : "";
  const header = ["rules", "source", "cold total", "cold CPU", "warm analyze", "warm compile", "warm total", "warm best", "warm CPU", "CPU per rule"];
  return `### Compile time (parse + check + compile)\nCold = first call in a fresh process (median of 3 processes); warm = median of repeats after warm-up; best = fastest warm repeat; analyze/compile/total/best are wall time; warm CPU is the CPU time per compile, averaged over the repeats.\n\n${table(header, rows)}${growth}`;
}

/** The batch-scoring table. */
export function batchTable(report: BatchReport): string {
  if (report.skipped !== undefined || report.runs === undefined) return `### Batch scoring\nskipped: ${report.skipped ?? "no runs"}`;
  const pass = report.runs.find((r) => r.label === "pass-through");
  const rows = report.runs.map((r) => [
    r.label,
    int(r.rows),
    `${r.seconds.toFixed(1)} s`,
    int(r.rowsPerSecond),
    pass && r.rows === pass.rows ? `${(r.rowsPerSecond / pass.rowsPerSecond).toFixed(2)}x` : "-",
    r.cpuSeconds === undefined ? "?" : `${r.cpuSeconds.toFixed(1)} s`,
    r.cpuSeconds === undefined ? "?" : int(r.rows / r.cpuSeconds),
    r.maxRssMb === undefined ? "?" : `${r.maxRssMb.toFixed(0)} MiB`,
    r.exitCode === 0 ? "ok" : `exit ${r.exitCode}`,
  ]);
  const agreement = report.agreement
    ? `\nTiers in the CLI's output vs the hand-written function on the first ${int(report.agreement.checked)} rows: ${report.agreement.mismatches === 0 ? "all agree" : `${report.agreement.mismatches} differ (${report.agreement.first ?? ""})`}.`
    : "";
  const problems = report.problems && report.problems.length > 0 ? `\nProblems:\n${report.problems.map((p) => `- ${p}`).join("\n")}` : "";
  return `### Batch scoring (\`qualify score\`, CSV, 100-rule points model)\n${(report.csvMegabytes ?? 0).toFixed(0)} MiB CSV; time is the wall time of the whole process, CPU its user + system time over all threads.\n\n${table(["run", "rows", "time", "rows/s", "vs pass-through", "CPU", "rows/CPU-s", "peak RSS", "status"], rows, [0, 8])}${agreement}${problems}`;
}

/** Backtest against score on the X Education file. */
export function backtestTable(report: BacktestTimeReport): string {
  if (report.skipped !== undefined || report.runs === undefined) return `### Backtest vs score\nskipped: ${report.skipped ?? "no runs"}`;
  const labels = ["qualify score", "qualify backtest"];
  const rows = labels.map((label) => {
    const runs = report.runs?.filter((r) => r.label === label) ?? [];
    const walls = runs.map((r) => r.seconds).sort((a, b) => a - b);
    const cpus = runs.map((r) => r.cpuSeconds ?? Number.NaN).sort((a, b) => a - b);
    return [label, int(report.rows ?? 0), walls.map((w) => w.toFixed(2)).join(" / "), cpus.map((c) => c.toFixed(2)).join(" / "), runs.every((r) => r.exitCode === 0) ? "ok" : "failed"];
  });
  const problems = report.problems && report.problems.length > 0 ? `\nProblems:\n${report.problems.map((p) => `- ${p}`).join("\n")}` : "";
  return `### Backtest vs score (X Education, ${int(report.rows ?? 0)} leads, examples/x-education-fit.qual)\nWhole CLI processes, start-up included, ${report.rounds ?? 0} rounds alternating; seconds per run, sorted.\n\n${table(["run", "rows", "wall (s)", "CPU (s)", "status"], rows, [0, 2, 3, 4])}\n\nbacktest / score: ${report.ratio?.toFixed(2) ?? "?"}x wall, ${report.cpuRatio?.toFixed(2) ?? "?"}x CPU (medians).${problems}`;
}

/** The targets with PASS/MISS markers. */
export function targetsTable(targets: readonly Target[]): string {
  if (targets.length === 0) return "### Targets\nNone measured in this run.";
  const rows = targets.map((t) => [t.pass === undefined ? "n/a" : t.pass ? "PASS" : "MISS", t.name, t.goal, t.measured]);
  return `### Targets\n\n${table(["", "target", "goal", "measured"], rows, [0, 1])}`;
}

/** The editor-latency section. */
export function editorSection(report: EditorLatencyReport): string {
  if (report.skipped !== undefined) return `### Editor latency\n${report.skipped}`;
  // The raw samples stay in the JSON file; the table shows the summary.
  const summary = JSON.stringify(report.result, (_key, value: unknown) => (Array.isArray(value) && value.length > 10 ? `[${value.length} samples]` : value), 2);
  return `### Editor latency (\`pnpm --filter @qualify/editor ${report.script ?? ""}\`), milliseconds\n\n\`\`\`json\n${summary}\n\`\`\``;
}

/** The whole report as Markdown. */
export function markdownReport(results: BenchResults): string {
  const m = results.machine;
  const parts = [
    `## Benchmark results\n\nRun finished ${results.generatedAt} on ${String(m["cpuModel"])} (${String(m["cpus"])} cores, load average ${String(m["loadAverage"])} at start), Node ${String(m["node"])}, commit ${String(m["commit"])}; CPU time is ${String(m["cpuClock"])} CPU time.\nCommand: \`${results.command}\``,
    ...results.workloads.map(throughputTable),
  ];
  if (results.compile) parts.push(compileTable(results.compile));
  if (results.batch) parts.push(batchTable(results.batch));
  if (results.backtest) parts.push(backtestTable(results.backtest));
  if (results.editor) parts.push(editorSection(results.editor));
  if (results.lsp) parts.push(lspLatencySection(results.lsp));
  parts.push(targetsTable(results.targets));
  return `${parts.join("\n\n")}\n`;
}
