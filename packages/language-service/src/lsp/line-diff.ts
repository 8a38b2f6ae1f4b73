import { diffLines } from "diff";

/**
 * Line hunks between a text and its formatted form, so that formatting
 * sends small edits (the cursor and folds survive in the editor) and range
 * formatting can keep only the hunks inside the range.
 */

/** Lines `[start, end)` of the old text are replaced by `newText`. */
export interface LineHunk {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * The hunks that turn `before` into `after`, from jsdiff's line diff (the
 * differ `qualify fmt --diff` uses): each run of removed and added lines
 * between unchanged ones is one hunk, so hunks never touch.
 */
export function lineHunks(before: string, after: string): LineHunk[] {
  const hunks: LineHunk[] = [];
  let line = 0;
  let open: { start: number; end: number; newText: string } | undefined;
  for (const change of diffLines(before, after)) {
    if (!change.added && !change.removed) {
      if (open) hunks.push(open);
      open = undefined;
      line += change.count;
      continue;
    }
    open ??= { start: line, end: line, newText: "" };
    if (change.removed) {
      open.end += change.count;
      line += change.count;
    } else {
      open.newText += change.value;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}
