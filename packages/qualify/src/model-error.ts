import type { Diagnostic } from "@qualify/ir";
import { printDiagnostic } from "@qualify/language";

/**
 * Thrown by {@link compileModel} and `loadModelFile` when a model has errors.
 * The message is the printed diagnostics (file:line:col, source line, caret),
 * so an uncaught ModelError already tells a person what to fix.
 */
export class ModelError extends Error {
  /** Every diagnostic of the model, warnings included, in source order. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], source: string, file?: string) {
    super(printDiagnostics(diagnostics, source, file));
    this.name = "ModelError";
    this.diagnostics = diagnostics;
  }
}

/** The diagnostics printed one after another, errors first so the cause leads the message. */
function printDiagnostics(diagnostics: readonly Diagnostic[], source: string, file?: string): string {
  const ordered = [...diagnostics].sort((a, b) => rank(a) - rank(b));
  const printed = ordered.map((d) => printDiagnostic(d, source, { file: d.file ?? file }));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const head = `${file ?? "model"} has ${errors} error${errors === 1 ? "" : "s"}`;
  return [head, ...printed].join("\n");
}

function rank(d: Diagnostic): number {
  return d.severity === "error" ? 0 : 1;
}
