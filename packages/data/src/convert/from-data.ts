import type { Diagnostic } from "@qualify/ir";
import { printModel } from "@qualify/language";
import { analyzeDataDetailed } from "../analyze-data.js";
import type { AnalyzeDataOptions } from "../analyze-data.js";

/** What {@link fromData} returns. */
export interface FromDataResult {
  /** The model as canonical .qual text; absent when the data file could not be read (syntax, schema or expression syntax errors). */
  text?: string;
  /** Every problem found, including the checker's (which do not stop the conversion). */
  diagnostics: Diagnostic[];
}

/**
 * Converts a model in the data form (YAML or JSON) to canonical .qual text,
 * printed by the language's formatter. YAML comments are carried over.
 * Never throws.
 */
export function fromData(text: string, options: AnalyzeDataOptions = {}): FromDataResult {
  const analysis = analyzeDataDetailed(text, options);
  if (analysis.readErrors || analysis.ast === undefined) return { diagnostics: analysis.diagnostics };
  return { text: printModel(analysis.ast), diagnostics: analysis.diagnostics };
}
