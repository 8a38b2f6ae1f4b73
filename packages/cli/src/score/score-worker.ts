// A worker thread of `qualify score --workers N`: scores the batches it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { RowScorer } from "./row-scorer.js";
import type { RawRow, RowOutcome, ScorerConfig } from "./row-scorer.js";

/** A batch sent to a worker: CSV rows with their header, or JSON objects. */
export interface WorkerRequest {
  readonly id: number;
  readonly columns?: readonly string[];
  readonly rows: readonly RawRow[];
}

/** A worker's answer for one batch, in row order. */
export type WorkerReply = { readonly id: number; readonly outcomes: RowOutcome[] } | { readonly id: number; readonly error: string };

if (parentPort !== null) {
  const port = parentPort;
  const scorer = new RowScorer(workerData as ScorerConfig);
  port.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const outcomes =
        request.columns === undefined
          ? scorer.scoreJson(request.rows as readonly Record<string, unknown>[])
          : scorer.scoreCsv(request.columns, request.rows as readonly (readonly string[])[]);
      reply = { id: request.id, outcomes };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
