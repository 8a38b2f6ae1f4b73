import { findUnsupportedRegexFeature, textPatternError } from "@qualify/ir";
import type { SourcePosition, SourceRange } from "@qualify/ir";
import type { StringLiteral } from "../ast.js";
import type { Report } from "./context.js";

/**
 * Checks the pattern of `matches`: JavaScript regex syntax that the
 * linear-time engine (RE2) runs, ignoring case as Qual does. Patterns run in
 * time linear in the text's length, so there is no backtracking to refuse;
 * what the engine cannot run is refused here with a diagnostic at the
 * pattern: a backreference or lookaround (QUAL554, at the construct), or a
 * pattern that is not valid (QUAL550, with the engine's reason).
 */
export function checkRegex(pattern: StringLiteral, report: Report): boolean {
  try {
    new RegExp(pattern.value);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "") : String(error);
    report("invalidRegex", pattern.range, [detail]);
    return false;
  }
  const unsupported = findUnsupportedRegexFeature(pattern.value);
  if (unsupported !== undefined) {
    report("unsupportedRegex", rangeInString(pattern, unsupported.start, unsupported.end), [
      unsupported.kind === "backreference" ? `a backreference (\`${unsupported.text}\`)` : `a lookaround (\`${unsupported.text}\`)`,
    ]);
    return false;
  }
  const engineError = textPatternError(pattern.value);
  if (engineError !== undefined) {
    report("invalidRegex", pattern.range, [engineError]);
    return false;
  }
  return true;
}

/**
 * The source range of characters `[from, to)` of a string literal's value.
 * The tree keeps only the unescaped value, so the written form is inferred
 * from the literal's length: `"` and `\` are always escaped, and newlines and
 * tabs are either all escaped or all written as is. When that does not add
 * up, or the literal spans lines, the whole literal is the range.
 */
export function rangeInString(literal: StringLiteral, from: number, to: number): SourceRange {
  const { start, end } = literal.range;
  const value = literal.value;
  if (start.line !== end.line) return literal.range;
  const writtenLength = end.offset - start.offset - 2;
  const alwaysEscaped = (value.match(/["\\]/g) ?? []).length;
  const controls = (value.match(/[\n\t]/g) ?? []).length;
  const escapesControls = value.length + alwaysEscaped + controls === writtenLength;
  if (!escapesControls && value.length + alwaysEscaped !== writtenLength) return literal.range;
  const widthOf = (c: string): number => (c === '"' || c === "\\" || (escapesControls && (c === "\n" || c === "\t")) ? 2 : 1);
  let column = 1;
  let fromColumn = 1;
  for (let i = 0; i < to; i++) {
    if (i === from) fromColumn = column;
    column += widthOf(value[i] ?? "");
  }
  const at = (delta: number): SourcePosition => ({ offset: start.offset + delta, line: start.line, column: start.column + delta });
  return { start: at(fromColumn), end: at(column) };
}
