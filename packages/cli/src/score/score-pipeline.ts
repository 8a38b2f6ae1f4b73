import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ModelIR } from "@qualify/ir";
import { stringify } from "csv-stringify/sync";
import { BatchProcessor } from "./batch-processor.js";
import type { BatchResult, RejectedRow } from "./batch-processor.js";
import type { BatchScorer } from "./batch-scorer.js";
import { csvRawBatches } from "./csv-records.js";
import type { RawBatch, RowFormat } from "./input-records.js";
import type { ShadowConfig } from "./shadow-scorer.js";
import { jsonlRawBatches } from "./jsonl-records.js";

export type { RejectedRow } from "./batch-processor.js";
export type { RowFormat } from "./input-records.js";

/** Counts of a scoring run; `read = scored + rejected` always. */
export interface ScoreStats {
  read: number;
  scored: number;
  rejected: number;
  /** Scored rows by tier, in the order tiers were first seen. */
  tiers: Map<string, number>;
  /** With `--shadow`: scored rows by shadow tier, rows the shadow model rejected, rows the challenger decides (`--split`). */
  shadow?: { tiers: Map<string, number>; rejected: number; challenger: number };
}

/** Everything one scoring run needs. */
export interface ScoreRun {
  readonly ir: ModelIR;
  readonly input: AsyncIterable<string>;
  readonly inputFormat: RowFormat;
  readonly outputFormat: RowFormat;
  /** Receives the serialised output; backpressure is respected (write() === false -> wait for drain). */
  readonly output: NodeJS.WritableStream;
  readonly scorer: BatchScorer;
  /** The `--shadow` model, whose columns the CSV header adds. */
  readonly shadow?: ShadowConfig;
  /** Called for each rejected row, in row order; may return a promise to apply backpressure. */
  readonly reject: (row: RejectedRow) => void | Promise<void>;
  /** Called after each batch. */
  readonly progress?: (stats: Readonly<ScoreStats>) => void;
  /** Called with the CSV header before any row is scored; may throw to stop the run. */
  readonly checkHeader?: (columns: readonly string[]) => void;
}

/**
 * Streams rows from input to output: the reader splits the input into
 * batches of row texts, the scorer processes them (in worker threads with
 * --workers; batches in flight are bounded by its concurrency), and results
 * are written in input order. Memory stays flat: a few batches are held at a
 * time, and the output stream's backpressure pauses reading.
 */
export async function scoreRows(run: ScoreRun): Promise<ScoreStats> {
  const stats: ScoreStats = { read: 0, scored: 0, rejected: 0, tiers: new Map(), ...(run.shadow ? { shadow: { tiers: new Map(), rejected: 0, challenger: 0 } } : {}) };
  const batches: AsyncIterable<RawBatch> = run.inputFormat === "csv" ? csvRawBatches(run.input) : jsonlRawBatches(run.input);
  let headerWritten = false;
  // The CSV header goes out once, before the first rows (or alone for an input without rows).
  const header = (columns: readonly string[] | undefined): string => {
    if (run.outputFormat !== "csv" || headerWritten) return "";
    headerWritten = true;
    return stringify([BatchProcessor.csvHeader(run.ir, columns, run.shadow)]);
  };

  async function* chunks(): AsyncGenerator<string | Uint8Array> {
    const inFlight: { batch: RawBatch; result: Promise<BatchResult> }[] = [];
    async function* emit(entry: { batch: RawBatch; result: Promise<BatchResult> }): AsyncGenerator<string | Uint8Array> {
      const result = await entry.result;
      const head = header(entry.batch.columns);
      stats.read += result.read;
      stats.scored += result.scored;
      stats.rejected += result.rejected.length;
      for (const [tier, count] of Object.entries(result.tiers)) stats.tiers.set(tier, (stats.tiers.get(tier) ?? 0) + count);
      if (stats.shadow && result.shadow) {
        const shadow = stats.shadow;
        for (const [tier, count] of Object.entries(result.shadow.tiers)) shadow.tiers.set(tier, (shadow.tiers.get(tier) ?? 0) + count);
        shadow.rejected += result.shadow.rejected;
        shadow.challenger += result.shadow.challenger;
      }
      for (const row of result.rejected) await run.reject(row);
      if (head !== "") yield head;
      if (result.text.length > 0) yield result.text;
      run.progress?.(stats);
    }
    let headerChecked = false;
    for await (const batch of batches) {
      if (!headerChecked && batch.columns !== undefined) run.checkHeader?.(batch.columns);
      headerChecked = true;
      const result = run.scorer.process(batch);
      // Awaited later, in order; this keeps an early failure from being reported as unhandled.
      result.catch(() => undefined);
      inFlight.push({ batch, result });
      if (inFlight.length >= run.scorer.concurrency) yield* emit(inFlight.shift() as (typeof inFlight)[number]);
    }
    while (inFlight.length > 0) yield* emit(inFlight.shift() as (typeof inFlight)[number]);
    const last = header(undefined);
    if (last !== "") yield last;
  }

  await pipeline(Readable.from(chunks()), async (source: AsyncIterable<string | Uint8Array>) => {
    for await (const chunk of source) {
      if (!run.output.write(chunk)) await once(run.output, "drain");
    }
  });
  return stats;
}
