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

/** Beyond this many cells the middle is replaced as one hunk rather than diffed. */
const MAX_TABLE_CELLS = 4_000_000;

/** Lines with their line breaks, so joining them gives the text back. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

/**
 * The hunks that turn `before` into `after`, by the longest common
 * subsequence of their lines after trimming the common head and tail.
 */
export function lineHunks(before: string, after: string): LineHunk[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    return [{ start: head, end: head + n, newText: b.slice(head, head + m).join("") }];
  }
  // lcs[i][j]: the common subsequence length of a[head+i..] and b[head+j..], flattened.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[head + i] === b[head + j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const hunks: LineHunk[] = [];
  let i = 0;
  let j = 0;
  let open: { start: number; lines: string[] } | undefined;
  const close = (at: number): void => {
    if (open) hunks.push({ start: head + open.start, end: head + at, newText: open.lines.join("") });
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      close(i);
      i++;
      j++;
    } else if (j < m && (i === n || (lcs[i * width + j + 1] ?? 0) >= (lcs[(i + 1) * width + j] ?? 0))) {
      open ??= { start: i, lines: [] };
      open.lines.push(b[head + j] ?? "");
      j++;
    } else {
      open ??= { start: i, lines: [] };
      i++;
    }
  }
  close(i);
  return hunks;
}
