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

/**
 * Splits a stream of text chunks into lines with their 1-based numbers. The
 * line terminator (LF or CRLF) is dropped. Strips a leading byte order mark.
 */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<{ text: string; line: number }> {
  let rest = "";
  let line = 0;
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf("\n", start); nl >= 0; nl = rest.indexOf("\n", start)) {
      const end = nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { text: rest.slice(start, end), line: ++line };
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest !== "") yield { text: rest, line: ++line };
}
