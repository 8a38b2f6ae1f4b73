import { readFileSync } from "node:fs";

/**
 * A clock of CPU time, for measuring on a machine shared with other busy
 * processes, where wall time mostly says how long this process waited for a
 * core. Where Linux exposes it, it is the main thread's own on-CPU time
 * (`/proc/self/task/PID/schedstat`, nanoseconds): on a quiet multi-core
 * machine that is what wall time would be, since V8's helper threads (GC,
 * JIT) run beside it on other cores. Elsewhere it falls back to the whole
 * process's CPU time (`process.cpuUsage()`), which also counts those helpers.
 */

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

function mainThreadNs(): number | undefined {
  try {
    const first = readFileSync(SCHEDSTAT, "utf8").split(" ")[0];
    const ns = Number(first);
    return Number.isFinite(ns) && ns > 0 ? ns : undefined;
  } catch {
    return undefined;
  }
}

/** Which CPU time `cpuNow` reads. */
export const CPU_CLOCK: "main thread" | "process" = mainThreadNs() === undefined ? "process" : "main thread";

/**
 * CPU time so far, in nanoseconds, from the clock named by `CPU_CLOCK`; with
 * `wholeProcess`, always the process's (for engines that do their work on
 * other threads, such as ZEN's native evaluation). Only differences count.
 */
export function cpuNow(wholeProcess = false): number {
  if (!wholeProcess && CPU_CLOCK === "main thread") {
    const ns = mainThreadNs();
    if (ns !== undefined) return ns;
  }
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1000;
}
