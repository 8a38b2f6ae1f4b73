import { Worker } from "node:worker_threads";
import type { BatchResult, ProcessorConfig } from "./batch-processor.js";
import type { BatchScorer } from "./batch-scorer.js";
import type { RawBatch } from "./input-records.js";
import type { WorkerReply, WorkerRequest } from "./score-worker.js";

interface Slot {
  readonly worker: Worker;
  busy: number;
}

/**
 * Processes batches on worker threads. Each worker compiles the model once
 * (from the plain IR) and handles whole batches (parse, score, serialise), so
 * messages are few and large and the main thread only reads and writes.
 * Batches go to the least busy worker; callers await them in submission
 * order, which keeps output in input order.
 */
export class WorkerPool implements BatchScorer {
  readonly concurrency: number;
  private readonly slots: Slot[];
  private readonly waiting = new Map<number, { resolve: (result: BatchResult) => void; reject: (e: Error) => void; slot: Slot }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(size: number, config: ProcessorConfig) {
    this.concurrency = size * 2;
    const script = new URL("./score-worker.js", import.meta.url);
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(script, { workerData: config }), busy: 0 };
      slot.worker.on("message", (reply: WorkerReply) => this.settle(reply));
      slot.worker.on("error", (error) => this.fail(error));
      slot.worker.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`a scoring worker stopped (exit code ${code})`));
      });
      return slot;
    });
  }

  process(batch: RawBatch): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((best, s) => (s.busy < best.busy ? s : best));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot });
      const request: WorkerRequest = { id, batch };
      slot.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private settle(reply: WorkerReply): void {
    const entry = this.waiting.get(reply.id);
    if (!entry) return;
    this.waiting.delete(reply.id);
    entry.slot.busy--;
    if ("error" in reply) entry.reject(new Error(reply.error));
    else entry.resolve(reply.result);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const entry of this.waiting.values()) entry.reject(error);
    this.waiting.clear();
  }
}
