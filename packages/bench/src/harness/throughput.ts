import type { Contender, Runner, Workload } from "../contenders/contender.js";
import { type AgreementReport, checkAgreement, prepareAll, referenceOutcomes } from "./agreement.js";
import { collectGarbage, median, timeWindow } from "./timing.js";

/** How long and how often each contender is timed. */
export interface ThroughputOptions {
  readonly rounds: number;
  readonly windowMs: number;
  readonly warmupMs: number;
}

/** One contender's throughput on one workload. */
export interface ContenderThroughput {
  readonly id: string;
  readonly label: string;
  readonly notes: string;
  readonly agreement: AgreementReport;
  /** Leads per wall-clock second, median over rounds, when it agreed and was timed. */
  readonly leadsPerSecond?: number;
  /** Leads per second of CPU time (cpu-clock.ts), median over rounds: what the code costs, whatever else the machine runs. */
  readonly leadsPerCpuSecond?: number;
  /**
   * Median of the per-round ratios to the hand-written function, on CPU time
   * (rounds are interleaved, so each ratio is paired and machine load that
   * comes and goes does not favour whoever ran in a quiet moment).
   */
  readonly ratio?: number;
  /** The same ratio on wall-clock time. */
  readonly wallRatio?: number;
  readonly rounds?: readonly { readonly wall: number; readonly cpu: number }[];
  readonly checksum?: number;
}

/** The throughput table of one workload. */
export interface WorkloadThroughput {
  readonly id: string;
  readonly title: string;
  readonly leads: number;
  readonly rules: number;
  readonly contenders: readonly ContenderThroughput[];
}

/** Checks agreement only (the smoke mode): no timing. */
export async function agreementOnly(workload: Workload, contenders: readonly Contender[]): Promise<AgreementReport[]> {
  const reference = await referenceOutcomes(workload);
  const prepared = await prepareAll(contenders, workload);
  const reports: AgreementReport[] = [];
  for (const p of prepared) reports.push(await checkAgreement(p, workload, reference));
  return reports;
}

/**
 * Checks every contender against the hand-written function on every lead,
 * then times those that agree: a warm-up window each (which also makes the
 * timing loop's call site megamorphic for everyone alike, as in a service
 * that calls a model through an interface), then `rounds` rounds in which
 * every contender gets one window, in rotating order, so machine noise from
 * other processes is shared out rather than landing on one contender.
 */
export async function measureWorkload(
  workload: Workload,
  contenders: readonly Contender[],
  options: ThroughputOptions,
  log: (line: string) => void,
): Promise<WorkloadThroughput> {
  const reference = await referenceOutcomes(workload);
  const prepared = await prepareAll(contenders, workload);
  const agreements = new Map<string, AgreementReport>();
  const timed: { id: string; runner: Runner }[] = [];
  for (const p of prepared) {
    const report = await checkAgreement(p, workload, reference);
    agreements.set(p.contender.id, report);
    if (report.status !== "agrees") {
      log(`  ${p.contender.label}: ${report.status}${report.reason ? ` (${report.reason})` : ` on ${report.mismatchCount} of ${report.checked} leads`}`);
      continue;
    }
    if ("runner" in p) timed.push({ id: p.contender.id, runner: p.runner });
  }
  const baselineId = contenders[0]?.id;
  const cursor = new Map<string, number>(timed.map((t) => [t.id, 0]));
  const rates = new Map<string, { wall: number; cpu: number }[]>(timed.map((t) => [t.id, []]));
  const checksums = new Map<string, number>(timed.map((t) => [t.id, 0]));
  for (const t of timed) {
    collectGarbage();
    await timeWindow(t.runner, workload.leads, options.warmupMs);
  }
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < timed.length; k++) {
      const t = timed[(k + round) % timed.length] as (typeof timed)[number];
      collectGarbage();
      const window = await timeWindow(t.runner, workload.leads, options.windowMs, cursor.get(t.id));
      cursor.set(t.id, window.next);
      rates.get(t.id)?.push({ wall: (window.leads * 1e9) / window.ns, cpu: (window.leads * 1e9) / Math.max(window.cpuNs, 1) });
      checksums.set(t.id, (checksums.get(t.id) ?? 0) + window.checksum);
    }
    log(`  round ${round + 1}/${options.rounds} done`);
  }
  const baselineRates = baselineId === undefined ? undefined : rates.get(baselineId);
  const results: ContenderThroughput[] = contenders.map((contender) => {
    const agreement = agreements.get(contender.id) as AgreementReport;
    const own = rates.get(contender.id);
    const base = { id: contender.id, label: contender.label, notes: contender.notes, agreement };
    if (own === undefined || own.length === 0) return base;
    const paired = (pick: "wall" | "cpu") =>
      baselineRates === undefined ? undefined : median(own.map((rate, i) => rate[pick] / (baselineRates[i]?.[pick] ?? Number.NaN)));
    return {
      ...base,
      leadsPerSecond: median(own.map((r) => r.wall)),
      leadsPerCpuSecond: median(own.map((r) => r.cpu)),
      ratio: paired("cpu"),
      wallRatio: paired("wall"),
      rounds: own,
      checksum: checksums.get(contender.id),
    };
  });
  return { id: workload.id, title: workload.title, leads: workload.leads.length, rules: workload.spec.rules.length, contenders: results };
}
