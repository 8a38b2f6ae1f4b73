import type * as Monaco from "monaco-editor/editor";
import type { DocumentReport } from "@qualify/language-service";
import type { QualWorkerClient } from "../worker/worker-client.js";

/**
 * Keeps the worker's copy of each Qual model current. Every feature request
 * first syncs the model, so completion and hover answer for the text on
 * screen even while diagnostics are still debounced.
 */
export class DocumentSync {
  private readonly sent = new Map<string, { version: number; report: Promise<DocumentReport> }>();

  constructor(private readonly client: QualWorkerClient) {}

  /** Sends the model's text if the worker has an older version; resolves to the report of the current one. */
  sync(model: Monaco.editor.ITextModel): Promise<DocumentReport> {
    const uri = model.uri.toString();
    const version = model.getVersionId();
    const known = this.sent.get(uri);
    if (known && known.version === version) return known.report;
    const report = this.client.call("update", uri, version, model.getValue());
    this.sent.set(uri, { version, report });
    return report;
  }

  /** Tells the worker the model is gone. */
  close(uri: string): void {
    if (!this.sent.delete(uri)) return;
    void this.client.call("remove", uri).catch(() => undefined);
  }
}
