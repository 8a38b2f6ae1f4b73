// The worker side of run-isolated.ts: runs one fuzz target on the built
// packages and reports each input before running it, so the parent's
// watchdog can name the input that hung. Plain JavaScript, since a worker
// thread cannot load the TypeScript sources the rest of the suite imports.
import { parentPort, workerData } from "node:worker_threads";

const { target, seed, runs, params } = workerData;
const MAX_SAMPLE = 4000;

let index = 0;
/** Tells the parent which input is about to run (truncated: inputs can be megabytes). */
function report(sample) {
  const text = typeof sample === "string" ? sample : safeJson(sample);
  parentPort.postMessage({ type: "input", index: index++, sample: text.length > MAX_SAMPLE ? `${text.slice(0, MAX_SAMPLE)}... (${text.length} characters)` : text });
}

function safeJson(value) {
  try {
    return JSON.stringify(value, (_key, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : typeof v === "bigint" ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

try {
  const module = await import(`../targets/${target}.mjs`);
  const counts = await module.run({ seed, runs, params, report });
  parentPort.postMessage({ type: "done", runs: index, counts: counts ?? {} });
} catch (error) {
  // fast-check keeps the property's own error as the cause: it says what broke.
  const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.stack ?? error.cause.message}` : "";
  parentPort.postMessage({ type: "failed", message: `${error instanceof Error ? error.message : String(error)}${cause}` });
}
