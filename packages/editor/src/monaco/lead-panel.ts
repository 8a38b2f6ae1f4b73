import type * as Monaco from "monaco-editor/editor";
import type { LeadOutcome, LeadSchemaInfo } from "@qualify/language-service";
import { Emitter } from "./emitter.js";
import { jsonDefaults } from "./monaco-api.js";
import type { MonacoApi } from "./monaco-api.js";
import type { QualServices } from "./qual-services.js";
import { renderOutcome } from "./result-view.js";

let panelCount = 0;
/** Schemas of every open lead panel, keyed by the lead model's uri (Monaco's JSON options are global). */
const leadSchemas = new Map<string, LeadSchemaInfo>();

function publishSchemas(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [...leadSchemas].map(([leadUri, info]) => ({
      uri: `${leadUri}.schema.json`,
      fileMatch: [leadUri],
      schema: info.inputSchema,
    })),
  });
}

/**
 * The try-a-lead panel: a JSON editor whose schema is the model's lead
 * schema (so wrong fields get markers) and a live view of the result. It
 * re-evaluates when either the lead or the model changes; only the newest
 * answer is shown.
 */
export class LeadPanel {
  readonly editor: Monaco.editor.IStandaloneCodeEditor;
  readonly model: Monaco.editor.ITextModel;
  private readonly resultView: HTMLElement;
  private readonly evaluated = new Emitter<LeadOutcome>();
  /** Fires with every outcome shown. */
  readonly onDidEvaluate = this.evaluated.event;
  private readonly subscriptions: Monaco.IDisposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private lastOutcome: LeadOutcome | undefined;

  constructor(
    monaco: MonacoApi,
    container: HTMLElement,
    private readonly services: QualServices,
    private readonly qualModel: Monaco.editor.ITextModel,
    leadText: string,
    private readonly options: { readonly delayMs: number; readonly now?: string },
  ) {
    const doc = container.ownerDocument;
    const editorHost = doc.createElement("div");
    editorHost.className = "qual-lead-editor";
    this.resultView = doc.createElement("div");
    this.resultView.className = "qual-result";
    this.resultView.setAttribute("aria-live", "polite");
    container.append(editorHost, this.resultView);

    this.model = monaco.editor.createModel(leadText, "json", monaco.Uri.parse(`inmemory://qualify/lead-${++panelCount}.json`));
    this.editor = monaco.editor.create(editorHost, {
      model: this.model,
      automaticLayout: true,
      minimap: { enabled: false },
      lineNumbers: "off",
      fontSize: 13,
      scrollBeyondLastLine: false,
    });
    this.subscriptions.push(
      this.model.onDidChangeContent(() => this.schedule()),
      // Compiling a large model takes tens of milliseconds in the worker, and
      // the worker answers in order: refreshing right after each keystroke's
      // markers would hold up the next keystroke's validation. So the refresh
      // waits until the model has been still for a moment.
      services.diagnostics.onDidApply(({ model }) => {
        if (model === this.qualModel) this.scheduleRefresh();
      }),
      qualModel.onDidChangeContent(() => this.cancelRefresh()),
    );
  }

  /** The outcome now shown, if any. */
  get outcome(): LeadOutcome | undefined {
    return this.lastOutcome;
  }

  /** After the model changed: updates the lead schema (when the model compiles), then the result. */
  private async refresh(): Promise<void> {
    let schema: LeadSchemaInfo | undefined;
    try {
      await this.services.sync.sync(this.qualModel);
      schema = await this.services.client.call("leadSchema", this.qualModel.uri.toString());
    } catch {
      return; // Disposed meanwhile.
    }
    if (schema && !this.model.isDisposed()) {
      leadSchemas.set(this.model.uri.toString(), schema);
      publishSchemas();
    }
    await this.evaluate();
  }

  /** Evaluates the lead now against the model's current text. */
  async evaluate(): Promise<LeadOutcome | undefined> {
    const sequence = ++this.sequence;
    let outcome: LeadOutcome;
    try {
      await this.services.sync.sync(this.qualModel);
      outcome = await this.services.client.call("evaluate", this.qualModel.uri.toString(), this.model.getValue(), this.options.now);
    } catch {
      return undefined; // Disposed meanwhile.
    }
    if (sequence !== this.sequence || this.model.isDisposed()) return undefined;
    this.lastOutcome = outcome;
    renderOutcome(this.resultView, outcome);
    this.evaluated.fire(outcome);
    return outcome;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.cancelRefresh();
    this.sequence++;
    for (const subscription of this.subscriptions) subscription.dispose();
    leadSchemas.delete(this.model.uri.toString());
    publishSchemas();
    this.editor.dispose();
    this.model.dispose();
    this.evaluated.dispose();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.evaluate();
    }, this.options.delayMs);
  }

  private scheduleRefresh(): void {
    this.cancelRefresh();
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, this.options.delayMs);
  }

  private cancelRefresh(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }
}
