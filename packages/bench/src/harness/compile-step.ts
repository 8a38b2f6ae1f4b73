import { compile } from "@qualify/compiler";
import { analyze } from "@qualify/language";
import { cpuNow } from "./cpu-clock.js";
import { generatePointsSpec } from "../workloads/points-spec.js";
import { qualSource } from "../workloads/qual-source.js";

/** The time of one parse + check + compile, split by phase, in milliseconds. */
export interface CompileSample {
  /** `analyze(source)`: parse and check, lowering to IR. */
  readonly analyzeMs: number;
  /** `compile(ir)`: IR to closures and input schema. */
  readonly compileMs: number;
  readonly totalMs: number;
  /** CPU time of the whole step (see cpu-clock.ts): unlike wall time, not inflated by waiting for a core on a busy machine. */
  readonly cpuMs: number;
}

/** The Qual source of the generated points model with `rules` rules (the same generator as the points workload). */
export function largeModelSource(rules: number): string {
  return qualSource(generatePointsSpec(rules));
}

/** Parses, checks and compiles `source` once and times each phase; throws when the model has errors. */
export function compileOnce(source: string): CompileSample {
  const cpuBefore = cpuNow();
  const start = process.hrtime.bigint();
  const analyzed = analyze(source);
  const checked = process.hrtime.bigint();
  if (analyzed.ir === undefined) {
    const first = analyzed.diagnostics.find((d) => d.severity === "error");
    throw new Error(`generated model does not check: ${first?.code ?? "?"} ${first?.message ?? ""}`);
  }
  const model = compile(analyzed.ir);
  const end = process.hrtime.bigint();
  const cpuMs = (cpuNow() - cpuBefore) / 1e6;
  if (typeof model.score !== "function") throw new Error("compile() returned no score function");
  return {
    analyzeMs: Number(checked - start) / 1e6,
    compileMs: Number(end - checked) / 1e6,
    totalMs: Number(end - start) / 1e6,
    cpuMs,
  };
}
