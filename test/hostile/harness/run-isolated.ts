import { Worker } from "node:worker_threads";
import { FUZZ_SEED, HANG_SECONDS } from "./settings.js";

/** What a fuzz target reported when it finished. */
export interface IsolatedOutcome {
  /** Inputs the property ran. */
  readonly runs: number;
  /** Target-specific counts (how many inputs compiled, were rejected...), to show the fuzzer reached deep code. */
  readonly counts: Readonly<Record<string, number>>;
}

/** Options of {@link runIsolated}. */
export interface IsolatedOptions {
  readonly runs: number;
  readonly seed?: number;
  /** Seconds one input may take; default HANG_SECONDS. */
  readonly hangSeconds?: number;
  /** Extra data for the target. */
  readonly params?: Readonly<Record<string, unknown>>;
}

const WORKER = new URL("./fuzz-worker.mjs", import.meta.url);

/**
 * Runs a fuzz target (test/hostile/targets/NAME.mjs, on the built packages)
 * in a worker thread with a watchdog. The target reports each input before it
 * runs it; when one input takes longer than `hangSeconds`, the worker is
 * terminated and the promise rejects with that input. This is how "never
 * hangs" is enforced structurally: a synchronous hang (a runaway regex, a
 * parser loop) cannot be interrupted inside the test's own thread.
 */
export function runIsolated(target: string, options: IsolatedOptions): Promise<IsolatedOutcome> {
  const seed = options.seed ?? FUZZ_SEED;
  const hangMs = (options.hangSeconds ?? HANG_SECONDS) * 1000;
  // No inherited execArgv: the test runner's `--conditions source` would make the worker load TypeScript.
  const worker = new Worker(WORKER, { execArgv: [], workerData: { target, seed, runs: options.runs, params: options.params ?? {} } });
  return new Promise<IsolatedOutcome>((resolve, reject) => {
    let lastSample = "(the target had not started an input yet)";
    let lastIndex = -1;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: { ok: true; value: IsolatedOutcome } | { ok: false; error: Error }): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      void worker.terminate();
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    };
    const arm = (ms: number): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        finish({
          ok: false,
          error: new Error(
            `fuzz target "${target}" (seed ${seed}) hung: input #${lastIndex} did not finish within ${hangMs / 1000} s:\n${lastSample}`,
          ),
        });
      }, ms);
    };
    // Loading the built packages gets its own, generous cap: on a loaded machine it can take longer than one input may.
    arm(Math.max(hangMs, 60_000));
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "input") {
        lastIndex = message.index;
        lastSample = message.sample;
        arm(hangMs);
      } else if (message.type === "done") {
        finish({ ok: true, value: { runs: message.runs, counts: message.counts } });
      } else {
        finish({ ok: false, error: new Error(`fuzz target "${target}" (seed ${seed}) failed:\n${message.message}`) });
      }
    });
    worker.on("error", (error) => finish({ ok: false, error }));
    worker.on("exit", (code) => finish({ ok: false, error: new Error(`fuzz target "${target}" worker exited with code ${code} before reporting`) }));
  });
}

type WorkerMessage =
  | { type: "input"; index: number; sample: string }
  | { type: "done"; runs: number; counts: Record<string, number> }
  | { type: "failed"; message: string };
