import type { Diagnostic, SourceRange, Suggestion } from "@qualify/ir";
import { CATALOG, formatMessage } from "../diagnostics/messages.js";
import type { DiagnosticId, MessageArgs } from "../diagnostics/messages.js";

/** How every check reports a problem: by catalog id, never by throwing. */
export type Report = <K extends DiagnosticId>(
  id: K,
  range: SourceRange,
  args: MessageArgs<K>,
  suggestion?: Suggestion,
) => void;

/** Collects diagnostics for one check run. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  private errors = 0;

  constructor(private readonly file?: string) {}

  /** The callback handed to every check. */
  readonly report: Report = (id, range, args, suggestion) => {
    const entry = CATALOG[id];
    if (entry.severity === "error") this.errors++;
    this.diagnostics.push({
      code: entry.code,
      severity: entry.severity,
      message: formatMessage(id, args),
      range,
      ...(this.file === undefined ? {} : { file: this.file }),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  };

  /** The number of errors reported so far. */
  get errorCount(): number {
    return this.errors;
  }
}
