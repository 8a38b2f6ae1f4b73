import type { Diagnostic, EvaluationResult, SourceRange, TextEdit } from "@qualify/ir";
import type { LeadIssue } from "@qualify/compiler";

/**
 * Plain, serialisable shapes the language service returns. They use the
 * project's SourceRange (1-based lines and columns plus offsets), never
 * Monaco types, so the service runs and is tested without a browser and its
 * answers cross the worker boundary as they are.
 */

/** What a completion item stands for; drives its icon. */
export type CompletionKind = "keyword" | "type" | "function" | "field" | "const" | "set" | "let" | "criterion" | "score";

/** One completion proposal. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** A one-line summary: the type and label. */
  readonly detail: string;
  /** Markdown shown beside the list. */
  readonly documentation?: string;
  readonly insertText: string;
  /** `insertText` uses snippet placeholders (`${1:x}`). */
  readonly isSnippet: boolean;
  /** Orders the list: more specific proposals first. */
  readonly sortText: string;
}

/** The proposals at a position, and the range of text they replace. */
export interface CompletionList {
  readonly items: readonly CompletionEntry[];
  /** The partial word being completed (empty when there is none). */
  readonly replace: { readonly start: number; readonly end: number };
}

/** What hovering over a position shows. */
export interface HoverInfo {
  readonly range: SourceRange;
  /** Markdown paragraphs. */
  readonly contents: readonly string[];
}

/** The signature of the built-in function whose call the cursor is in. */
export interface SignatureInfo {
  /** `decay(days, half_life) -> number`. */
  readonly label: string;
  readonly documentation: string;
  /** Parameter names as they appear in `label`. */
  readonly parameters: readonly string[];
  /** The 0-based parameter the cursor is in. */
  readonly activeParameter: number;
}

/** A location in the document (the service serves one document per uri). */
export interface Location {
  readonly uri: string;
  readonly range: SourceRange;
}

/** The kind of an outline entry; maps to Monaco's SymbolKind. */
export type OutlineKind = "model" | "input" | "field" | "const" | "let" | "criterion" | "score" | "rule" | "disqualify" | "tier";

/** One entry of the document outline. */
export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** The whole declaration. */
  readonly range: SourceRange;
  /** The part to select when the entry is chosen (its name). */
  readonly selectionRange: SourceRange;
  readonly children: readonly OutlineSymbol[];
}

/** A quick fix that repairs one diagnostic. */
export interface QuickFix {
  readonly title: string;
  readonly diagnostic: Diagnostic;
  readonly edits: readonly TextEdit[];
}

/** The JSON Schema of a lead for the model now in the document, when it compiles. */
export interface LeadSchemaInfo {
  readonly modelId: string;
  readonly title: string;
  readonly inputSchema: Record<string, unknown>;
}

/** What an edit of the document produces: the diagnostics of that version. */
export interface DocumentReport {
  readonly uri: string;
  readonly version: number;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Milliseconds the service spent parsing and checking for this report (0
   * when the version had been analysed already): validation alone, without
   * the message round trip or applying markers.
   */
  readonly analysisMs: number;
}

/** A field the lead is missing and the unknown results that need it: a question for sales. */
export interface LeadQuestion {
  readonly field: string;
  readonly neededBy: readonly string[];
}

/** The outcome of trying a lead against the model in the document. */
export type LeadOutcome =
  | {
      readonly status: "ok";
      readonly result: EvaluationResult;
      /** The label of the tier the lead got ("Sales qualified"). */
      readonly tierLabel: string;
      readonly questions: readonly LeadQuestion[];
    }
  /** The model has errors, so there is nothing to evaluate. */
  | { readonly status: "model-error"; readonly message: string }
  /** The lead text is not JSON (or not an object). */
  | { readonly status: "invalid-json"; readonly message: string }
  /** The lead is JSON but does not fit the model's inputs. */
  | { readonly status: "invalid-lead"; readonly message: string; readonly issues: readonly LeadIssue[] };
