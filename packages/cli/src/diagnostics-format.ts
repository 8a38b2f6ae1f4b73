import type { Diagnostic } from "@qualify/ir";
import { printDiagnostic } from "@qualify/language";
import type { Output } from "./output.js";

/** The `--format` values of `qualify check`. */
export const DIAGNOSTIC_FORMATS = ["text", "json", "github"] as const;
/** One of {@link DIAGNOSTIC_FORMATS}. */
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** The diagnostics of one file, with its text for printing source lines. */
export interface FileDiagnostics {
  readonly file: string;
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Prints one file's diagnostics for people: `file:line:col: error QUAL123: message`, the line and a caret. */
export function printTextDiagnostics(output: Output, entry: FileDiagnostics): void {
  for (const d of entry.diagnostics) {
    output.line(printDiagnostic(d, entry.source, { file: d.file ?? entry.file, color: output.useColor }));
  }
}

/**
 * A GitHub Actions workflow command that shows a diagnostic as an annotation
 * on the pull request: `::error file=..,line=..,col=..,endLine=..,endColumn=..,title=QUAL123::message`.
 */
export function githubAnnotation(d: Diagnostic, file: string): string {
  const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
  const properties = [
    `file=${escapeProperty(d.file ?? file)}`,
    `line=${d.range.start.line}`,
    `col=${d.range.start.column}`,
    `endLine=${d.range.end.line}`,
    `endColumn=${d.range.end.column}`,
    `title=${escapeProperty(d.code)}`,
  ].join(",");
  return `::${level} ${properties}::${escapeData(d.message)}`;
}

/** The JSON form of one diagnostic (for `--format json`). */
export function diagnosticJson(d: Diagnostic, file: string): Record<string, unknown> {
  return {
    file: d.file ?? file,
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    range: d.range,
    ...(d.suggestion ? { suggestion: d.suggestion } : {}),
  };
}

/** Counts errors and warnings. */
export function countSeverities(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

/** "3 problems (2 errors, 1 warning)". */
export function problemSummary(errors: number, warnings: number): string {
  const problems = errors + warnings;
  return `${problems} problem${problems === 1 ? "" : "s"} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
}

/** "1 error", "2 errors". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// GitHub's escaping rules for workflow commands: data escapes %, CR, LF;
// property values also escape `:` and `,`, which separate properties.
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
