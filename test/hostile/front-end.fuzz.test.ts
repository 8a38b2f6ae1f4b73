// Fuzzing the front end: arbitrary text, token streams, mutated example
// models and mutated YAML/JSON models into parse, check, format, analyze and
// (for what checks) compile. Each run happens in a worker thread with a
// per-input watchdog, so a hang fails the test naming the input.
import { describe, expect, it } from "vitest";
import { runIsolated } from "./harness/run-isolated.js";
import { FUZZ_SEED, fuzzRuns, testTimeoutFor } from "./harness/settings.js";

describe(`front end under fuzzing (seed ${FUZZ_SEED})`, () => {
  const cases: Array<[kind: string, runs: number, reached: string]> = [
    ["text", fuzzRuns(150), "rejected"],
    ["tokens", fuzzRuns(150), "rejected"],
    ["mutated", fuzzRuns(100), "compiled"],
    ["data", fuzzRuns(80), "data compiled"],
  ];
  for (const [kind, runs, reached] of cases) {
    it(
      `${kind}: never throws an undocumented error, never hangs, diagnostics stay in range`,
      async () => {
        const outcome = await runIsolated("front-end", { runs, params: { kind } });
        expect(outcome.runs).toBeGreaterThanOrEqual(runs);
        // The fuzzer must reach the deeper stages, or it proves little.
        expect(outcome.counts[reached] ?? 0).toBeGreaterThan(0);
      },
      testTimeoutFor(runs),
    );
  }
});
