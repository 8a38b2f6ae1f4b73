import { LspLanguageService, UnknownDocumentError } from "@qualify/language-service";
import { ErrorCodes, ProposedFeatures, ResponseError, TextDocuments, createConnection } from "vscode-languageserver/node";
import type { Connection, InitializeResult } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { EXPLAIN_LEAD_COMMAND, SERVER_CAPABILITIES } from "./capabilities.js";
import { explainLeadArguments } from "./explain-lead-arguments.js";
import { FixtureService, isFixtureUri, isModelDocument, readFileUri } from "./fixtures/fixture-service.js";
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
  const fixtures = new FixtureService(async (uri) => documents.get(uri)?.getText() ?? readFileUri(uri));

  /** Brings the service up to the client's text of `uri`; false when the client has not opened it. */
  const sync = (uri: string): boolean => {
    const doc = documents.get(uri);
    if (!doc || isFixtureUri(uri) || !isModelDocument(uri, doc.languageId)) return false;
    if (service.service.versionOf(uri) !== doc.version) service.update(uri, doc.version, doc.getText());
    return true;
  };
  const validation = new ValidationQueue((uri) => {
    const doc = documents.get(uri);
    if (doc && isFixtureUri(uri)) void validateFixture(uri, doc.version, doc.getText());
    else if (doc && sync(uri)) void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(uri) });
  });
  /** Runs a fixture (it reads its model from disk, so this is asynchronous) and publishes unless the text moved on meanwhile. */
  const validateFixture = async (uri: string, version: number, text: string): Promise<void> => {
    let diagnostics;
    try {
      diagnostics = await fixtures.diagnostics(uri, text);
    } catch (error) {
      connection.console.error(`qualify: could not run the fixture ${uri}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
  };
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
  // Fixtures run against the saved model: saving anything re-runs the open fixtures.
  documents.onDidSave(() => {
    for (const doc of documents.all()) if (isFixtureUri(doc.uri)) validation.schedule(doc.uri);
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    validation.cancel(uri);
    service.close(uri);
    fixtures.close(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCompletion((params) => answer(params.textDocument.uri, null, () => service.completion(params.textDocument.uri, params.position)));
  connection.onHover(async (params) => {
    const { uri } = params.textDocument;
    const fixture = isFixtureUri(uri) ? documents.get(uri) : undefined;
    if (fixture) return fixtures.hover(uri, fixture.getText(), params.position);
    return answer(uri, null, () => service.hover(uri, params.position));
  });
  connection.onSignatureHelp((params) => answer(params.textDocument.uri, null, () => service.signatureHelp(params.textDocument.uri, params.position)));
  connection.onDefinition(async (params) => {
    const { uri } = params.textDocument;
    const fixture = isFixtureUri(uri) ? documents.get(uri) : undefined;
    if (fixture) return fixtures.definition(uri, fixture.getText(), params.position);
    return answer(uri, null, () => service.definition(uri, params.position));
  });
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
  connection.onCodeAction((params) => {
    const { uri } = params.textDocument;
    if (isFixtureUri(uri)) return fixtures.codeActions(uri, params.range);
    return answer(uri, [], () => service.codeActions(uri, params.range));
  });
  connection.onExecuteCommand(async (params) => {
    if (params.command !== EXPLAIN_LEAD_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}; this server runs ${EXPLAIN_LEAD_COMMAND}.`);
    const request = explainLeadArguments(params.arguments ?? []);
    if ("error" in request) throw new ResponseError(ErrorCodes.InvalidParams, request.error);
    try {
      return await fixtures.explain(request.uri, request.case);
    } catch (error) {
      throw new ResponseError(ErrorCodes.InvalidParams, error instanceof Error ? error.message : String(error));
    }
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
