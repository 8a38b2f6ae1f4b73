import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { InputField, ModelIR } from "@qualify/ir";
import { stringify } from "csv-stringify/sync";
import type { BatchScorer } from "./batch-scorer.js";
import { csvRecordBatches } from "./csv-records.js";
import type { InputRecord, RecordBatch } from "./input-records.js";
import { jsonlRecordBatches } from "./jsonl-records.js";
import type { RawRow, RowIssue, RowOutcome } from "./row-scorer.js";

/** The two row formats `qualify score` reads and writes. */
export type RowFormat = "csv" | "jsonl";

/** Counts of a scoring run; `read = scored + rejected` always. */
export interface ScoreStats {
  read: number;
  scored: number;
  rejected: number;
}

/** A rejected row, as written to `--errors` (one JSON object per line). */
export interface RejectedRow {
  readonly row: number;
  readonly line: number;
  /** The row as read (CSV: column -> cell text); null when the row could not be parsed. */
  readonly input: Readonly<Record<string, unknown>> | null;
  /** The raw text, when the row could not be parsed. */
  readonly text?: string;
  readonly errors: readonly RowIssue[];
}

/** Everything one scoring run needs. */
export interface ScoreRun {
  readonly ir: ModelIR;
  readonly input: AsyncIterable<string>;
  readonly inputFormat: RowFormat;
  readonly outputFormat: RowFormat;
  /** Receives the serialised output; must respect backpressure (write() === false -> wait for drain). */
  readonly output: NodeJS.WritableStream;
  readonly scorer: BatchScorer;
  /** Called for each rejected row, in row order; may return a promise to apply backpressure. */
  readonly reject: (row: RejectedRow) => void | Promise<void>;
  /** Called after each batch. */
  readonly progress?: (stats: Readonly<ScoreStats>) => void;
}

/**
 * Streams rows from input to output: read a batch, score it (batches in
 * flight are bounded by the scorer's concurrency), and write scored rows in
 * input order. Memory stays flat: at most a few batches are held, and the
 * output stream's backpressure pauses reading.
 */
export async function scoreRows(run: ScoreRun): Promise<ScoreStats> {
  const stats: ScoreStats = { read: 0, scored: 0, rejected: 0 };
  const batches = run.inputFormat === "csv" ? csvRecordBatches(run.input) : jsonlRecordBatches(run.input);
  const scoreIds = run.ir.scores.map((s) => s.id);
  const added = ["tier", ...scoreIds, "reasons"];
  const leafPaths = leafFieldPaths(run.ir.inputs);
  let header: string[] | undefined;
  let keep: number[] = [];

  // Output is serialised a batch at a time (csv-stringify on the batch's rows):
  // one write per batch instead of one per row keeps stream overhead low.
  const serialise = (rows: readonly unknown[]): string =>
    run.outputFormat === "csv"
      ? stringify(rows as unknown[][], { cast: { number: String, boolean: String } })
      : rows.map((row) => `${JSON.stringify(row)}\n`).join("");

  async function* chunks(): AsyncGenerator<string> {
    const inFlight: { batch: RecordBatch; outcomes: Promise<RowOutcome[]> }[] = [];
    async function* emit(entry: { batch: RecordBatch; outcomes: Promise<RowOutcome[]> }): AsyncGenerator<string> {
      const outcomes = await entry.outcomes;
      const { columns } = entry.batch;
      const rows: unknown[] = [];
      if (run.outputFormat === "csv" && header === undefined) {
        // Input columns named like an output column are replaced by it, so every header name is unique.
        const inputColumns = columns ?? leafPaths;
        keep = inputColumns.flatMap((c, i) => (added.includes(c) ? [] : [i]));
        header = [...keep.map((i) => inputColumns[i] as string), ...added];
        rows.push(header);
      }
      let next = 0;
      for (const record of entry.batch.records) {
        stats.read++;
        if ("error" in record) {
          stats.rejected++;
          await run.reject({
            row: record.row,
            line: record.line,
            input: null,
            text: record.text,
            errors: [{ path: "", expected: run.inputFormat === "csv" ? "a CSV row" : "a JSON object", value: record.text, message: record.error }],
          });
          continue;
        }
        const outcome = outcomes[next++];
        if (outcome === undefined || !outcome.ok) {
          stats.rejected++;
          await run.reject({ row: record.row, line: record.line, input: inputObject(record, columns), errors: outcome?.errors ?? [] });
          continue;
        }
        stats.scored++;
        rows.push(outputRow(record, columns, outcome));
      }
      if (rows.length > 0) yield serialise(rows);
      run.progress?.(stats);
    }

    for await (const batch of batches) {
      const good: RawRow[] = [];
      for (const r of batch.records) {
        if ("cells" in r) good.push(r.cells);
        else if ("json" in r) good.push(r.json);
      }
      const outcomes = good.length > 0 ? run.scorer.score(batch.columns, good) : Promise.resolve([]);
      // Awaited later, in order; this keeps an early failure from being reported as unhandled.
      outcomes.catch(() => undefined);
      inFlight.push({ batch, outcomes });
      if (inFlight.length >= run.scorer.concurrency) yield* emit(inFlight.shift() as (typeof inFlight)[number]);
    }
    while (inFlight.length > 0) yield* emit(inFlight.shift() as (typeof inFlight)[number]);
    if (run.outputFormat === "csv" && header === undefined) yield serialise([[...leafPaths, ...added]]);
  }

  function outputRow(record: InputRecord, columns: readonly string[] | undefined, outcome: RowOutcome & { ok: true }): unknown {
    if (run.outputFormat === "csv") {
      const cells = "cells" in record ? keep.map((i) => record.cells[i] ?? "") : "json" in record ? keep.map((i) => cellOf(record.json, leafPaths[i] as string)) : [];
      return [...cells, outcome.tier, ...outcome.scores.map((s) => (s === null ? "" : s)), outcome.reasons];
    }
    const out: Record<string, unknown> = { ...(inputObject(record, columns) ?? {}) };
    out["tier"] = outcome.tier;
    scoreIds.forEach((id, i) => (out[id] = outcome.scores[i] ?? null));
    out["reasons"] = outcome.reasons;
    return out;
  }

  await pipeline(Readable.from(chunks()), async (source: AsyncIterable<string>) => {
    for await (const chunk of source) {
      if (!run.output.write(chunk)) await once(run.output, "drain");
    }
  });
  return stats;
}

/** The row as read: CSV cells by column name, or the JSON object. */
function inputObject(record: InputRecord, columns: readonly string[] | undefined): Record<string, unknown> | null {
  if ("json" in record) return { ...record.json };
  if (!("cells" in record) || columns === undefined) return null;
  const out: Record<string, unknown> = {};
  columns.forEach((c, i) => (out[c] = record.cells[i] ?? ""));
  return out;
}

/** Dotted paths of the model's leaf fields: the CSV columns written for JSON Lines input. */
function leafFieldPaths(inputs: readonly InputField[], prefix = ""): string[] {
  return inputs.flatMap((f) => (f.type.kind === "record" ? leafFieldPaths(f.type.fields, `${prefix}${f.name}.`) : [`${prefix}${f.name}`]));
}

/** A JSON value as CSV cell text: lists `;`-separated, like CSV input. */
function cellOf(object: Readonly<Record<string, unknown>>, path: string): string {
  let value: unknown = object;
  for (const part of path.split(".")) {
    value = value !== null && typeof value === "object" && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(";");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
