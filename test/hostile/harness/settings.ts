/**
 * How much the hostile-input fuzzers run, from the environment, so CI is
 * repeatable and a long run is one variable away:
 *
 * - QUALIFY_FUZZ_SEED: the fast-check seed (default fixed, so CI always runs
 *   the same inputs and a failure reproduces).
 * - QUALIFY_FUZZ_RUNS: runs per property (default: each property's own
 *   moderate count, which keeps the default suite within ~30 s).
 * - QUALIFY_FUZZ_HANG_SECONDS: how long one input may take before the run is
 *   declared hung (default 20 s; generous, since it is a hang detector, not a
 *   performance assertion).
 */

/** The seed every fuzz property uses unless QUALIFY_FUZZ_SEED says otherwise. */
export const DEFAULT_FUZZ_SEED = 20261122;

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${JSON.stringify(text)}`);
  return value;
}

/** The fast-check seed of this run. */
export const FUZZ_SEED: number = positiveInteger("QUALIFY_FUZZ_SEED", DEFAULT_FUZZ_SEED);

/** Seconds one input may take before the fuzzer's watchdog calls it a hang. */
export const HANG_SECONDS: number = positiveInteger("QUALIFY_FUZZ_HANG_SECONDS", 20);

/** True when QUALIFY_FUZZ_RUNS asks for a long run. */
export const LONG_RUN: boolean = process.env["QUALIFY_FUZZ_RUNS"] !== undefined && process.env["QUALIFY_FUZZ_RUNS"] !== "";

/** Runs for one property: QUALIFY_FUZZ_RUNS when set, else the property's default. */
export function fuzzRuns(defaultRuns: number): number {
  return positiveInteger("QUALIFY_FUZZ_RUNS", defaultRuns);
}

/** A vitest timeout for a fuzz test of `runs` inputs: the hang cap per input is the real bound; this only backs it up. */
export function testTimeoutFor(runs: number, perRunMs = 50): number {
  return Math.max(60_000, runs * perRunMs + HANG_SECONDS * 1000 * 2);
}
