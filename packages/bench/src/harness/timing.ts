import type { Runner } from "../contenders/contender.js";
import { cpuNow } from "./cpu-clock.js";
import type { Lead } from "../workloads/points-leads.js";

/** One timed window: how many leads were scored in how long. */
export interface Window {
  readonly leads: number;
  /** Wall-clock time. */
  readonly ns: number;
  /**
   * CPU time in the same window (see cpu-clock.ts: the main thread's own
   * where Linux tells it, the whole process's for asynchronous engines). On a machine shared with other busy processes,
   * wall time also counts the time this process waited for a core; CPU time
   * does not.
   */
  readonly cpuNs: number;
  /** Folded results, so the work cannot be optimised away; printed in the JSON. */
  readonly checksum: number;
}

/** Leads scored between two clock reads; small enough that a window ends close to its deadline even for slow engines. */
const CHUNK = 64;

type Timed = Omit<Window, "cpuNs"> & { next: number };

function syncWindow(runner: Runner, leads: readonly Lead[], windowNs: bigint, start: number): Timed {
  const run = runner.run;
  const checksum = runner.checksum;
  let index = start;
  let count = 0;
  let sum = 0;
  const begin = process.hrtime.bigint();
  const deadline = begin + windowNs;
  for (;;) {
    for (let k = 0; k < CHUNK; k++) {
      sum += checksum(run(leads[index] as Lead));
      if (++index === leads.length) index = 0;
    }
    count += CHUNK;
    const now = process.hrtime.bigint();
    if (now >= deadline) return { leads: count, ns: Number(now - begin), checksum: sum, next: index };
  }
}

async function asyncWindow(runner: Runner, leads: readonly Lead[], windowNs: bigint, start: number): Promise<Timed> {
  const run = runner.run;
  const checksum = runner.checksum;
  let index = start;
  let count = 0;
  let sum = 0;
  const begin = process.hrtime.bigint();
  const deadline = begin + windowNs;
  for (;;) {
    for (let k = 0; k < CHUNK; k++) {
      // One lead at a time: concurrency would not add CPU, and this is how a request handler calls it.
      sum += checksum(await run(leads[index] as Lead));
      if (++index === leads.length) index = 0;
    }
    count += CHUNK;
    const now = process.hrtime.bigint();
    if (now >= deadline) return { leads: count, ns: Number(now - begin), checksum: sum, next: index };
  }
}

/**
 * Scores leads for about `windowMs`, continuing through the lead list from
 * `start` (so successive windows see different leads and every lead is used),
 * and returns the count, the exact elapsed time and the checksum.
 */
export async function timeWindow(runner: Runner, leads: readonly Lead[], windowMs: number, start = 0): Promise<Window & { next: number }> {
  const windowNs = BigInt(Math.round(windowMs * 1e6));
  // An asynchronous engine may work on other threads (ZEN evaluates natively off the main thread),
  // so its windows count the whole process's CPU time.
  const wholeProcess = runner.mode === "async";
  const cpuBefore = cpuNow(wholeProcess);
  const timed = runner.mode === "sync" ? syncWindow(runner, leads, windowNs, start) : await asyncWindow(runner, leads, windowNs, start);
  return { ...timed, cpuNs: cpuNow(wholeProcess) - cpuBefore };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Asks V8 for a full collection between windows when node runs with --expose-gc, so one contender's garbage is not another's pause. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
