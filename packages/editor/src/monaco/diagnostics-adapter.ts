import type * as Monaco from "monaco-editor/editor";
import type { DocumentReport } from "@qualify/language-service";
import { QUAL_LANGUAGE_ID } from "../language/language-ids.js";
import { QUAL_YAML_LANGUAGE_ID } from "../language/language-ids.js";
import { QUAL_MARKER_OWNER, toMarker } from "./convert.js";
import type { DocumentSync } from "./document-sync.js";
import { Emitter } from "./emitter.js";
import type { Disposable } from "./emitter.js";
import type { MonacoApi } from "./monaco-api.js";
import { ValidationSchedule } from "./validation-schedule.js";

/** The languages whose models are validated: Qual source and the YAML data form. */
const VALIDATED_LANGUAGES: ReadonlySet<string> = new Set([QUAL_LANGUAGE_ID, QUAL_YAML_LANGUAGE_ID]);

/** A report applied to a model's markers. */
export interface AppliedReport {
  readonly model: Monaco.editor.ITextModel;
  readonly report: DocumentReport;
}

/**
 * Validates every Qual model (source or YAML data form) after each edit and
 * turns the diagnostics into markers in one place. Answers for older
 * versions are dropped; markers are cleared when a model goes away or stops
 * being Qual.
 *
 * Scheduling: with no delay (the default), an edit is validated as soon as
 * the current task ends (so that edits made together are sent together) if
 * no validation of that model is in flight; while one is, edits only mark
 * the model dirty, and the newest text is validated when the answer comes.
 * So at most one validation per model is in flight, the worker never queues
 * stale texts, and keystroke-to-markers time is the work itself rather than
 * a timer. A positive delay adds a debounce before each validation.
 */
export class DiagnosticsAdapter {
  private readonly watched = new Map<string, { dispose(): void }>();
  private readonly subscriptions: Disposable[] = [];
  private readonly applied = new Emitter<AppliedReport>();
  /** Fires after the markers of a model were replaced by a fresh report. */
  readonly onDidApply = this.applied.event;

  constructor(
    private readonly monaco: MonacoApi,
    private readonly sync: DocumentSync,
    private readonly delayMs: number,
  ) {
    const editor = monaco.editor;
    this.subscriptions.push(
      editor.onDidCreateModel((model) => this.watch(model)),
      editor.onWillDisposeModel((model) => this.unwatch(model)),
      editor.onDidChangeModelLanguage(({ model }) => {
        this.unwatch(model);
        this.watch(model);
      }),
    );
    for (const model of editor.getModels()) this.watch(model);
  }

  /** Validates a model now, without waiting for the debounce. */
  async validate(model: Monaco.editor.ITextModel): Promise<void> {
    if (model.isDisposed() || !VALIDATED_LANGUAGES.has(model.getLanguageId())) return;
    let report: DocumentReport;
    try {
      report = await this.sync.sync(model);
    } catch {
      return; // The worker was disposed or the model closed meanwhile.
    }
    if (model.isDisposed() || report.version !== model.getVersionId()) return;
    const markers = report.diagnostics.map((d) => toMarker(this.monaco, d, model));
    this.monaco.editor.setModelMarkers(model, QUAL_MARKER_OWNER, markers);
    this.applied.fire({ model, report });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const model of this.monaco.editor.getModels()) this.unwatch(model);
    this.applied.dispose();
  }

  private watch(model: Monaco.editor.ITextModel): void {
    if (!VALIDATED_LANGUAGES.has(model.getLanguageId())) return;
    const key = model.uri.toString();
    if (this.watched.has(key)) return;
    const schedule = new ValidationSchedule(() => this.validate(model), this.delayMs);
    const listener = model.onDidChangeContent(() => schedule.request());
    this.watched.set(key, {
      dispose: () => {
        schedule.dispose();
        listener.dispose();
      },
    });
    schedule.request();
  }

  private unwatch(model: Monaco.editor.ITextModel): void {
    const key = model.uri.toString();
    const watcher = this.watched.get(key);
    if (!watcher) return;
    watcher.dispose();
    this.watched.delete(key);
    this.monaco.editor.setModelMarkers(model, QUAL_MARKER_OWNER, []);
    this.sync.close(key);
  }
}
