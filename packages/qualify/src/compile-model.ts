import { compile } from "@qualify/compiler";
import type { CompiledModel, CompileOptions } from "@qualify/compiler";
import { hasErrors } from "@qualify/ir";
import { analyzeData } from "@qualify/data";
import type { AnalyzeDataResult } from "@qualify/data";
import { analyze } from "@qualify/language";
import type { AnalyzeResult } from "@qualify/language";
import { ModelError } from "./model-error.js";

/** A compiled model, ready to score leads: `score` (fast path), `evaluate` (explained), `validate`. */
export type QualModel = CompiledModel;

/** Options for {@link compileModel} and {@link analyzeModel}. */
export interface ModelOptions {
  /** The file name used in diagnostics (`bant.qual:3:5: error ...`). */
  file?: string;
  /**
   * How the source is written: Qual (`.qual`) or the data form as YAML or JSON.
   * By default the file name decides (`.qual.yaml`, `.qual.yml`, `.qual.json`
   * are data), and Qual otherwise.
   */
  format?: SourceFormat;
  /** Lead limits passed to the compiler (maximum string and list lengths). */
  limits?: CompileOptions["limits"];
}

/** The ways a model's source can be written. */
export type SourceFormat = "qual" | "yaml" | "json";

/**
 * What {@link analyzeModel} finds: every diagnostic, symbols, the IR when there
 * is no error, and the syntax tree (absent only for a data file too broken to read).
 */
export type ModelAnalysis = AnalyzeResult | AnalyzeDataResult;

function formatOf(options: ModelOptions): SourceFormat {
  if (options.format !== undefined) return options.format;
  const file = options.file ?? "";
  if (/\.qual\.ya?ml$/i.test(file)) return "yaml";
  if (/\.qual\.json$/i.test(file)) return "json";
  return "qual";
}

/**
 * Parses and checks a model's source (Qual, or the YAML/JSON data form). Never throws on any input: problems are in
 * `diagnostics`, and `ir` is present only when there is no error.
 */
export function analyzeModel(source: string, options: ModelOptions = {}): ModelAnalysis {
  const file = options.file === undefined ? {} : { file: options.file };
  const format = formatOf(options);
  return format === "qual" ? analyze(source, file) : analyzeData(source, { ...file, format });
}

/**
 * Parses, checks and compiles a model's source (Qual, YAML or JSON) into a model that scores leads.
 * @throws ModelError when the source has errors (its message shows them).
 */
export function compileModel(source: string, options: ModelOptions = {}): QualModel {
  const analysis = analyzeModel(source, options);
  if (analysis.ir === undefined || hasErrors(analysis.diagnostics)) {
    throw new ModelError(analysis.diagnostics, source, options.file);
  }
  return compile(analysis.ir, options.limits === undefined ? {} : { limits: options.limits });
}
