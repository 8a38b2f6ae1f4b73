import { type CompiledModel, compile, type EvaluateOptions } from "@qualify/compiler";
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

const NO_VALIDATION: EvaluateOptions = Object.freeze({ validate: false });
const VALIDATION: EvaluateOptions = Object.freeze({ validate: true });

/** qualify's fast path without input validation. */
export const qualifyFastContender: Contender = {
  id: "qualify-fast",
  label: "qualify score (fast)",
  notes: "compiled closures; score(lead, { validate: false })",
  async prepare(workload) {
    const model = compileQual(workload.qualSource);
    return { mode: "sync", run: (lead): FastResult => model.score(lead, NO_VALIDATION), ...tierAndScoresReaders(workload.spec.totalId) };
  },
};

/** qualify's full path without input validation. */
export const qualifyFullContender: Contender = {
  id: "qualify-full",
  label: "qualify evaluate (full)",
  notes: "evaluate(lead, { validate: false }): reasons, criteria, unknowns with missing fields",
  async prepare(workload) {
    const model = compileQual(workload.qualSource);
    return { mode: "sync", run: (lead): EvaluationResult => model.evaluate(lead, NO_VALIDATION), ...tierAndScoresReaders(workload.spec.totalId) };
  },
};

/** qualify's fast path with input validation. */
export const qualifyValidatedContender: Contender = {
  id: "qualify-fast-validated",
  label: "qualify score + validation",
  notes: "score(lead, { validate: true }): every field type-checked before scoring",
  async prepare(workload) {
    const model = compileQual(workload.qualSource);
    return { mode: "sync", run: (lead): FastResult => model.score(lead, VALIDATION), ...tierAndScoresReaders(workload.spec.totalId) };
  },
};
