import { LineMap } from "@qualify/ir";
import type { Diagnostic, Severity } from "@qualify/ir";

/** Options of `printDiagnostic`. */
export interface PrintOptions {
  /** Use ANSI colours (only when asked: output may go to a file or a CI log). */
  color?: boolean;
  /** The file name to show; defaults to the diagnostic's own `file`. */
  file?: string;
}

const ANSI = {
  reset: "\u001b[0m",
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  blue: "\u001b[34m",
  cyan: "\u001b[36m",
} as const;

const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue };

/**
 * Prints a diagnostic the way compilers do: a `file:line:col: error CODE:
 * message` header, the source line with a line-number gutter, carets under
 * the range (to the end of the line when the range spans lines), and a
 * `help:` line when there is a suggestion.
 *
 * ```text
 * bant.qual:9:31: error QUAL210: there is no field, const, let, criterion or score called `budget`
 *    9 | criterion budget_ok "Budget" = budget >= 10_000
 *      |                                ^^^^^^
 * help: did you mean `budget_usd`?
 * ```
 */
export function printDiagnostic(d: Diagnostic, source: string, options: PrintOptions = {}): string {
  const paint = (colour: string, text: string): string => (options.color === true ? `${colour}${text}${ANSI.reset}` : text);
  const lines = new LineMap(source);
  // Positions are recomputed from offsets, so a diagnostic made against this source always lines up.
  const start = lines.position(d.range.start.offset);
  const end = lines.position(d.range.end.offset);
  const file = options.file ?? d.file;
  const where = `${file === undefined ? "" : `${file}:`}${start.line}:${start.column}`;
  const header = `${paint(ANSI.bold, `${where}:`)} ${paint(ANSI.bold + SEVERITY_COLOUR[d.severity], `${d.severity} ${d.code}`)}${paint(ANSI.bold, `: ${d.message}`)}`;

  const text = lines.lineText(start.line);
  const gutterWidth = String(start.line).length + 1;
  const lineNumber = String(start.line).padStart(gutterWidth);
  const blank = " ".repeat(gutterWidth);
  const lastColumn = end.line === start.line ? end.column : text.length + 1;
  const width = Math.max(1, lastColumn - start.column);
  // Tabs stay tabs under the source so the carets line up in any terminal.
  const padding = text.slice(0, start.column - 1).replace(/[^\t]/g, " ");
  const out = [
    header,
    `${paint(ANSI.dim, `${lineNumber} |`)} ${text}`,
    `${paint(ANSI.dim, `${blank} |`)} ${padding}${paint(SEVERITY_COLOUR[d.severity], "^".repeat(width))}`,
  ];
  if (d.suggestion !== undefined) out.push(`${paint(ANSI.bold + ANSI.cyan, "help:")} ${d.suggestion.message}`);
  return out.join("\n");
}
