import type { Diagnostic, SourceRange } from "@qualify/ir";
import { checkRegex } from "./check-regex.js";
import { DiagnosticSink } from "./context.js";

const NOWHERE: SourceRange = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

/**
 * The checker's regex-safety verdict on a `matches` pattern that did not come
 * from Qual source (a saved IR, a model built by a program): the QUAL550-553
 * diagnostic the checker would report, or undefined when the pattern is
 * valid and safe. Without it, a hand-edited saved IR could carry a
 * catastrophic pattern past the checker and hang the evaluator on one lead.
 * The diagnostic's range is `range` (default: the start of the file).
 */
export function checkPattern(pattern: string, range: SourceRange = NOWHERE): Diagnostic | undefined {
  const sink = new DiagnosticSink();
  checkRegex({ kind: "StringLiteral", value: pattern, range }, sink.report);
  return sink.diagnostics[0];
}
