/** A point in a source text. `line` and `column` are 1-based; `offset` is 0-based UTF-16. */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A span of source text; `end` is exclusive (it points just past the last character). */
export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/** The positions of line starts in a text, to turn offsets into lines and columns. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /** The position of a 0-based offset (clamped to the text). */
  position(offset: number): SourcePosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { offset: at, line: low + 1, column: at - (this.starts[low] ?? 0) + 1 };
  }

  /**
   * The 0-based offset of a 1-based line and column, clamped to the line
   * (a column past its end is its end) and to the text.
   */
  offsetAt(line: number, column: number): number {
    if (line < 1) return 0;
    const start = this.starts[line - 1];
    if (start === undefined) return this.text.length;
    const next = this.starts[line];
    const lineEnd = next === undefined ? this.text.length : next - 1;
    return Math.min(start + Math.max(0, column - 1), lineEnd);
  }

  /** The range covering `[start, end)`. */
  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, "");
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
