import type { SourceRange } from "./source-range.js";

/** How serious a diagnostic is: errors stop compilation, warnings do not. */
export type Severity = "error" | "warning" | "info";

/** A text edit that a tool may apply to take a suggestion. */
export interface TextEdit {
  readonly range: SourceRange;
  readonly newText: string;
}

/** A proposed fix, such as a "did you mean" replacement. */
export interface Suggestion {
  /** Shown to the person, e.g. "did you mean `budget_usd`?". */
  readonly message: string;
  readonly edits: readonly TextEdit[];
}

/**
 * One problem found in a model. Codes are stable and grouped by phase:
 * QUAL1xx lexical and syntax, QUAL2xx names and declarations, QUAL3xx types,
 * QUAL4xx model structure (tiers, cycles, bounds), QUAL5xx limits and safety,
 * QUAL6xx data form (YAML/JSON schema), QUAL7xx fixtures.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: SourceRange;
  /** The file the range points into, where known. */
  readonly file?: string;
  readonly suggestion?: Suggestion;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
