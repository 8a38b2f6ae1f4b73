import { LspLanguageService, UnknownDocumentError } from "@qualify/language-service";
import { ErrorCodes, ProposedFeatures, ResponseError, TextDocuments, createConnection } from "vscode-languageserver/node";
import type { Connection, InitializeResult } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { SERVER_CAPABILITIES } from "./capabilities.js";
import { ValidationQueue } from "./validation-queue.js";

/** Where the server reads requests and writes answers; stdin and stdout when absent. */
export interface ServerOptions {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
}

/** The server's name and version, as `initialize` reports them. */
export const SERVER_INFO = { name: "qualify-language-server", version: "0.1.0" } as const;

/**
 * Starts the Qual language server on a pair of streams (stdio by default)
 * and returns its connection. Every answer comes from the shared language
 * service that the Monaco editor's worker runs too; this file only wires
 * LSP requests to it and keeps the documents in sync (incrementally: the
 * client sends changes, TextDocuments applies them).
 */
export function startServer(options: ServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all, options.input ?? process.stdin, options.output ?? process.stdout);
  const documents = new TextDocuments(TextDocument);
  const service = new LspLanguageService();

  /** Brings the service up to the client's text of `uri`; false when the client has not opened it. */
  const sync = (uri: string): boolean => {
    const doc = documents.get(uri);
    if (!doc) return false;
    if (service.service.versionOf(uri) !== doc.version) service.update(uri, doc.version, doc.getText());
    return true;
  };
  const validation = new ValidationQueue((uri) => {
    const doc = documents.get(uri);
    if (!doc || !sync(uri)) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(uri) });
  });
  /** Answers a request about an open document, or `empty` when the document is not open. */
  const answer = <T>(uri: string, empty: T, run: () => T): T => {
    if (!sync(uri)) return empty;
    try {
      return run();
    } catch (error) {
      if (error instanceof UnknownDocumentError) return empty;
      throw error;
    }
  };

  connection.onInitialize((): InitializeResult => ({ capabilities: SERVER_CAPABILITIES, serverInfo: SERVER_INFO }));
  documents.onDidChangeContent((event) => validation.schedule(event.document.uri));
  documents.onDidClose((event) => {
    const { uri } = event.document;
    validation.cancel(uri);
    service.close(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCompletion((params) => answer(params.textDocument.uri, null, () => service.completion(params.textDocument.uri, params.position)));
  connection.onHover((params) => answer(params.textDocument.uri, null, () => service.hover(params.textDocument.uri, params.position)));
  connection.onSignatureHelp((params) => answer(params.textDocument.uri, null, () => service.signatureHelp(params.textDocument.uri, params.position)));
  connection.onDefinition((params) => answer(params.textDocument.uri, null, () => service.definition(params.textDocument.uri, params.position)));
  connection.onReferences((params) =>
    answer(params.textDocument.uri, [], () => service.references(params.textDocument.uri, params.position, params.context.includeDeclaration)),
  );
  connection.onPrepareRename((params) =>
    answer(params.textDocument.uri, null, () => {
      const target = service.prepareRename(params.textDocument.uri, params.position);
      if ("error" in target) throw new ResponseError(ErrorCodes.InvalidRequest, target.error);
      return target;
    }),
  );
  connection.onRenameRequest((params) =>
    answer(params.textDocument.uri, null, () => {
      const edit = service.rename(params.textDocument.uri, params.position, params.newName);
      if ("error" in edit) throw new ResponseError(ErrorCodes.InvalidRequest, edit.error);
      return edit;
    }),
  );
  connection.onDocumentSymbol((params) => answer(params.textDocument.uri, [], () => service.documentSymbols(params.textDocument.uri)));
  connection.onFoldingRanges((params) => answer(params.textDocument.uri, [], () => service.foldingRanges(params.textDocument.uri)));
  connection.languages.semanticTokens.on((params) => answer(params.textDocument.uri, { data: [] }, () => service.semanticTokens(params.textDocument.uri)));
  connection.onDocumentFormatting((params) => answer(params.textDocument.uri, [], () => service.format(params.textDocument.uri)));
  connection.onDocumentRangeFormatting((params) => answer(params.textDocument.uri, [], () => service.formatRange(params.textDocument.uri, params.range)));
  connection.onCodeAction((params) => answer(params.textDocument.uri, [], () => service.codeActions(params.textDocument.uri, params.range)));

  documents.listen(connection);
  connection.listen();
  return connection;
}
