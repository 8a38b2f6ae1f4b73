import { BATCH_SIZE, linesOf } from "./input-records.js";
import type { InputRecord, RawBatch, RawRecord } from "./input-records.js";

/**
 * Reads JSON Lines as batches of line texts; blank lines are skipped. The
 * JSON is parsed where the rows are scored ({@link parseJsonRecord}).
 */
export async function* jsonlRawBatches(chunks: AsyncIterable<string>): AsyncGenerator<RawBatch> {
  let row = 0;
  let records: RawRecord[] = [];
  for await (const { text, line } of linesOf(chunks)) {
    if (text.trim() === "") continue;
    records.push({ row: ++row, line, text });
    if (records.length >= BATCH_SIZE) {
      yield { format: "jsonl", records };
      records = [];
    }
  }
  if (records.length > 0) yield { format: "jsonl", records };
}

/** Parses one JSON Lines row: an object, or why the line is rejected. */
export function parseJsonRecord(record: RawRecord): InputRecord {
  const { row, line, text } = record;
  if (record.error !== undefined) return { row, line, error: record.error, text };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { row, line, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})`, text };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { row, line, error: "the line is not a JSON object", text };
  return { row, line, json: value as Record<string, unknown> };
}

/** JSON Lines rows read and parsed, in batches (the reader and parser together). */
export async function* jsonlRecordBatches(chunks: AsyncIterable<string>): AsyncGenerator<{ records: InputRecord[] }> {
  for await (const batch of jsonlRawBatches(chunks)) yield { records: batch.records.map(parseJsonRecord) };
}
