import type { Diagnostic as QualDiagnostic, LineMap, Severity, SourcePosition, SourceRange, TextEdit as QualTextEdit } from "@qualify/ir";
import { DiagnosticSeverity } from "vscode-languageserver-types";
import type { Diagnostic, Position, Range, TextEdit } from "vscode-languageserver-types";

/**
 * The one conversion between the project's shapes and LSP's. A
 * SourcePosition's line and column are 1-based UTF-16 positions; LSP's are
 * 0-based UTF-16 (the protocol's default position encoding), so positions
 * convert by subtracting one.
 */

/** The `source` of every Qual diagnostic, shown beside its message. */
export const QUAL_DIAGNOSTIC_SOURCE = "qual";

/** An LSP position from a SourcePosition. */
export function toLspPosition(position: SourcePosition): Position {
  return { line: position.line - 1, character: position.column - 1 };
}

/** An LSP range from a SourceRange. */
export function toLspRange(range: SourceRange): Range {
  return { start: toLspPosition(range.start), end: toLspPosition(range.end) };
}

/** The offset of an LSP position in the text `lineMap` indexes (clamped to the line and the text). */
export function offsetOf(lineMap: LineMap, position: Position): number {
  return lineMap.offsetAt(position.line + 1, position.character + 1);
}

/** An LSP text edit from one of ours. */
export function toLspTextEdit(edit: QualTextEdit): TextEdit {
  return { range: toLspRange(edit.range), newText: edit.newText };
}

function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case "error":
      return DiagnosticSeverity.Error;
    case "warning":
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Information;
  }
}

/** An LSP diagnostic from one of ours; its code and source say it is Qual's. */
export function toLspDiagnostic(diagnostic: QualDiagnostic): Diagnostic {
  return {
    range: toLspRange(diagnostic.range),
    severity: toLspSeverity(diagnostic.severity),
    code: diagnostic.code,
    source: QUAL_DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
}
