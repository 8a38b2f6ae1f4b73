import { BatchProcessor } from "./batch-processor.js";
import type { BatchResult, ProcessorConfig } from "./batch-processor.js";
import type { RawBatch } from "./input-records.js";
import { WorkerPool } from "./worker-pool.js";

/** Processes batches of rows, in the main thread or on worker threads; results are awaited in row order. */
export interface BatchScorer {
  /** How many batches may be in flight at once (more keeps workers busy; bounded so memory stays flat). */
  readonly concurrency: number;
  process(batch: RawBatch): Promise<BatchResult>;
  close(): Promise<void>;
}

/** A scorer for `--workers N`: N = 1 works in the main thread, more uses a worker pool. */
export function createBatchScorer(config: ProcessorConfig, workers: number): BatchScorer {
  return workers <= 1 ? new LocalScorer(config) : new WorkerPool(workers, config);
}

class LocalScorer implements BatchScorer {
  readonly concurrency = 1;
  private readonly processor: BatchProcessor;

  constructor(config: ProcessorConfig) {
    this.processor = new BatchProcessor(config);
  }

  process(batch: RawBatch): Promise<BatchResult> {
    try {
      return Promise.resolve(this.processor.process(batch));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
