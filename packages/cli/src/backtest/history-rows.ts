import { parseDateText } from "@qualify/compiler";
import type { EvaluationResult } from "@qualify/ir";
import { UsageError } from "../exit-codes.js";
import { csvRecordBatches } from "../score/csv-records.js";
import type { InputRecord, RowFormat } from "../score/input-records.js";
import { jsonlRecordBatches } from "../score/jsonl-records.js";
import type { RejectedRow } from "../score/score-pipeline.js";
import type { RowIssue, RowScorer } from "../score/row-scorer.js";
import type { JoinedLabel } from "./joined-label.js";
import { readOutcomeLabel } from "./outcome-label.js";

/** A history row scored by every model of the run. */
export interface ScoredHistoryRow {
  readonly row: number;
  readonly results: readonly EvaluationResult[];
  /** Absent when the run has no label column. */
  readonly positive?: boolean;
  /** The period column's text; "" when empty. */
  readonly period?: string;
}

/** Counts of a run; `read = scored + rejected` always. */
export interface HistoryStats {
  read: number;
  scored: number;
  rejected: number;
}

/** What one pass over a history file needs. */
export interface HistoryRun {
  readonly input: AsyncIterable<string>;
  readonly format: RowFormat;
  /** One per model; a row is kept only when every model scores it. */
  readonly scorers: readonly RowScorer[];
  readonly label?: { readonly column: string; readonly positive?: string | undefined };
  /** Instead of a label column: converted when the lead's key is among the joined file's keys. */
  readonly join?: JoinedLabel;
  /** A column holding each lead's evaluation time (its creation date, say). */
  readonly nowColumn?: string;
  readonly periodColumn?: string;
  readonly reject: (row: RejectedRow) => void | Promise<void>;
  readonly progress?: (stats: Readonly<HistoryStats>) => void;
}

/**
 * Reads a CSV or JSON Lines history with the same readers, coercions and map
 * as `qualify score`, and scores each row with every model. Rows that cannot
 * be read, have an unreadable label or evaluation time, or that a model
 * rejects go to `reject`; nothing is dropped silently.
 * @throws UsageError when a named column is not in the CSV header.
 */
export async function* scoreHistory(run: HistoryRun, stats: HistoryStats): AsyncGenerator<ScoredHistoryRow[]> {
  const batches: AsyncIterable<{ readonly columns?: readonly string[]; readonly records: readonly InputRecord[] }> = run.format === "csv" ? csvRecordBatches(run.input) : jsonlRecordBatches(run.input);
  let checked = false;
  for await (const batch of batches) {
    const columns = batch.columns;
    if (!checked && columns !== undefined) {
      checked = true;
      for (const [option, column] of [["--label", run.label?.column], ["--on", run.join?.column], ["--now-column", run.nowColumn], ["--period-column", run.periodColumn]] as const) {
        if (column !== undefined && !columns.includes(column)) throw new UsageError(`${option} ${JSON.stringify(column)} is not a column of the input; its columns are ${columns.map((c) => JSON.stringify(c)).join(", ")}`);
      }
    }
    const out: ScoredHistoryRow[] = [];
    for (const record of batch.records) {
      stats.read++;
      const scored = scoreRecord(run, record, columns);
      if ("errors" in scored) {
        stats.rejected++;
        await run.reject(scored);
      } else {
        stats.scored++;
        out.push(scored);
      }
    }
    run.progress?.(stats);
    if (out.length > 0) yield out;
  }
}

function scoreRecord(run: HistoryRun, record: InputRecord, columns: readonly string[] | undefined): ScoredHistoryRow | RejectedRow {
  if ("error" in record) {
    const expected = run.format === "csv" ? "a CSV row" : "a JSON object";
    return { row: record.row, line: record.line, input: null, text: record.text, errors: [{ path: "", expected, value: record.text, message: record.error }] };
  }
  const cell = (column: string): unknown => {
    if ("cells" in record) return record.cells[(columns ?? []).indexOf(column)];
    return Object.hasOwn(record.json, column) ? record.json[column] : undefined;
  };
  const issues: RowIssue[] = [];
  let positive: boolean | undefined;
  if (run.label) {
    const label = readOutcomeLabel(cell(run.label.column), run.label.column, run.label.positive);
    if (typeof label === "string") issues.push({ path: run.label.column, expected: run.label.positive === undefined ? "a yes/no label" : "a label", value: cell(run.label.column) ?? null, message: label });
    else positive = label;
  }
  if (run.join) {
    const value = cell(run.join.column);
    const key = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
    if (key === "") issues.push({ path: run.join.column, expected: "a key to look up in the --join file", value: value ?? null, message: `the --on column ${JSON.stringify(run.join.column)} is empty, so the lead cannot be matched against ${run.join.file}` });
    else positive = run.join.keys.has(key);
  }
  let now: number | undefined;
  if (run.nowColumn !== undefined) {
    const text = cell(run.nowColumn);
    now = typeof text === "string" ? parseDateText(text.trim()) : undefined;
    if (now === undefined) issues.push({ path: run.nowColumn, expected: "a date (2026-11-01) or an ISO timestamp", value: text ?? null, message: `the --now-column ${JSON.stringify(run.nowColumn)} holds no date` });
  }
  const results: EvaluationResult[] = [];
  if (issues.length === 0) {
    for (const scorer of run.scorers) {
      const outcome = "cells" in record ? scorer.evaluateCells(columns ?? [], record.cells, now) : scorer.evaluateObject(record.json, now);
      if (!outcome.ok) {
        issues.push(...outcome.errors);
        break;
      }
      results.push(outcome.result);
    }
  }
  if (issues.length > 0) return { row: record.row, line: record.line, input: inputObject(record, columns), errors: issues };
  const period = run.periodColumn === undefined ? undefined : String(cell(run.periodColumn) ?? "").trim();
  return { row: record.row, results, ...(positive === undefined ? {} : { positive }), ...(period === undefined ? {} : { period }) };
}

function inputObject(record: InputRecord, columns: readonly string[] | undefined): Record<string, unknown> | null {
  if ("json" in record) return { ...record.json };
  if (!("cells" in record) || columns === undefined) return null;
  return Object.fromEntries(columns.map((c, i) => [c, record.cells[i] ?? ""]));
}
