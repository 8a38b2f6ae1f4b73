import { BATCH_SIZE, lineChunks } from "./input-records.js";
import type { InputRecord, RawBatch, RawRecord } from "./input-records.js";

/**
 * Reads JSON Lines as batches of line texts; blank lines are skipped. The
 * JSON is parsed where the rows are scored ({@link parseJsonRecord}).
 */
export async function* jsonlRawBatches(chunks: AsyncIterable<string>): AsyncGenerator<RawBatch> {
  let row = 0;
  let records: RawRecord[] = [];
  for await (const lines of lineChunks(chunks)) {
    for (const { text, line } of lines) {
      if (text.trim() === "") continue;
      records.push({ row: ++row, line, text });
      if (records.length >= BATCH_SIZE) {
        yield { format: "jsonl", records };
        records = [];
      }
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
  // Only a long line can nest deeply; short ones skip the walk.
  if (text.length > 2 * MAX_JSON_DEPTH && nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    return { row, line, error: `the JSON nests more than ${MAX_JSON_DEPTH} levels deep`, text };
  }
  return { row, line, json: value as Record<string, unknown> };
}

/**
 * How deep a JSON Lines row may nest. JSON.parse reads any depth, but the
 * row is written out again (the output row, the `--errors` line) with the
 * recursive JSON.stringify, which overflows the stack near 10,000 levels and
 * would end the whole run. A valid lead nests far less (records and lists are
 * bounded by the model's own nesting limit).
 */
export const MAX_JSON_DEPTH = 1000;

/** True when a parsed JSON value nests deeper than `limit` (iterative, so any depth is safe to measure). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.depth > limit) return true;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value as object);
    for (const child of children) {
      if (child !== null && typeof child === "object") stack.push({ value: child, depth: next.depth + 1 });
    }
  }
  return false;
}

/** JSON Lines rows read and parsed, in batches (the reader and parser together). */
export async function* jsonlRecordBatches(chunks: AsyncIterable<string>): AsyncGenerator<{ records: InputRecord[] }> {
  for await (const batch of jsonlRawBatches(chunks)) yield { records: batch.records.map(parseJsonRecord) };
}
