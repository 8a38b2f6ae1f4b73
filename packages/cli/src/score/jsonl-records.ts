import { BATCH_SIZE, linesOf } from "./input-records.js";
import type { InputRecord, RecordBatch } from "./input-records.js";

/**
 * Reads JSON Lines in batches: one JSON object per line; blank lines are
 * skipped. A line that is not a JSON object becomes a rejected row with its
 * line number, and reading goes on.
 */
export async function* jsonlRecordBatches(chunks: AsyncIterable<string>): AsyncGenerator<RecordBatch> {
  let row = 0;
  let records: InputRecord[] = [];
  for await (const { text, line } of linesOf(chunks)) {
    if (text.trim() === "") continue;
    row++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      records.push({ row, line, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})`, text });
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      records.push({ row, line, error: "the line is not a JSON object", text });
    } else {
      records.push({ row, line, json: value as Record<string, unknown> });
    }
    if (records.length >= BATCH_SIZE) {
      yield { records };
      records = [];
    }
  }
  if (records.length > 0) yield { records };
}
