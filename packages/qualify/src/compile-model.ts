import { compile } from "@qualify/compiler";
import type { CompiledModel, CompileOptions } from "@qualify/compiler";
import { hasErrors } from "@qualify/ir";
import { analyze } from "@qualify/language";
import type { AnalyzeResult } from "@qualify/language";
import { ModelError } from "./model-error.js";

/** A compiled model, ready to score leads: `score` (fast path), `evaluate` (explained), `validate`. */
export type QualModel = CompiledModel;

/** Options for {@link compileModel} and {@link analyzeModel}. */
export interface ModelOptions {
  /** The file name used in diagnostics (`bant.qual:3:5: error ...`). */
  file?: string;
  /** Lead limits passed to the compiler (maximum string and list lengths). */
  limits?: CompileOptions["limits"];
}

/** What {@link analyzeModel} finds: the syntax tree, every diagnostic, symbols, and the IR when there is no error. */
export type ModelAnalysis = AnalyzeResult;

/**
 * Parses and checks Qual source. Never throws on any input: problems are in
 * `diagnostics`, and `ir` is present only when there is no error.
 */
export function analyzeModel(source: string, options: ModelOptions = {}): ModelAnalysis {
  return analyze(source, options.file === undefined ? {} : { file: options.file });
}

/**
 * Parses, checks and compiles Qual source into a model that scores leads.
 * @throws ModelError when the source has errors (its message shows them).
 */
export function compileModel(source: string, options: ModelOptions = {}): QualModel {
  const analysis = analyzeModel(source, options);
  if (analysis.ir === undefined || hasErrors(analysis.diagnostics)) {
    throw new ModelError(analysis.diagnostics, source, options.file);
  }
  return compile(analysis.ir, options.limits === undefined ? {} : { limits: options.limits });
}
