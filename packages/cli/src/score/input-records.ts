/** The two row formats `qualify score` reads and writes. */
export type RowFormat = "csv" | "jsonl";

/**
 * One input row as text, before cell or JSON parsing (which happens where the
 * row is scored, in a worker thread when there are several). `error` is set
 * when the reader already knows the row is unusable (an unclosed quote).
 */
export interface RawRecord {
  /** 1-based data row (the CSV header is not a row). */
  readonly row: number;
  /** The input line the row starts on. */
  readonly line: number;
  readonly text: string;
  readonly error?: string;
}

/** Rows read in one go; batches keep per-row and per-message overhead low. */
export interface RawBatch {
  readonly format: RowFormat;
  /** The CSV header (absent for JSON Lines). */
  readonly columns?: readonly string[];
  readonly records: readonly RawRecord[];
}

/** One data row after parsing: CSV cells, a JSON object, or why it could not be read. */
export type InputRecord =
  | { readonly row: number; readonly line: number; readonly cells: readonly string[] }
  | { readonly row: number; readonly line: number; readonly json: Readonly<Record<string, unknown>> }
  | { readonly row: number; readonly line: number; readonly error: string; readonly text: string };

/** How many rows a batch holds at most. */
export const BATCH_SIZE = 512;

/** A physical line of input with its 1-based number. */
export interface Line {
  readonly text: string;
  readonly line: number;
}

/**
 * Splits text chunks into lines, a chunk at a time (synchronously, so the
 * per-line cost is a slice, not a promise). The line terminator (LF or CRLF)
 * is dropped; a leading byte order mark is stripped.
 */
export class LineSplitter {
  private rest = "";
  private count = 0;
  private first = true;

  /** The complete lines the chunk finishes. */
  push(chunk: string): Line[] {
    if (this.first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      this.first = false;
    }
    const text = this.rest + chunk;
    const lines: Line[] = [];
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lines.push({ text: text.slice(start, end), line: ++this.count });
      start = nl + 1;
    }
    this.rest = text.slice(start);
    return lines;
  }

  /** The last line, when the input does not end with a line break. */
  end(): Line[] {
    const rest = this.rest;
    this.rest = "";
    return rest === "" ? [] : [{ text: rest, line: ++this.count }];
  }
}

/** Lines of a stream of text chunks, a chunk's worth at a time. */
export async function* lineChunks(chunks: AsyncIterable<string>): AsyncGenerator<Line[]> {
  const splitter = new LineSplitter();
  for await (const chunk of chunks) {
    const lines = splitter.push(chunk);
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (last.length > 0) yield last;
}
