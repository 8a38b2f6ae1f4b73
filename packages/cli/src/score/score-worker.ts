// A worker thread of `qualify score --workers N`: processes the batches it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { BatchProcessor } from "./batch-processor.js";
import type { BatchResult, ProcessorConfig } from "./batch-processor.js";
import type { RawBatch } from "./input-records.js";

/** A batch sent to a worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly batch: RawBatch;
}

/** A worker's answer for one batch. */
export type WorkerReply = { readonly id: number; readonly result: BatchResult } | { readonly id: number; readonly error: string };

if (parentPort !== null) {
  const port = parentPort;
  const processor = new BatchProcessor(workerData as ProcessorConfig);
  const encoder = new TextEncoder();
  port.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply;
    const transfer: ArrayBuffer[] = [];
    try {
      const result = processor.process(request.batch);
      // TextEncoder gives a fresh, unpooled buffer, which is safe to transfer.
      const bytes = typeof result.text === "string" ? encoder.encode(result.text) : result.text;
      transfer.push(bytes.buffer as ArrayBuffer);
      reply = { id: request.id, result: { ...result, text: bytes } };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, transfer);
  });
}
