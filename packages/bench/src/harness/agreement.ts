import type { Contender, Outcome, Runner, Workload } from "../contenders/contender.js";
import { ContenderUnavailableError } from "../contenders/contender.js";
import { handwrittenContender } from "../contenders/handwritten.js";

/** One lead on which a contender's answer differs from the hand-written function's. */
export interface Mismatch {
  readonly index: number;
  readonly lead: unknown;
  readonly expected: Outcome;
  /** The contender's outcome, or the message of what it threw. */
  readonly actual: Outcome | string;
}

/** How one contender fared in the agreement check. */
export interface AgreementReport {
  readonly contender: string;
  /** `failed`: the contender could not even be built for the workload (e.g. qualify rejected the model). */
  readonly status: "agrees" | "disagrees" | "unavailable" | "failed";
  readonly checked: number;
  readonly mismatchCount: number;
  /** The first few mismatches, to debug encodings. */
  readonly mismatches: readonly Mismatch[];
  /** Why it could not run, when unavailable or failed. */
  readonly reason?: string;
}

/** A prepared contender, or why it could not be prepared. */
export type Prepared =
  | { readonly contender: Contender; readonly runner: Runner }
  | { readonly contender: Contender; readonly unavailable: string }
  | { readonly contender: Contender; readonly failed: string };

/**
 * Prepares every contender for the workload. One that cannot run on this
 * machine is kept as unavailable with its reason; one that fails otherwise
 * is kept as failed, so the rest of the benchmark still runs and reports it.
 */
export async function prepareAll(contenders: readonly Contender[], workload: Workload): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const contender of contenders) {
    try {
      prepared.push({ contender, runner: await contender.prepare(workload) });
    } catch (error) {
      if (error instanceof ContenderUnavailableError) prepared.push({ contender, unavailable: error.message });
      else prepared.push({ contender, failed: error instanceof Error ? error.message : String(error) });
    }
  }
  return prepared;
}

function sameOutcome(expected: Outcome, actual: Outcome): boolean {
  return expected.tier === actual.tier && typeof actual.total === "number" && Math.abs(expected.total - actual.total) <= 1e-9;
}

/** The hand-written function's outcome for every lead: the reference. */
export async function referenceOutcomes(workload: Workload): Promise<Outcome[]> {
  const runner = await handwrittenContender.prepare(workload);
  return workload.leads.map((lead) => runner.outcome(runner.run(lead)));
}

/**
 * Runs a contender on every lead and compares tier and total with the
 * reference. Done before any timing: a contender that disagrees is not
 * timed, since a fast wrong answer is not a result.
 */
export async function checkAgreement(prepared: Prepared, workload: Workload, reference: readonly Outcome[]): Promise<AgreementReport> {
  const id = prepared.contender.id;
  if ("unavailable" in prepared) {
    return { contender: id, status: "unavailable", checked: 0, mismatchCount: 0, mismatches: [], reason: prepared.unavailable };
  }
  if ("failed" in prepared) {
    return { contender: id, status: "failed", checked: 0, mismatchCount: 0, mismatches: [], reason: prepared.failed };
  }
  const { runner } = prepared;
  const mismatches: Mismatch[] = [];
  let mismatchCount = 0;
  for (let index = 0; index < workload.leads.length; index++) {
    const lead = workload.leads[index];
    const expected = reference[index] as Outcome;
    let actual: Outcome | string;
    try {
      actual = runner.outcome(await runner.run(lead as never));
    } catch (error) {
      actual = `threw: ${(error as Error).message}`;
    }
    if (typeof actual === "string" || !sameOutcome(expected, actual)) {
      mismatchCount++;
      if (mismatches.length < 5) mismatches.push({ index, lead, expected, actual });
    }
  }
  return { contender: id, status: mismatchCount === 0 ? "agrees" : "disagrees", checked: workload.leads.length, mismatchCount, mismatches };
}
