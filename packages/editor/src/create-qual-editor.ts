import type * as Monaco from "monaco-editor/editor";
import { QUAL_LANGUAGE_ID } from "./language/language-ids.js";
import { QUAL_YAML_LANGUAGE_ID } from "./language/language-ids.js";
import { QUAL_MARKER_OWNER } from "./monaco/convert.js";
import type { AppliedReport } from "./monaco/diagnostics-adapter.js";
import { Emitter } from "./monaco/emitter.js";
import type { Disposable } from "./monaco/emitter.js";
import { LeadPanel } from "./monaco/lead-panel.js";
import { monaco } from "./monaco/monaco-api.js";
import { QualServices } from "./monaco/qual-services.js";
import { ensureStyles } from "./monaco/styles.js";
import { DEFAULT_VALIDATION_DELAY_MS } from "./monaco/validation-schedule.js";
import type { DocumentReport, LeadOutcome } from "@qualify/language-service";
import type { MessageEndpoint } from "./worker/worker-client.js";

/** Options of {@link createQualEditor}. */
export interface QualEditorOptions {
  /**
   * Starts the worker that runs the Qual language service. With vite:
   * `import QualWorker from "@qualify/editor/worker?worker"` and
   * `createWorker: () => new QualWorker()`.
   */
  readonly createWorker: () => MessageEndpoint;
  /** The model's initial source text. */
  readonly value?: string;
  /** The sample lead: an object, or JSON text. Default `{}`. */
  readonly lead?: unknown;
  /** Called with every lead outcome the panel shows. */
  readonly onResult?: (outcome: LeadOutcome) => void;
  /** Makes the model read-only (the lead stays editable). */
  readonly readOnly?: boolean;
  /** Show the try-a-lead panel beside the editor. Default true. */
  readonly leadPanel?: boolean;
  /**
   * Milliseconds to wait after a keystroke before validating (shared by all
   * editors). Default 0: validate as soon as the worker is free, coalescing
   * the keystrokes typed while it was busy.
   */
  readonly diagnosticsDelay?: number;
  /** The evaluation time for the lead (ISO text); default: the clock at each evaluation. */
  readonly now?: string;
  /**
   * `qual` (the default) for Qual source, `qual-yaml` for the YAML data form
   * of a model (validated against the model schema and by the checker).
   */
  readonly language?: "qual" | "qual-yaml";
  /** The model's uri (its file name in messages). Default `inmemory://qualify/model-N.qual` (`.qual.yaml` for YAML). */
  readonly uri?: string;
  /** Extra Monaco editor options. */
  readonly editorOptions?: Monaco.editor.IStandaloneEditorConstructionOptions;
}

/** A Qual editor with live validation and, optionally, a try-a-lead panel. */
export interface QualEditor {
  /** The Monaco editor of the model (escape hatch for hosts). */
  readonly editor: Monaco.editor.IStandaloneCodeEditor;
  /** The Monaco editor of the lead JSON, when the panel is shown. */
  readonly leadEditor: Monaco.editor.IStandaloneCodeEditor | undefined;
  getValue(): string;
  setValue(source: string): void;
  /** The lead's JSON text. */
  getLead(): string;
  /** Replaces the lead: an object, or JSON text. */
  setLead(lead: unknown): void;
  /** The Qual markers now on the model. */
  getMarkers(): Monaco.editor.IMarker[];
  /** Fires with the model's Qual markers whenever they change. */
  onDidChangeMarkers(listener: (markers: Monaco.editor.IMarker[]) => void): Disposable;
  /** Fires after a validation report (diagnostics of one version) was applied. */
  onDidUpdateDiagnostics(listener: (report: DocumentReport) => void): Disposable;
  /** Fires with each lead outcome shown. */
  onDidEvaluate(listener: (outcome: LeadOutcome) => void): Disposable;
  /** Validates now (skipping the debounce) and resolves when the markers are applied. */
  validate(): Promise<void>;
  /** Evaluates the lead now; resolves to the outcome shown. */
  evaluateLead(): Promise<LeadOutcome | undefined>;
  /** Formats the model with the project's formatter. */
  format(): Promise<void>;
  /** The model in its YAML or JSON data form; undefined while it has syntax errors. */
  toData(format: "yaml" | "json"): Promise<string | undefined>;
  dispose(): void;
}

let modelCount = 0;

function leadText(lead: unknown): string {
  if (typeof lead === "string") return lead;
  return JSON.stringify(lead ?? {}, null, 2);
}

/** Creates a Qual editor inside `element`. */
export function createQualEditor(element: HTMLElement, options: QualEditorOptions): QualEditor {
  const doc = element.ownerDocument;
  ensureStyles(doc);
  const services = QualServices.acquire(monaco, {
    createWorker: options.createWorker,
    diagnosticsDelay: options.diagnosticsDelay ?? DEFAULT_VALIDATION_DELAY_MS,
  });

  const root = doc.createElement("div");
  root.className = "qual-editor-root";
  const main = doc.createElement("div");
  main.className = "qual-editor-main";
  root.append(main);
  element.append(root);

  const languageId = options.language === "qual-yaml" ? QUAL_YAML_LANGUAGE_ID : QUAL_LANGUAGE_ID;
  const extension = languageId === QUAL_YAML_LANGUAGE_ID ? "qual.yaml" : "qual";
  const uri = monaco.Uri.parse(options.uri ?? `inmemory://qualify/model-${++modelCount}.${extension}`);
  const model = monaco.editor.createModel(options.value ?? "", languageId, uri);
  const editor = monaco.editor.create(main, {
    model,
    automaticLayout: true,
    readOnly: options.readOnly ?? false,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    ...options.editorOptions,
  });

  let panel: LeadPanel | undefined;
  if (options.leadPanel ?? true) {
    const panelHost = doc.createElement("div");
    panelHost.className = "qual-lead-panel";
    root.append(panelHost);
    panel = new LeadPanel(monaco, panelHost, services, model, leadText(options.lead), {
      delayMs: 150,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }

  const markersChanged = new Emitter<Monaco.editor.IMarker[]>();
  const reportApplied = new Emitter<DocumentReport>();
  const getMarkers = () => monaco.editor.getModelMarkers({ resource: uri, owner: QUAL_MARKER_OWNER });
  const subscriptions: Monaco.IDisposable[] = [
    monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === uri.toString())) markersChanged.fire(getMarkers());
    }),
    services.diagnostics.onDidApply(({ model: applied, report }: AppliedReport) => {
      if (applied === model) reportApplied.fire(report);
    }),
  ];
  if (panel && options.onResult) subscriptions.push(panel.onDidEvaluate(options.onResult));

  let disposed = false;
  return {
    editor,
    leadEditor: panel?.editor,
    getValue: () => model.getValue(),
    setValue: (source) => model.setValue(source),
    getLead: () => panel?.model.getValue() ?? "",
    setLead: (lead) => panel?.model.setValue(leadText(lead)),
    getMarkers,
    onDidChangeMarkers: markersChanged.event,
    onDidUpdateDiagnostics: reportApplied.event,
    onDidEvaluate: (listener) => panel?.onDidEvaluate(listener) ?? { dispose() {} },
    validate: () => services.diagnostics.validate(model),
    evaluateLead: async () => panel?.evaluate(),
    format: async () => {
      await editor.getAction("editor.action.formatDocument")?.run();
    },
    toData: async (format) => {
      await services.sync.sync(model);
      return services.client.call("toData", uri.toString(), format);
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const subscription of subscriptions) subscription.dispose();
      markersChanged.dispose();
      reportApplied.dispose();
      panel?.dispose();
      editor.dispose();
      model.dispose();
      root.remove();
      services.release();
    },
  };
}
