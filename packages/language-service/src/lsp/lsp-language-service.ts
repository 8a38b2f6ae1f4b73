import { format } from "@qualify/language";
import { CodeActionKind, CompletionItemKind, InsertTextFormat, MarkupKind, SymbolKind } from "vscode-languageserver-types";
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-types";
import type { QualDocument } from "../qual-document.js";
import { QualLanguageService } from "../qual-language-service.js";
import type { CompletionKind, OutlineKind, OutlineSymbol } from "../types.js";
import { foldingRangesOf } from "./folding.js";
import { lineHunks } from "./line-diff.js";
import { offsetOf, toLspDiagnostic, toLspRange, toLspTextEdit } from "./positions.js";
import { semanticTokensOf } from "./semantic-tokens.js";

/** Why a rename cannot be done; the server answers the request with this message as an error. */
export interface RenameRefusal {
  readonly error: string;
}

/**
 * The language service with LSP's positions in and LSP's shapes out. Every
 * answer comes from QualLanguageService (the same methods the Monaco worker
 * serves) and is only converted here; folding, semantic tokens and range
 * formatting, which Monaco does not ask for, are computed from the same
 * document analysis.
 */
export class LspLanguageService {
  constructor(readonly service: QualLanguageService = new QualLanguageService()) {}

  /** Opens or replaces a document; returns the diagnostics of that text. */
  update(uri: string, version: number, text: string): Diagnostic[] {
    return this.service.update(uri, version, text).diagnostics.map(toLspDiagnostic);
  }

  /** Forgets a closed document. */
  close(uri: string): void {
    this.service.remove(uri);
  }

  /** The diagnostics of the text the service holds for `uri`. */
  diagnostics(uri: string): Diagnostic[] {
    return this.service.report(uri).diagnostics.map(toLspDiagnostic);
  }

  /** Completion items at `position`, each replacing the partial word before it. */
  completion(uri: string, position: Position): CompletionList {
    const doc = this.doc(uri);
    const list = this.service.completions(uri, offsetOf(doc.lineMap, position));
    const range = toLspRange(doc.lineMap.range(list.replace.start, list.replace.end));
    const items = list.items.map((item): CompletionItem => ({
      label: item.label,
      kind: COMPLETION_KINDS[item.kind],
      detail: item.detail,
      ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
      sortText: item.sortText,
      insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: item.insertText },
    }));
    return { isIncomplete: false, items };
  }

  /** Hover at `position`, as Markdown. */
  hover(uri: string, position: Position): Hover | null {
    const hover = this.service.hover(uri, this.offset(uri, position));
    return hover ? { range: toLspRange(hover.range), contents: { kind: MarkupKind.Markdown, value: hover.contents.join("\n\n") } } : null;
  }

  /** The signature of the built-in function call around `position`. */
  signatureHelp(uri: string, position: Position): SignatureHelp | null {
    const info = this.service.signatureHelp(uri, this.offset(uri, position));
    if (!info) return null;
    const signature = { label: info.label, documentation: info.documentation, parameters: info.parameters.map((label) => ({ label })) };
    return { signatures: [signature], activeSignature: 0, activeParameter: info.activeParameter };
  }

  /** The declaration of the name at `position`. */
  definition(uri: string, position: Position): Location | null {
    const location = this.service.definition(uri, this.offset(uri, position));
    return location ? { uri: location.uri, range: toLspRange(location.range) } : null;
  }

  /** Every use of the name at `position` (and its declaration when asked). */
  references(uri: string, position: Position, includeDeclaration: boolean): Location[] {
    return this.service.references(uri, this.offset(uri, position), includeDeclaration).map((l) => ({ uri: l.uri, range: toLspRange(l.range) }));
  }

  /** The range and text a rename at `position` would change, or why it cannot. */
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | RenameRefusal {
    const target = this.service.renameTarget(uri, this.offset(uri, position));
    return "error" in target ? target : { range: toLspRange(target.range), placeholder: target.text };
  }

  /** The workspace edit that renames the name at `position` in the whole document, or why it cannot. */
  rename(uri: string, position: Position, newName: string): WorkspaceEdit | RenameRefusal {
    const result = this.service.rename(uri, this.offset(uri, position), newName);
    return "error" in result ? result : { changes: { [uri]: result.edits.map(toLspTextEdit) } };
  }

  /** The document outline. */
  documentSymbols(uri: string): DocumentSymbol[] {
    return this.service.documentSymbols(uri).map(toDocumentSymbol);
  }

  /** Folding ranges: blocks, multi-line declarations and comment runs. */
  foldingRanges(uri: string): FoldingRange[] {
    const doc = this.doc(uri);
    return foldingRangesOf(doc.analysis.ast, this.service.documentSymbols(uri), doc.text);
  }

  /** Semantic tokens of the names in the document (see SEMANTIC_TOKENS_LEGEND). */
  semanticTokens(uri: string): SemanticTokens {
    return semanticTokensOf(this.doc(uri));
  }

  /**
   * The edits that format the whole document with the project's formatter,
   * as line hunks; none when it is formatted already, has syntax errors or
   * is in the data form.
   */
  format(uri: string): TextEdit[] {
    return this.formatEdits(uri);
  }

  /**
   * The formatting edits that touch the lines of `range`. The formatter
   * formats whole models (a declaration's layout depends on its
   * neighbours'), so the document is formatted and only the hunks that
   * overlap the range are kept.
   */
  formatRange(uri: string, range: Range): TextEdit[] {
    return this.formatEdits(uri, range);
  }

  /** Quick fixes for the diagnostics that overlap `range`: did-you-mean and the checks' own fixes. */
  codeActions(uri: string, range: Range): CodeAction[] {
    const doc = this.doc(uri);
    const start = offsetOf(doc.lineMap, range.start);
    const end = offsetOf(doc.lineMap, range.end);
    return this.service.codeActions(uri, start, end).map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: [toLspDiagnostic(fix.diagnostic)],
      edit: { changes: { [uri]: fix.edits.map(toLspTextEdit) } },
    }));
  }

  /** The analysed document the service holds for `uri` (throws UnknownDocumentError when none). */
  doc(uri: string): QualDocument {
    return this.service.document(uri);
  }

  private offset(uri: string, position: Position): number {
    return offsetOf(this.doc(uri).lineMap, position);
  }

  private formatEdits(uri: string, range?: Range): TextEdit[] {
    const doc = this.doc(uri);
    if (doc.format !== "qual") return [];
    const formatted = format(doc.text).text;
    if (formatted === undefined || formatted === doc.text) return [];
    const lineStart = (line: number): number => doc.lineMap.offsetAt(line + 1, 1);
    const edits: TextEdit[] = [];
    for (const hunk of lineHunks(doc.text, formatted)) {
      // Old lines [start, end) against the range's lines; a pure insertion counts where it goes.
      const overlaps = !range || (hunk.start <= range.end.line && (hunk.end > range.start.line || (hunk.start === hunk.end && hunk.start >= range.start.line)));
      if (overlaps) edits.push({ range: toLspRange(doc.lineMap.range(lineStart(hunk.start), lineStart(hunk.end))), newText: hunk.newText });
    }
    return edits;
  }
}

const COMPLETION_KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  keyword: CompletionItemKind.Keyword,
  type: CompletionItemKind.TypeParameter,
  function: CompletionItemKind.Function,
  field: CompletionItemKind.Field,
  const: CompletionItemKind.Constant,
  set: CompletionItemKind.Enum,
  let: CompletionItemKind.Variable,
  criterion: CompletionItemKind.Property,
  score: CompletionItemKind.Value,
};

const SYMBOL_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  model: SymbolKind.Module,
  input: SymbolKind.Struct,
  field: SymbolKind.Field,
  const: SymbolKind.Constant,
  let: SymbolKind.Variable,
  criterion: SymbolKind.Boolean,
  score: SymbolKind.Number,
  rule: SymbolKind.Property,
  disqualify: SymbolKind.Event,
  tier: SymbolKind.EnumMember,
};

function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: toLspRange(symbol.range),
    selectionRange: toLspRange(symbol.selectionRange),
    children: symbol.children.map(toDocumentSymbol),
  };
}
