import { checkCellCount, parseCsvRecord, parseCsvTexts } from "./csv-cells.js";
import { BATCH_SIZE, lineChunks } from "./input-records.js";
import type { InputRecord, Line, RawBatch, RawRecord } from "./input-records.js";

/**
 * How many lines a quoted field may span before an unclosed quote is blamed
 * on its first line. Real multi-line cells (notes, addresses) are short; this
 * keeps one stray quote from swallowing the rest of a million-row file.
 */
export const MAX_RECORD_LINES = 100;

/** The CSV header could not be read: the whole input is unusable. */
export class CsvHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvHeaderError";
  }
}

interface PendingLine {
  readonly text: string;
  readonly line: number;
  readonly quotes: number;
}

type Grouped = { readonly text: string; readonly line: number } | { readonly line: number; readonly error: string; readonly text: string };

/**
 * Reads CSV as batches of record texts. Physical lines are grouped into
 * records by quote balance (a record ends where its count of `"` is even), so
 * a broken row is contained to itself; an unclosed quote is blamed on its
 * first line. The header (the first record) is parsed here; the rows' cells
 * are parsed where they are scored ({@link parseCsvTexts}).
 * @throws CsvHeaderError when the header row is not valid CSV.
 */
export async function* csvRawBatches(chunks: AsyncIterable<string>): AsyncGenerator<RawBatch> {
  let columns: readonly string[] | undefined;
  let row = 0;
  let records: RawRecord[] = [];
  const grouper = new RecordGrouper();
  // Takes a chunk's worth of grouped records; returns the batches it completes.
  const take = (groups: readonly Grouped[]): RawBatch[] => {
    const full: RawBatch[] = [];
    for (const grouped of groups) {
      if (columns === undefined) {
        const header = "error" in grouped ? grouped.error : parseCsvRecord(grouped.text);
        if (typeof header === "string") throw new CsvHeaderError(`line ${grouped.line}: the header row is not valid CSV (${header})`);
        columns = header;
        continue;
      }
      row++;
      records.push("error" in grouped ? { row, line: grouped.line, text: grouped.text, error: grouped.error } : { row, line: grouped.line, text: grouped.text });
      if (records.length >= BATCH_SIZE) {
        full.push({ format: "csv", columns, records });
        records = [];
      }
    }
    return full;
  };
  for await (const lines of lineChunks(chunks)) {
    const groups: Grouped[] = [];
    for (const line of lines) grouper.push(line, groups);
    yield* take(groups);
  }
  const tail: Grouped[] = [];
  grouper.finish(tail);
  yield* take(tail);
  if (columns !== undefined && (records.length > 0 || row === 0)) yield { format: "csv", columns, records };
}

/** Parses a raw CSV batch's rows into cells, checking each against the header. */
export function parseCsvBatch(batch: RawBatch): InputRecord[] {
  const columns = batch.columns ?? [];
  const good = batch.records.filter((r) => r.error === undefined);
  const parsed = parseCsvTexts(good.map((r) => r.text));
  let next = 0;
  return batch.records.map((r): InputRecord => {
    if (r.error !== undefined) return { row: r.row, line: r.line, error: r.error, text: r.text };
    const cells = checkCellCount(parsed[next++] ?? "the row could not be read", columns);
    return typeof cells === "string" ? { row: r.row, line: r.line, error: cells, text: r.text } : { row: r.row, line: r.line, cells };
  });
}

/** CSV rows read and parsed, in batches (the reader and parser together). */
export async function* csvRecordBatches(chunks: AsyncIterable<string>): AsyncGenerator<{ columns?: readonly string[]; records: InputRecord[] }> {
  for await (const batch of csvRawBatches(chunks)) {
    yield batch.columns === undefined ? { records: parseCsvBatch(batch) } : { columns: batch.columns, records: parseCsvBatch(batch) };
  }
}

/** Groups lines into record texts by quote balance; an unclosed quote rejects its first line. */
class RecordGrouper {
  private pending: PendingLine[] = [];
  private quotes = 0;

  /** Adds a line; appends any records it completes to `out`. */
  push(line: Line, out: Grouped[]): void {
    this.take({ text: line.text, line: line.line, quotes: countQuotes(line.text) }, out);
  }

  /** At the end of input: a quote still open is blamed on its first line. */
  finish(out: Grouped[]): void {
    while (this.pending.length > 0) this.blameFirst(out);
  }

  private take(line: PendingLine, out: Grouped[]): void {
    if (this.pending.length === 0 && line.quotes === 0) {
      // Only truly empty lines are skipped: a line of spaces is a row (and, in a multi-column file, a malformed one).
      if (line.text !== "") out.push({ text: line.text, line: line.line });
      return;
    }
    this.pending.push(line);
    this.quotes += line.quotes;
    if (this.quotes % 2 === 0) {
      out.push({ text: this.pending.map((p) => p.text).join("\n"), line: this.pending[0]?.line ?? line.line });
      this.pending = [];
      this.quotes = 0;
    } else if (this.pending.length > MAX_RECORD_LINES) {
      this.blameFirst(out);
    }
  }

  // Rejects the first pending line and re-scans the others, which the open quote had swallowed.
  private blameFirst(out: Grouped[]): void {
    const [first, ...others] = this.pending;
    this.pending = [];
    this.quotes = 0;
    if (first === undefined) return;
    out.push({ line: first.line, text: first.text, error: "a quoted cell on this line is never closed (unbalanced quote)" });
    for (const other of others) this.take(other, out);
  }
}

function countQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count;
}
