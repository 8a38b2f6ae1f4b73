import { parse } from "csv-parse/sync";
import { BATCH_SIZE, linesOf } from "./input-records.js";
import type { InputRecord, RecordBatch } from "./input-records.js";

/**
 * How many lines a quoted field may span before an unclosed quote is blamed
 * on its first line. Real multi-line cells (notes, addresses) are short; this
 * keeps one stray quote from swallowing the rest of a million-row file.
 */
export const MAX_RECORD_LINES = 100;

interface PendingLine {
  readonly text: string;
  readonly line: number;
  readonly quotes: number;
}

interface RecordText {
  readonly text: string;
  readonly line: number;
  readonly lines: number;
}

/**
 * Reads CSV rows in batches. Physical lines are first grouped into records by
 * quote balance (a record ends where its count of `"` is even), so a broken
 * row is contained: each batch is then parsed by csv-parse, and if a batch
 * fails, its records are parsed one by one so only the bad ones are rejected,
 * with their line. A row whose cell count differs from the header's is
 * rejected too. The first record is the header.
 */
export async function* csvRecordBatches(chunks: AsyncIterable<string>): AsyncGenerator<RecordBatch> {
  let columns: string[] | undefined;
  let row = 0;
  let texts: RecordText[] = [];
  const flush = (): InputRecord[] => {
    const records: InputRecord[] = [];
    const parsed = parseMany(texts);
    texts.forEach((t, i) => {
      const cells = parsed[i] ?? "the row could not be read";
      if (columns === undefined) {
        if (typeof cells === "string") throw new CsvHeaderError(`line ${t.line}: the header row is not valid CSV (${cells})`);
        columns = [...cells];
        return;
      }
      row++;
      if (typeof cells === "string") records.push({ row, line: t.line, error: cells, text: t.text });
      else if (cells.length !== columns.length) {
        records.push({ row, line: t.line, error: `the row has ${cells.length} cells, but the header has ${columns.length} columns`, text: t.text });
      } else records.push({ row, line: t.line, cells });
    });
    texts = [];
    return records;
  };

  for await (const record of groupRecords(linesOf(chunks))) {
    if ("error" in record) {
      const before = flush();
      if (before.length > 0) yield batch(columns, before);
      if (columns === undefined) throw new CsvHeaderError(`line ${record.line}: the header row is not valid CSV (${record.error})`);
      row++;
      yield batch(columns, [{ row, line: record.line, error: record.error, text: record.text }]);
      continue;
    }
    texts.push(record);
    if (texts.length >= BATCH_SIZE) {
      const records = flush();
      if (records.length > 0) yield batch(columns, records);
    }
  }
  if (texts.length > 0) {
    const records = flush();
    if (records.length > 0 || row === 0) yield batch(columns, records);
  }
}

/** The CSV header could not be read: the whole input is unusable. */
export class CsvHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvHeaderError";
  }
}

function batch(columns: readonly string[] | undefined, records: InputRecord[]): RecordBatch {
  return columns === undefined ? { records } : { columns, records };
}

/** Groups lines into record texts by quote balance; an unclosed quote rejects its first line. */
async function* groupRecords(
  lines: AsyncIterable<{ text: string; line: number }>,
): AsyncGenerator<RecordText | { line: number; error: string; text: string }> {
  let pending: PendingLine[] = [];
  let quotes = 0;
  // Re-scans lines left over after blaming an unclosed quote on the first pending line.
  function* take(line: PendingLine): Generator<RecordText | { line: number; error: string; text: string }> {
    if (pending.length === 0 && line.quotes === 0) {
      if (line.text.trim() !== "") yield { text: line.text, line: line.line, lines: 1 };
      return;
    }
    pending.push(line);
    quotes += line.quotes;
    if (quotes % 2 === 0) {
      yield { text: pending.map((p) => p.text).join("\n"), line: pending[0]?.line ?? line.line, lines: pending.length };
      pending = [];
      quotes = 0;
    } else if (pending.length > MAX_RECORD_LINES) {
      yield* blameFirst();
    }
  }
  function* blameFirst(): Generator<RecordText | { line: number; error: string; text: string }> {
    const [first, ...others] = pending;
    pending = [];
    quotes = 0;
    if (first === undefined) return;
    yield { line: first.line, text: first.text, error: "a quoted cell on this line is never closed (unbalanced quote)" };
    for (const other of others) yield* take(other);
  }
  for await (const { text, line } of lines) {
    yield* take({ text, line, quotes: countQuotes(text) });
  }
  while (pending.length > 0) yield* blameFirst();
}

function countQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count;
}

/** Parses record texts; each entry is the cells, or the reason the record is not valid CSV. */
function parseMany(texts: readonly RecordText[]): (readonly string[] | string)[] {
  if (texts.length === 0) return [];
  try {
    const rows = parse(texts.map((t) => t.text).join("\n"), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    if (rows.length === texts.length) return rows;
  } catch {
    // Some record in the batch is malformed: find it below.
  }
  return texts.map((t) => parseOne(t.text));
}

function parseOne(text: string): readonly string[] | string {
  try {
    const rows = parse(text, { relax_column_count: true }) as string[][];
    if (rows.length === 1 && rows[0]) return rows[0];
    return `the line holds ${rows.length} rows`;
  } catch (error) {
    return describeCsvError(error);
  }
}

function describeCsvError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "INVALID_OPENING_QUOTE":
      return "a quote appears inside an unquoted cell (quote the whole cell and double inner quotes: \"a \"\"b\"\"\")";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "text follows a closing quote (double a quote inside a quoted cell: \"a \"\"b\"\" c\")";
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted cell is never closed (unbalanced quote)";
    default:
      return `not valid CSV (${error instanceof Error ? error.message : String(error)})`;
  }
}
