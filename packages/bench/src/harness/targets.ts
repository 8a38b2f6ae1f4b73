import type { BacktestTimeReport } from "./backtest-time.js";
import type { BatchReport } from "./batch.js";
import type { CompileReport } from "./compile-time.js";
import type { WorkloadThroughput } from "./throughput.js";

/** One performance target of the issue, with the measured value and whether it was met. */
export interface Target {
  readonly name: string;
  readonly goal: string;
  readonly measured: string;
  /** Undefined when the numbers needed are missing (a section skipped or a contender that disagreed). */
  readonly pass: boolean | undefined;
}

/** CPU-time throughput: the ratios between contenders are taken on it (see ContenderThroughput.ratio). */
function rate(workload: WorkloadThroughput | undefined, id: string): number | undefined {
  return workload?.contenders.find((c) => c.id === id)?.leadsPerCpuSecond;
}

function ratioTarget(workload: WorkloadThroughput | undefined, name: string, id: string, versus: string, goal: number): Target {
  const mine = rate(workload, id);
  const theirs = rate(workload, versus);
  const value = versus === "handwritten" ? workload?.contenders.find((c) => c.id === id)?.ratio : mine !== undefined && theirs !== undefined ? mine / theirs : undefined;
  // Three decimals, so a ratio just under the goal never prints as the goal itself.
  return { name, goal: `>= ${goal}x`, measured: value === undefined ? "n/a" : `${value.toFixed(3)}x`, pass: value === undefined ? undefined : value >= goal };
}

/** Every target the issue sets, evaluated on the measured results. */
export function evaluateTargets(
  workloads: readonly WorkloadThroughput[],
  compile: CompileReport | undefined,
  batch: BatchReport | undefined,
  backtest?: BacktestTimeReport,
): Target[] {
  const targets: Target[] = [];
  for (const id of ["bant", "points"]) {
    const w = workloads.find((x) => x.id === id);
    if (w === undefined) continue;
    targets.push(ratioTarget(w, `${id}: qualify fast vs hand-written`, "qualify-fast", "handwritten", 0.5));
    targets.push(ratioTarget(w, `${id}: qualify fast vs cel-js`, "qualify-fast", "cel-js", 10));
    targets.push(ratioTarget(w, `${id}: qualify fast vs filtrex`, "qualify-fast", "filtrex", 3));
    targets.push(ratioTarget(w, `${id}: qualify full vs hand-written`, "qualify-full", "handwritten", 0.2));
    targets.push(ratioTarget(w, `${id}: qualify AOT module vs hand-written`, "qualify-aot", "handwritten", 0.9));
  }
  if (compile !== undefined) {
    const hundred = compile.sizes.find((s) => s.rules === 100);
    if (hundred) {
      const ms = hundred.warm.cpuMs;
      targets.push({ name: "compile 100 rules, warm (CPU)", goal: "< 5 ms", measured: `${ms.toFixed(2)} ms (wall ${hundred.warm.totalMs.toFixed(2)})`, pass: ms < 5 });
    }
    if (compile.growth) {
      const g = compile.growth;
      targets.push({ name: `compile ${g.to} vs ${g.from} rules, warm (CPU)`, goal: "<= 150x", measured: `${g.ratio.toFixed(1)}x (wall ${g.wallRatio.toFixed(1)}x)`, pass: g.ratio <= 150 });
    }
  }
  if (batch?.runs !== undefined) {
    const find = (label: string) => batch.runs?.find((r) => r.label === label);
    const full = find("qualify score --workers 1");
    const tenth = find("qualify score --workers 1 (1/10 rows)");
    if (full?.maxRssMb !== undefined && tenth?.maxRssMb !== undefined) {
      const ratio = full.maxRssMb / tenth.maxRssMb;
      targets.push({ name: "score peak RSS, full vs 1/10 rows", goal: "<= 1.5x", measured: `${ratio.toFixed(2)}x`, pass: ratio <= 1.5 });
    }
    const one = find("qualify score --workers 1");
    const two = find("qualify score --workers 2");
    if (one && two && one.exitCode === 0 && two.exitCode === 0) {
      const speedup = one.seconds / two.seconds;
      targets.push({ name: "score --workers 2 vs --workers 1", goal: ">= 1.6x", measured: `${speedup.toFixed(2)}x`, pass: speedup >= 1.6 });
    }
  }
  // CPU time, as for the other ratios: on a shared machine wall time swings with the neighbours' load.
  if (backtest?.cpuRatio !== undefined && (backtest.problems ?? []).length === 0) {
    const r = backtest.cpuRatio;
    targets.push({ name: "backtest vs score, X Education 9,240 rows (CPU)", goal: "< 2x", measured: `${r.toFixed(2)}x (wall ${backtest.ratio?.toFixed(2) ?? "?"}x)`, pass: r < 2 });
  }
  return targets;
}
