import type { ModelIR } from "@qualify/ir";
import { parseCsvBatch } from "./csv-records.js";
import { csvCell, isPlainCsvText } from "./csv-text.js";
import type { InputRecord, RawBatch, RowFormat } from "./input-records.js";
import { parseJsonRecord } from "./jsonl-records.js";
import { addedColumns, csvLayout, leafFieldPaths } from "./output-columns.js";
import { setOwn } from "./own-property.js";
import { RowScorer } from "./row-scorer.js";
import type { RowIssue, RowOutcome, ScorerConfig } from "./row-scorer.js";
import { ShadowScorer, shadowColumns } from "./shadow-scorer.js";
import type { ShadowConfig, ShadowOutcome } from "./shadow-scorer.js";

/** Everything a processor needs, as plain data so it can be sent to a worker thread. */
export interface ProcessorConfig extends ScorerConfig {
  readonly outputFormat: RowFormat;
  /** `--shadow` (and `--split`): a second model scored beside the live one. */
  readonly shadow?: ShadowConfig;
}

/** What the shadow model did in one batch. */
export interface ShadowCounts {
  /** Rows scored, by shadow tier. */
  readonly tiers: Readonly<Record<string, number>>;
  /** Rows the shadow model rejected while the live model scored them (shadow columns left empty). */
  readonly rejected: number;
  /** With `--split`: rows the challenger decides. */
  readonly challenger: number;
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
  /** How many of the scored rows got each tier. */
  readonly tiers: Readonly<Record<string, number>>;
  /** With `--shadow`. */
  readonly shadow?: ShadowCounts;
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
  private readonly shadow: ShadowScorer | undefined;
  private readonly shadowColumns: readonly string[];
  private layoutKey: readonly string[] | undefined;
  private keep: readonly number[] = [];

  constructor(config: ProcessorConfig) {
    this.scorer = new RowScorer(config);
    this.outputFormat = config.outputFormat;
    this.scoreIds = config.ir.scores.map((s) => s.id);
    this.shadowColumns = config.shadow ? shadowColumns(config.shadow) : [];
    this.added = [...addedColumns(config.ir), ...this.shadowColumns];
    this.leafPaths = leafFieldPaths(config.ir.inputs);
    this.shadow = config.shadow ? new ShadowScorer(config.shadow, config.now) : undefined;
  }

  /** The CSV header row for input with these columns (JSON Lines input: the model's leaf fields). */
  static csvHeader(ir: ModelIR, columns: readonly string[] | undefined, shadow?: ShadowConfig): string[] {
    return csvLayout(columns ?? leafFieldPaths(ir.inputs), [...addedColumns(ir), ...(shadow ? shadowColumns(shadow) : [])]).header;
  }

  /** Parses, scores and serialises one batch; rejected rows are returned, never thrown. */
  process(batch: RawBatch): BatchResult {
    const records: InputRecord[] = batch.format === "csv" ? parseCsvBatch(batch) : batch.records.map(parseJsonRecord);
    const columns = batch.columns;
    if (this.outputFormat === "csv" && this.layoutKey !== (columns ?? this.leafPaths)) {
      this.layoutKey = columns ?? this.leafPaths;
      this.keep = csvLayout(this.layoutKey, this.added).keep;
    }
    // Without a carriage return in the batch, a plain record's cells are its comma-separated parts (see parseCsvTexts).
    const plainCells = batch.format === "csv" && !batch.records.some((r) => r.text.includes("\r"));
    const rows: string[] = [];
    const rejected: RejectedRow[] = [];
    const tiers: Record<string, number> = Object.create(null) as Record<string, number>;
    const shadowTiers: Record<string, number> = Object.create(null) as Record<string, number>;
    let shadowRejected = 0;
    let challenger = 0;
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as InputRecord;
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
      let shadow: (ShadowOutcome & { ok: true }) | undefined;
      if (this.shadow) {
        const result = this.shadow.score(record, columns, outcome);
        if (!result.ok) {
          rejected.push({ row: record.row, line: record.line, input: inputObject(record, columns), errors: result.errors });
          continue;
        }
        shadow = result;
        if (result.tier === null) shadowRejected++;
        else shadowTiers[result.tier] = (shadowTiers[result.tier] ?? 0) + 1;
        if (result.challenger) challenger++;
      }
      tiers[outcome.tier] = (tiers[outcome.tier] ?? 0) + 1;
      // CSV records map one to one onto the batch's raw records (parseCsvBatch keeps order and count);
      // a plain record's own text is passed so its cells need not be written again.
      rows.push(this.outputFormat === "csv" ? this.csvLine(record, plainCells ? batch.records[i]?.text : undefined, outcome, shadow) : `${JSON.stringify(this.jsonRow(record, columns, outcome, shadow))}\n`);
    }
    const counts = this.shadow ? { shadow: { tiers: { ...shadowTiers }, rejected: shadowRejected, challenger } } : {};
    return { text: rows.join(""), rejected, read: records.length, scored: rows.length, tiers: { ...tiers }, ...counts };
  }

  /**
   * One output CSV line, byte for byte what csv-stringify writes for the cells
   * kept, the tier, the scores (null as an empty cell) and the reasons.
   */
  private csvLine(record: InputRecord, rawText: string | undefined, outcome: RowOutcome & { ok: true }, shadow: (ShadowOutcome & { ok: true }) | undefined): string {
    let line = "";
    const keep = this.keep;
    if ("cells" in record) {
      // Every column kept and a plain record (no quoting): its text is already the cells as CSV.
      if (keep.length === record.cells.length && keep.length > 0 && rawText !== undefined && isPlainCsvText(rawText)) line = `${rawText},`;
      else for (const i of keep) line += `${csvCell(record.cells[i] ?? "")},`;
    } else if ("json" in record) {
      for (const i of keep) line += `${csvCell(cellOf(record.json, this.leafPaths[i] as string))},`;
    }
    line += csvCell(outcome.tier);
    for (const s of outcome.scores) line += s === null ? "," : `,${csvCell(s)}`;
    line += `,${csvCell(outcome.reasons)}`;
    if (shadow) for (const v of shadow.values) line += v === null ? "," : `,${csvCell(v)}`;
    return `${line}\n`;
  }

  private jsonRow(record: InputRecord, columns: readonly string[] | undefined, outcome: RowOutcome & { ok: true }, shadow: (ShadowOutcome & { ok: true }) | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = { ...(inputObject(record, columns) ?? {}) };
    setOwn(out, "tier", outcome.tier);
    this.scoreIds.forEach((id, i) => setOwn(out, id, outcome.scores[i] ?? null));
    setOwn(out, "reasons", outcome.reasons);
    if (shadow) this.shadowColumns.forEach((column, i) => setOwn(out, column, shadow.values[i] ?? null));
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
