import { type CompiledModel, compile } from "@qualify/compiler";
import { type AnalyzeResult, analyze, printDiagnostic } from "@qualify/language";
import type { EvaluationResult, FastResult } from "@qualify/ir";
import { type Contender, tierAndScoresReaders } from "./contender.js";

/**
 * qualify itself, three ways: the fast path (`score`, tier and scores only),
 * the full path (`evaluate`, with reasons, criteria and unknowns) and the fast
 * path with input validation on (what an embedding service calls by default).
 */

/** Parses, checks and compiles Qual source; throws with the printed diagnostics when it has errors. */
export function compileQual(source: string): CompiledModel {
  const analyzed: AnalyzeResult = analyze(source);
  if (analyzed.ir === undefined) {
    const errors = analyzed.diagnostics.filter((d) => d.severity === "error").slice(0, 5);
    throw new Error(`the benchmark's Qual model does not check:\n${errors.map((d) => printDiagnostic(d, source)).join("\n")}`);
  }
  return compile(analyzed.ir);
}

/**
 * The evaluation time, passed per call in a fresh options object as an
 * embedding service does (`model.score(lead, { now, validate: false })`),
 * so the bench counts what reading the options costs.
 */
const NOW = "2026-11-01";

/** qualify's fast path without input validation. */
export const qualifyFastContender: Contender = {
  id: "qualify-fast",
  label: "qualify score (fast)",
  notes: "compiled closures; score(lead, { now, validate: false }), now a date text per call",
  async prepare(workload) {
    const model = compileQual(workload.qualSource);
    return { mode: "sync", run: (lead): FastResult => model.score(lead, { now: NOW, validate: false }), ...tierAndScoresReaders(workload.spec.totalId) };
  },
};

/** qualify's full path without input validation. */
export const qualifyFullContender: Contender = {
  id: "qualify-full",
  label: "qualify evaluate (full)",
  notes: "evaluate(lead, { now, validate: false }): reasons, criteria, unknowns with missing fields",
  async prepare(workload) {
    const model = compileQual(workload.qualSource);
    return { mode: "sync", run: (lead): EvaluationResult => model.evaluate(lead, { now: NOW, validate: false }), ...tierAndScoresReaders(workload.spec.totalId) };
  },
};

/** qualify's fast path with input validation. */
export const qualifyValidatedContender: Contender = {
  id: "qualify-fast-validated",
  label: "qualify score + validation",
  notes: "score(lead, { now, validate: true }): every field type-checked before scoring",
  async prepare(workload) {
    const model = compileQual(workload.qualSource);
    return { mode: "sync", run: (lead): FastResult => model.score(lead, { now: NOW, validate: true }), ...tierAndScoresReaders(workload.spec.totalId) };
  },
};
