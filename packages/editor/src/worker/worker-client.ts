import type { ServiceApi, ServiceMethod, ServiceRequest, ServiceResponse } from "./protocol.js";

/** The part of a Worker (or MessagePort) the client needs. */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  /** A Worker reports a script that failed to load or threw at the top level here. */
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate?(): void;
  close?(): void;
}

/** Raised in the UI when the worker answered a request with an error. */
export class WorkerRequestError extends Error {
  constructor(readonly method: string, message: string) {
    super(`Qual worker (${method}): ${message}`);
    this.name = "WorkerRequestError";
  }
}

interface Pending {
  readonly method: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The UI thread's side of the worker: each service method becomes a call
 * that returns a promise of its result. Requests are answered in order, so
 * an `update` sent before a `completions` is applied first.
 */
export class QualWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;

  constructor(private readonly endpoint: MessageEndpoint) {
    endpoint.onmessage = (event) => this.receive(event.data as ServiceResponse);
    // Without this, a worker that failed to start would leave every call pending forever.
    if ("onerror" in endpoint) {
      endpoint.onerror = (event) => {
        // Read structurally: not every runtime that hosts the client defines ErrorEvent.
        const message: unknown = event.message;
        this.failAll(typeof message === "string" && message !== "" ? message : "the worker failed");
      };
    }
  }

  /** Calls `method` in the worker. */
  call<M extends ServiceMethod>(method: M, ...args: Parameters<ServiceApi[M]>): Promise<ReturnType<ServiceApi[M]>> {
    if (this.disposed) return Promise.reject(new WorkerRequestError(method, "the client was disposed"));
    const id = this.nextId++;
    const request: ServiceRequest<M> = { id, method, args };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject });
      this.endpoint.postMessage(request);
    });
  }

  /** Rejects pending calls and ends the worker. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.failAll("the client was disposed");
    this.endpoint.onmessage = null;
    this.endpoint.terminate?.();
    this.endpoint.close?.();
  }

  private failAll(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new WorkerRequestError(pending.method, reason));
    this.pending.clear();
  }

  private receive(response: ServiceResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (response.ok) pending.resolve(response.result);
    else pending.reject(new WorkerRequestError(pending.method, response.error));
  }
}
