import { createReadStream } from "node:fs";
import { describeIoError } from "qualify/node";
import { assertReadable, rowFormat } from "../commands/score.js";
import { UsageError } from "../exit-codes.js";
import { csvRecordBatches, CsvHeaderError } from "../score/csv-records.js";
import type { InputRecord } from "../score/input-records.js";
import { jsonlRecordBatches } from "../score/jsonl-records.js";

/**
 * The label of `--join FILE --on COLUMN`: a lead converted when its value of
 * COLUMN appears in COLUMN of FILE (the closed deals, say). Keys are compared
 * as trimmed text; empty keys in FILE are ignored.
 */
export interface JoinedLabel {
  readonly file: string;
  readonly column: string;
  readonly keys: ReadonlySet<string>;
}

/**
 * Reads the key column of a `--join` file (CSV or JSON Lines, by its name).
 * @throws UsageError when the file cannot be read, has no such column, or has a row that cannot be read.
 */
export async function readJoinedLabel(file: string, column: string): Promise<JoinedLabel> {
  const format = rowFormat(undefined, file, "--join", undefined);
  await assertReadable(file);
  const keys = new Set<string>();
  const input = createReadStream(file, { encoding: "utf8" }) as AsyncIterable<string>;
  try {
    const batches: AsyncIterable<{ readonly columns?: readonly string[]; readonly records: readonly InputRecord[] }> = format === "csv" ? csvRecordBatches(input) : jsonlRecordBatches(input);
    for await (const batch of batches) {
      const index = batch.columns?.indexOf(column) ?? -1;
      if (batch.columns !== undefined && index < 0) throw new UsageError(`--on ${JSON.stringify(column)} is not a column of the --join file ${file}; its columns are ${batch.columns.map((c) => JSON.stringify(c)).join(", ")}`);
      for (const record of batch.records) {
        // A joined row that cannot be read could hide a conversion: stop rather than undercount.
        if ("error" in record) throw new UsageError(`${file}: row ${record.row} (line ${record.line}) cannot be read: ${record.error}`);
        const value = "cells" in record ? record.cells[index] : record.json[column];
        const key = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
        if (key !== "") keys.add(key);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof CsvHeaderError) throw new UsageError(`${file}: ${error.message}`);
    throw new UsageError(`${file}: cannot read the --join file (${describeIoError(error)})`);
  }
  return { file, column, keys };
}
