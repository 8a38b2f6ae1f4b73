import type { SourcePosition, SourceRange } from "@qualify/ir";

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
 * as the tree builder writes them. The copy shares no object between its
 * nodes, even where the original did (a node that starts where its first
 * child starts).
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
 * Moves every position in a syntax-tree value by `shift`, in place. Syntax
 * trees keep positions only in their nodes' `range` (see ast.ts), which is
 * all this visits: it runs on every re-used piece after an edit, on every
 * keystroke. The tree must not share position objects between its nodes (a
 * tree made by {@link shiftPositions} shares none), or a shared one would
 * move twice.
 */
export function movePositions(value: object, shift: Shift): void {
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === "object" && item !== null) movePositions(item, shift);
    return;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child !== "object" || child === null) continue;
    if (key === "range" && isRange(child)) {
      move(child.start, shift);
      if (child.end !== child.start) move(child.end, shift);
    } else {
      movePositions(child, shift);
    }
  }
}

function isRange(value: unknown): value is SourceRange {
  if (typeof value !== "object" || value === null) return false;
  const { start, end } = value as Partial<SourceRange>;
  return typeof start === "object" && start !== null && typeof end === "object" && end !== null && isPosition(start) && isPosition(end);
}

function move(position: SourcePosition, shift: Shift): void {
  const mutable = position as { offset: number; line: number };
  mutable.offset += shift.offset;
  mutable.line += shift.line;
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
