// Fuzzing leads: hostile values into validate, score and evaluate of the
// example models and of generated models whose fields have the names of
// JavaScript's prototype machinery. Runs in a worker with a hang watchdog.
import { describe, expect, it } from "vitest";
import { runIsolated } from "./harness/run-isolated.js";
import { FUZZ_SEED, fuzzRuns, testTimeoutFor } from "./harness/settings.js";

describe(`leads under fuzzing (seed ${FUZZ_SEED})`, () => {
  it(
    "example models: only InvalidLeadError, exactly when validate finds issues; finite results; no prototype touched",
    async () => {
      const runs = fuzzRuns(200);
      const outcome = await runIsolated("leads", { runs, params: { kind: "examples" } });
      expect(outcome.runs).toBeGreaterThanOrEqual(runs);
      expect(outcome.counts["valid"] ?? 0).toBeGreaterThan(0);
      expect(outcome.counts["invalid"] ?? 0).toBeGreaterThan(0);
    },
    testTimeoutFor(200),
  );

  it(
    "generated models with fields named __proto__, constructor, prototype...: the same invariants",
    async () => {
      const runs = fuzzRuns(200);
      const outcome = await runIsolated("leads", { runs, params: { kind: "generated" } });
      expect(outcome.counts["models"] ?? 0).toBeGreaterThan(10);
      expect(outcome.counts["valid"] ?? 0).toBeGreaterThan(0);
      expect(outcome.counts["invalid"] ?? 0).toBeGreaterThan(0);
    },
    testTimeoutFor(200),
  );
});
