import type { Diagnostic } from "@qualify/ir";

/** The 1-based line and column of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; column: number; offset: number } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`test setup: ${JSON.stringify(needle)} occurs fewer than ${occurrence + 1} times`);
  }
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column, offset };
}

/** A diagnostic's place as `code line:column-line:column`, for compact assertions. */
export function where(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`;
}

/** The text a diagnostic's range covers. */
export function covered(text: string, d: Diagnostic): string {
  return text.slice(d.range.start.offset, d.range.end.offset);
}
