import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { writeModule } from "@qualify/compiler";
import type { FastResult, ModelIR } from "@qualify/ir";
import { analyze } from "@qualify/language";
import { type Contender, tierAndScoresReaders } from "./contender.js";

/**
 * qualify's ahead-of-time module (`qualify compile --target js`): written to
 * a file under this package (git-ignored `.bench-out/`, where its
 * `@qualify/compiler/runtime` import resolves) and imported, as a service
 * imports it. Called like the closures, with `now` per call.
 */

const OUT = fileURLToPath(new URL("../../.bench-out/", import.meta.url));
const NOW = "2026-11-01";

interface AotModule {
  score(lead: unknown, options?: { now?: string; validate?: boolean }): FastResult;
}

let written = 0;

/** qualify's ahead-of-time module, fast path. */
export const qualifyAotContender: Contender = {
  id: "qualify-aot",
  label: "qualify AOT module (score)",
  notes: "qualify compile --target js, imported; score(lead, { now, validate: false }), now a date text per call",
  async prepare(workload) {
    const ir = analyze(workload.qualSource).ir as ModelIR;
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `${workload.id}-${process.pid}-${written++}.mjs`);
    writeFileSync(file, writeModule(ir));
    const aot = (await import(pathToFileURL(file).href)) as AotModule;
    return { mode: "sync", run: (lead): FastResult => aot.score(lead, { now: NOW, validate: false }), ...tierAndScoresReaders(workload.spec.totalId) };
  },
};
