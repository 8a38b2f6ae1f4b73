import type { ModelIR } from "@qualify/ir";
import { stringify } from "csv-stringify/sync";
import { parseCsvBatch } from "./csv-records.js";
import type { InputRecord, RawBatch, RowFormat } from "./input-records.js";
import { parseJsonRecord } from "./jsonl-records.js";
import { addedColumns, csvLayout, leafFieldPaths } from "./output-columns.js";
import { setOwn } from "./own-property.js";
import { RowScorer } from "./row-scorer.js";
import type { RowIssue, RowOutcome, ScorerConfig } from "./row-scorer.js";

/** Everything a processor needs, as plain data so it can be sent to a worker thread. */
export interface ProcessorConfig extends ScorerConfig {
  readonly outputFormat: RowFormat;
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

/** What processing one batch gave: the serialised output rows and the rejected rows, in row order. */
export interface BatchResult {
  /**
   * CSV or JSON Lines text of the scored rows (no header); from a worker
   * thread it arrives UTF-8 encoded, so the encoding happens in parallel and
   * the bytes are transferred, not copied.
   */
  readonly text: string | Uint8Array;
  readonly rejected: readonly RejectedRow[];
  readonly read: number;
  readonly scored: number;
}

/**
 * Does all per-row work of `qualify score` for one batch: parse the CSV cells
 * or JSON, build and validate each lead, evaluate it, and serialise the output
 * rows. Synchronous and self-contained, so it runs the same in the main thread
 * and in worker threads, where it takes all the parallel work off the main
 * thread (which only splits lines and writes).
 */
export class BatchProcessor {
  private readonly scorer: RowScorer;
  private readonly outputFormat: RowFormat;
  private readonly scoreIds: readonly string[];
  private readonly added: readonly string[];
  private readonly leafPaths: readonly string[];
  private layoutKey: readonly string[] | undefined;
  private keep: readonly number[] = [];

  constructor(config: ProcessorConfig) {
    this.scorer = new RowScorer(config);
    this.outputFormat = config.outputFormat;
    this.scoreIds = config.ir.scores.map((s) => s.id);
    this.added = addedColumns(config.ir);
    this.leafPaths = leafFieldPaths(config.ir.inputs);
  }

  /** The CSV header row for input with these columns (JSON Lines input: the model's leaf fields). */
  static csvHeader(ir: ModelIR, columns: readonly string[] | undefined): string[] {
    return csvLayout(columns ?? leafFieldPaths(ir.inputs), addedColumns(ir)).header;
  }

  /** Parses, scores and serialises one batch; rejected rows are returned, never thrown. */
  process(batch: RawBatch): BatchResult {
    const records: InputRecord[] = batch.format === "csv" ? parseCsvBatch(batch) : batch.records.map(parseJsonRecord);
    const columns = batch.columns;
    if (this.outputFormat === "csv" && this.layoutKey !== (columns ?? this.leafPaths)) {
      this.layoutKey = columns ?? this.leafPaths;
      this.keep = csvLayout(this.layoutKey, this.added).keep;
    }
    const rows: unknown[] = [];
    const rejected: RejectedRow[] = [];
    for (const record of records) {
      if ("error" in record) {
        const expected = batch.format === "csv" ? "a CSV row" : "a JSON object";
        rejected.push({ row: record.row, line: record.line, input: null, text: record.text, errors: [{ path: "", expected, value: record.text, message: record.error }] });
        continue;
      }
      const outcome = "cells" in record ? this.scorer.scoreCells(columns ?? [], record.cells) : this.scorer.scoreObject(record.json);
      if (!outcome.ok) {
        rejected.push({ row: record.row, line: record.line, input: inputObject(record, columns), errors: outcome.errors });
        continue;
      }
      rows.push(this.outputRow(record, columns, outcome));
    }
    const text =
      rows.length === 0
        ? ""
        : this.outputFormat === "csv"
          ? stringify(rows as unknown[][], { cast: { number: String, boolean: String } })
          : rows.map((row) => `${JSON.stringify(row)}\n`).join("");
    return { text, rejected, read: records.length, scored: rows.length };
  }

  private outputRow(record: InputRecord, columns: readonly string[] | undefined, outcome: RowOutcome & { ok: true }): unknown {
    if (this.outputFormat === "csv") {
      const cells =
        "cells" in record ? this.keep.map((i) => record.cells[i] ?? "") : "json" in record ? this.keep.map((i) => cellOf(record.json, this.leafPaths[i] as string)) : [];
      return [...cells, outcome.tier, ...outcome.scores.map((s) => (s === null ? "" : s)), outcome.reasons];
    }
    const out: Record<string, unknown> = { ...(inputObject(record, columns) ?? {}) };
    setOwn(out, "tier", outcome.tier);
    this.scoreIds.forEach((id, i) => setOwn(out, id, outcome.scores[i] ?? null));
    setOwn(out, "reasons", outcome.reasons);
    return out;
  }
}

/** The row as read: CSV cells by column name, or the JSON object. */
function inputObject(record: InputRecord, columns: readonly string[] | undefined): Record<string, unknown> | null {
  if ("json" in record) return { ...record.json };
  if (!("cells" in record) || columns === undefined) return null;
  const out: Record<string, unknown> = {};
  columns.forEach((c, i) => setOwn(out, c, record.cells[i] ?? ""));
  return out;
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
