import type { Diagnostic } from "@qualify/ir";
import { parse } from "../parser/parse.js";

export { printModel } from "./print-model.js";
import { printModel } from "./print-model.js";

/** The canonical text of a model, or only diagnostics when it has syntax errors. */
export interface FormatResult {
  /** Undefined when the source has syntax errors: a formatter never guesses. */
  text?: string;
  diagnostics: Diagnostic[];
}

/**
 * Formats Qual source into its canonical layout (documented in
 * print-model.ts). Idempotent, and it preserves meaning and comments.
 * Never throws on any text.
 */
export function format(text: string): FormatResult {
  const { ast, diagnostics } = parse(text);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { text: printModel(ast), diagnostics };
}
