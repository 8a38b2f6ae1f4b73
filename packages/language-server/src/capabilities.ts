import { SEMANTIC_TOKENS_LEGEND } from "@qualify/language-service";
import { CodeActionKind, TextDocumentSyncKind } from "vscode-languageserver/node";
import type { ServerCapabilities } from "vscode-languageserver/node";

/** The command that evaluates a fixture case's lead and returns the explanation. */
export const EXPLAIN_LEAD_COMMAND = "qualify.explainLead";

/** What the server announces in its `initialize` answer. */
export const SERVER_CAPABILITIES: ServerCapabilities = {
  // Incremental: a keystroke sends the change, not the 2,000-line document.
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  // `"` so that the choices of a `one of` field are offered when a text literal is opened after it.
  completionProvider: { triggerCharacters: [".", '"'] },
  hoverProvider: true,
  signatureHelpProvider: { triggerCharacters: ["(", ","], retriggerCharacters: [","] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  executeCommandProvider: { commands: [EXPLAIN_LEAD_COMMAND] },
};
