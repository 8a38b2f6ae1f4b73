import type { SourcePosition } from "@qualify/ir";

/**
 * How far a piece of syntax tree moved between two versions of a text: its
 * offsets by `offset` characters and its lines by `line` lines. Columns do
 * not move, because a piece is only re-used where its first token starts at
 * the same column (later lines start afresh).
 */
export interface Shift {
  readonly offset: number;
  readonly line: number;
}

function isPosition(value: object): value is SourcePosition {
  const candidate = value as Partial<SourcePosition>;
  return typeof candidate.offset === "number" && typeof candidate.line === "number" && typeof candidate.column === "number";
}

/**
 * A deep copy of a syntax-tree value with every position moved by `shift`.
 * The tree is plain data (objects, arrays, strings, numbers, booleans and
 * `undefined`), so a structural copy keeps it deeply equal to what parsing
 * the moved text afresh builds. Keys whose value is `undefined` are kept,
 * as the tree builder writes them.
 */
export function shiftPositions<T>(value: T, shift: Shift): T {
  return copy(value, shift) as T;
}

function copy(value: unknown, shift: Shift): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], shift);
    return out;
  }
  if (isPosition(value)) return { offset: value.offset + shift.offset, line: value.line + shift.line, column: value.column };
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copy((value as Record<string, unknown>)[key], shift);
  return out;
}

/**
 * True when every position in a syntax-tree value lies within
 * `[start, end]` (offsets). A piece whose tree points elsewhere (a
 * placeholder range at the start of the text, say) depends on more than its
 * own text and must not be re-used at another place.
 */
export function positionsWithin(value: unknown, start: number, end: number): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!positionsWithin(item, start, end)) return false;
    return true;
  }
  if (isPosition(value)) return value.offset >= start && value.offset <= end;
  for (const key in value) if (!positionsWithin((value as Record<string, unknown>)[key], start, end)) return false;
  return true;
}
