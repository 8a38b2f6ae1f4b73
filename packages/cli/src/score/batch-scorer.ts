import { RowScorer } from "./row-scorer.js";
import type { RawRow, RowOutcome, ScorerConfig } from "./row-scorer.js";
import { WorkerPool } from "./worker-pool.js";

/** Scores batches of rows, in the main thread or on worker threads; results come back in row order. */
export interface BatchScorer {
  /** How many batches may be in flight at once (more keeps workers busy; bounded so memory stays flat). */
  readonly concurrency: number;
  /** Scores CSV rows (with their header) or JSON objects (columns undefined). */
  score(columns: readonly string[] | undefined, rows: readonly RawRow[]): Promise<RowOutcome[]>;
  close(): Promise<void>;
}

/** A scorer for `--workers N`: N = 1 scores in the main thread, more uses a worker pool. */
export function createBatchScorer(config: ScorerConfig, workers: number): BatchScorer {
  return workers <= 1 ? new LocalScorer(config) : new WorkerPool(workers, config);
}

class LocalScorer implements BatchScorer {
  readonly concurrency = 1;
  private readonly scorer: RowScorer;

  constructor(config: ScorerConfig) {
    this.scorer = new RowScorer(config);
  }

  score(columns: readonly string[] | undefined, rows: readonly RawRow[]): Promise<RowOutcome[]> {
    return Promise.resolve(
      columns === undefined
        ? this.scorer.scoreJson(rows as readonly Record<string, unknown>[])
        : this.scorer.scoreCsv(columns, rows as readonly (readonly string[])[]),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
