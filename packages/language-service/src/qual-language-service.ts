import type { SourceRange, TextEdit } from "@qualify/ir";
import { toData } from "@qualify/data";
import { format } from "@qualify/language";
import { completeAt } from "./completion.js";
import { evaluateLead } from "./lead-evaluation.js";
import { definitionAt, hoverAt, referencesAt } from "./navigation.js";
import { outlineOf } from "./outline.js";
import { renameAt, renameTargetAt } from "./rename.js";
import type { RenameResult, RenameTarget } from "./rename.js";
import { signatureAt } from "./signature-help.js";
import { QualDocument } from "./qual-document.js";
import type { CompletionList, DocumentReport, HoverInfo, LeadOutcome, LeadSchemaInfo, Location, OutlineSymbol, QuickFix, SignatureInfo } from "./types.js";

/** Thrown when a request names a document that was never opened (or was closed). */
export class UnknownDocumentError extends Error {
  constructor(readonly uri: string) {
    super(`No Qual document is open at ${uri}.`);
    this.name = "UnknownDocumentError";
  }
}

/**
 * The Qual language service: every editor feature as a plain method over
 * offsets and the project's own types. It runs the real parser, checker,
 * formatter and compiler, holds no browser or Monaco state, and is the same
 * object inside the web worker and in node tests.
 */
export class QualLanguageService {
  private readonly documents = new Map<string, QualDocument>();

  /** Opens or replaces a document and reports its diagnostics. */
  update(uri: string, version: number, text: string): DocumentReport {
    const previous = this.documents.get(uri);
    // An older version arriving late, or the same text again, keeps the document (and its cached analysis).
    if (previous && (previous.version > version || (previous.version === version && previous.text === text))) {
      return this.report(previous);
    }
    const doc = previous ? previous.next(version, text) : new QualDocument(uri, version, text);
    this.documents.set(uri, doc);
    return this.report(doc);
  }

  /** Forgets a document (its model was closed). */
  remove(uri: string): void {
    this.documents.delete(uri);
  }

  /** The version of the document the service holds, or undefined. */
  versionOf(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  /**
   * Diagnostics of the current text of `uri`. Only parse and check run here:
   * compiling waits until the lead panel asks, so markers are not delayed by it.
   */
  report(docOrUri: QualDocument | string): DocumentReport {
    const doc = typeof docOrUri === "string" ? this.get(docOrUri) : docOrUri;
    const started = performance.now();
    const diagnostics = doc.diagnostics;
    return { uri: doc.uri, version: doc.version, diagnostics, analysisMs: performance.now() - started };
  }

  /** The JSON Schema of a lead for the model in `uri`, when it compiles. */
  leadSchema(uri: string): LeadSchemaInfo | undefined {
    const compiled = this.get(uri).compiled;
    return compiled ? { modelId: compiled.id, title: compiled.title, inputSchema: compiled.inputSchema } : undefined;
  }

  /** Completion proposals at `offset`. */
  completions(uri: string, offset: number): CompletionList {
    return completeAt(this.get(uri), offset);
  }

  /** Hover text at `offset`. */
  hover(uri: string, offset: number): HoverInfo | undefined {
    return hoverAt(this.get(uri), offset);
  }

  /** The signature of the built-in function call around `offset`. */
  signatureHelp(uri: string, offset: number): SignatureInfo | undefined {
    return signatureAt(this.get(uri).text, offset);
  }

  /** The declaration of the name at `offset`. */
  definition(uri: string, offset: number): Location | undefined {
    return definitionAt(this.get(uri), offset);
  }

  /** Every use of the name at `offset`. */
  references(uri: string, offset: number, includeDeclaration = true): Location[] {
    return referencesAt(this.get(uri), offset, includeDeclaration);
  }

  /** The part of the name at `offset` that a rename would change. */
  renameTarget(uri: string, offset: number): RenameTarget {
    return renameTargetAt(this.get(uri), offset);
  }

  /** The edits that rename the name at `offset` everywhere in the document. */
  rename(uri: string, offset: number, newName: string): RenameResult {
    return renameAt(this.get(uri), offset, newName);
  }

  /** The outline of the document. */
  documentSymbols(uri: string): OutlineSymbol[] {
    return outlineOf(this.get(uri).analysis.ast);
  }

  /** Quick fixes ("did you mean ...") for diagnostics that overlap `[start, end]`. */
  codeActions(uri: string, start: number, end: number): QuickFix[] {
    const fixes: QuickFix[] = [];
    for (const diagnostic of this.get(uri).diagnostics) {
      const { suggestion, range } = diagnostic;
      if (!suggestion || suggestion.edits.length === 0) continue;
      if (range.end.offset < start || range.start.offset > end) continue;
      fixes.push({ title: capitalise(suggestion.message), diagnostic, edits: suggestion.edits });
    }
    return fixes;
  }

  /**
   * The edits that format the document with the project's formatter: one
   * edit replacing the text, none when it is already formatted, when it
   * has syntax errors (the formatter refuses to guess) or when it is in the
   * YAML/JSON data form.
   */
  format(uri: string): TextEdit[] {
    const doc = this.get(uri);
    if (doc.format !== "qual") return [];
    const formatted = format(doc.text);
    if (formatted.text === undefined || formatted.text === doc.text) return [];
    const range: SourceRange = doc.lineMap.range(0, doc.text.length);
    return [{ range, newText: formatted.text }];
  }

  /**
   * The model written in the YAML or JSON data form, or undefined when the
   * text has syntax errors (a partial tree would silently drop declarations).
   */
  toData(uri: string, dataFormat: "yaml" | "json"): string | undefined {
    const doc = this.get(uri);
    if (doc.diagnostics.some((d) => d.severity === "error" && (d.code.startsWith("QUAL1") || d.code.startsWith("QUAL6")))) return undefined;
    if (doc.format === dataFormat) return doc.text;
    try {
      return toData(doc.analysis.ast, dataFormat);
    } catch {
      return undefined;
    }
  }

  /** Evaluates a lead (JSON text) against the model; `now` is an ISO time or the clock when absent. */
  evaluate(uri: string, leadText: string, now?: string): LeadOutcome {
    return evaluateLead(this.get(uri), leadText, now);
  }

  /** The analysed document held for `uri`; throws UnknownDocumentError when none is open. */
  document(uri: string): QualDocument {
    return this.get(uri);
  }

  private get(uri: string): QualDocument {
    const doc = this.documents.get(uri);
    if (!doc) throw new UnknownDocumentError(uri);
    return doc;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
