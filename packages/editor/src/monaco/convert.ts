import type { Diagnostic, Severity, SourceRange, TextEdit } from "@qualify/ir";
import type * as Monaco from "monaco-editor/editor";
import type { CompletionKind, OutlineKind, OutlineSymbol } from "@qualify/language-service";
import type { MonacoApi } from "./monaco-api.js";

/**
 * The one conversion between the project's shapes and Monaco's. Monaco's
 * lines and columns are 1-based UTF-16 positions, as SourcePosition's are,
 * so ranges convert field by field.
 */

/** A Monaco range from a SourceRange. */
export function toMonacoRange(range: SourceRange): Monaco.IRange {
  return {
    startLineNumber: range.start.line,
    startColumn: range.start.column,
    endLineNumber: range.end.line,
    endColumn: range.end.column,
  };
}

/** The marker owner of Qual diagnostics (one owner, so clearing removes exactly ours). */
export const QUAL_MARKER_OWNER = "qual";

/** The `source` of Qual markers, shown beside their messages. */
export const QUAL_MARKER_SOURCE = "qual";

/** The Monaco marker of a diagnostic; an empty range is widened to one character so it shows. */
export function toMarker(monaco: MonacoApi, diagnostic: Diagnostic, model: Monaco.editor.ITextModel): Monaco.editor.IMarkerData {
  const { startLineNumber, endLineNumber } = toMonacoRange(diagnostic.range);
  let { startColumn, endColumn } = toMonacoRange(diagnostic.range);
  if (startLineNumber === endLineNumber && startColumn === endColumn) {
    if (endColumn < model.getLineMaxColumn(startLineNumber)) endColumn += 1;
    else if (startColumn > 1) startColumn -= 1;
  }
  return {
    startLineNumber,
    startColumn,
    endLineNumber,
    endColumn,
    severity: toMarkerSeverity(monaco, diagnostic.severity),
    message: diagnostic.message,
    code: diagnostic.code,
    source: QUAL_MARKER_SOURCE,
  };
}

function toMarkerSeverity(monaco: MonacoApi, severity: Severity): Monaco.MarkerSeverity {
  switch (severity) {
    case "error":
      return monaco.MarkerSeverity.Error;
    case "warning":
      return monaco.MarkerSeverity.Warning;
    default:
      return monaco.MarkerSeverity.Info;
  }
}

/** A Monaco text edit from one of ours. */
export function toMonacoTextEdit(edit: TextEdit): Monaco.languages.TextEdit {
  return { range: toMonacoRange(edit.range), text: edit.newText };
}

/** The completion item kind (icon) of a completion entry. */
export function toCompletionKind(monaco: MonacoApi, kind: CompletionKind): Monaco.languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  switch (kind) {
    case "keyword":
      return kinds.Keyword;
    case "type":
      return kinds.TypeParameter;
    case "function":
      return kinds.Function;
    case "field":
      return kinds.Field;
    case "const":
      return kinds.Constant;
    case "set":
      return kinds.Enum;
    case "let":
      return kinds.Variable;
    case "criterion":
      return kinds.Property;
    case "score":
      return kinds.Value;
  }
}

function toSymbolKind(monaco: MonacoApi, kind: OutlineKind): Monaco.languages.SymbolKind {
  const kinds = monaco.languages.SymbolKind;
  switch (kind) {
    case "model":
      return kinds.Module;
    case "input":
      return kinds.Struct;
    case "field":
      return kinds.Field;
    case "const":
      return kinds.Constant;
    case "let":
      return kinds.Variable;
    case "criterion":
      return kinds.Boolean;
    case "score":
      return kinds.Number;
    case "rule":
      return kinds.Property;
    case "disqualify":
      return kinds.Event;
    case "tier":
      return kinds.EnumMember;
  }
}

/** Monaco's document symbol tree from the service's outline. */
export function toDocumentSymbol(monaco: MonacoApi, symbol: OutlineSymbol): Monaco.languages.DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: toSymbolKind(monaco, symbol.kind),
    tags: [],
    range: toMonacoRange(symbol.range),
    selectionRange: toMonacoRange(symbol.selectionRange),
    children: symbol.children.map((child) => toDocumentSymbol(monaco, child)),
  };
}
