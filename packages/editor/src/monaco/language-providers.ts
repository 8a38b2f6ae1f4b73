import type * as Monaco from "monaco-editor/editor";
import { QUAL_LANGUAGE_ID } from "../language/language-ids.js";
import { QUAL_YAML_LANGUAGE_ID } from "../language/language-ids.js";
import type { Location } from "@qualify/language-service";
import type { QualWorkerClient } from "../worker/worker-client.js";
import { QUAL_MARKER_SOURCE, toCompletionKind, toDocumentSymbol, toMonacoRange, toMonacoTextEdit } from "./convert.js";
import type { DocumentSync } from "./document-sync.js";
import type { Disposable } from "./emitter.js";
import type { MonacoApi } from "./monaco-api.js";

/**
 * Registers completion, hover, go to definition, references, outline,
 * formatting and quick fixes for Qual (formatting for the source form only;
 * the rest for the YAML data form too). Each provider syncs the model, asks
 * the worker, and converts the answer; none computes anything itself.
 */
export function registerLanguageProviders(monaco: MonacoApi, client: QualWorkerClient, sync: DocumentSync): Disposable[] {
  const languages = monaco.languages;
  const offsetOf = (model: Monaco.editor.ITextModel, position: Monaco.IPosition) => model.getOffsetAt(position);
  const toLocation = (model: Monaco.editor.ITextModel, location: Location): Monaco.languages.Location => ({
    uri: model.uri,
    range: toMonacoRange(location.range),
  });

  // Both forms share the service: ranges in the YAML form point into the data file.
  const both = [QUAL_LANGUAGE_ID, QUAL_YAML_LANGUAGE_ID];
  return [
    languages.registerCompletionItemProvider(both, {
      // `"` so that the choices of a `one of` field appear when a text literal is opened after it.
      triggerCharacters: [".", "\""],
      async provideCompletionItems(model, position) {
        await sync.sync(model);
        const list = await client.call("completions", model.uri.toString(), offsetOf(model, position));
        const start = model.getPositionAt(list.replace.start);
        const end = model.getPositionAt(list.replace.end);
        const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
        const suggestions = list.items.map((item): Monaco.languages.CompletionItem => ({
          label: item.label,
          kind: toCompletionKind(monaco, item.kind),
          detail: item.detail,
          ...(item.documentation ? { documentation: { value: item.documentation } } : {}),
          insertText: item.insertText,
          ...(item.isSnippet ? { insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
          sortText: item.sortText,
          range,
        }));
        return { suggestions };
      },
    }),

    languages.registerHoverProvider(both, {
      async provideHover(model, position) {
        await sync.sync(model);
        const hover = await client.call("hover", model.uri.toString(), offsetOf(model, position));
        if (!hover) return null;
        return { range: toMonacoRange(hover.range), contents: hover.contents.map((value) => ({ value })) };
      },
    }),

    languages.registerSignatureHelpProvider(both, {
      signatureHelpTriggerCharacters: ["(", ","],
      signatureHelpRetriggerCharacters: [","],
      async provideSignatureHelp(model, position) {
        await sync.sync(model);
        const info = await client.call("signatureHelp", model.uri.toString(), offsetOf(model, position));
        if (!info) return null;
        const signature: Monaco.languages.SignatureInformation = {
          label: info.label,
          documentation: info.documentation,
          parameters: info.parameters.map((label) => ({ label })),
        };
        return { value: { signatures: [signature], activeSignature: 0, activeParameter: info.activeParameter }, dispose() {} };
      },
    }),

    languages.registerDefinitionProvider(both, {
      async provideDefinition(model, position) {
        await sync.sync(model);
        const location = await client.call("definition", model.uri.toString(), offsetOf(model, position));
        return location ? toLocation(model, location) : null;
      },
    }),

    languages.registerReferenceProvider(both, {
      async provideReferences(model, position, context) {
        await sync.sync(model);
        const locations = await client.call("references", model.uri.toString(), offsetOf(model, position), context.includeDeclaration);
        return locations.map((location) => toLocation(model, location));
      },
    }),

    languages.registerRenameProvider(both, {
      async resolveRenameLocation(model, position) {
        await sync.sync(model);
        const target = await client.call("renameTarget", model.uri.toString(), offsetOf(model, position));
        return "error" in target ? { range: new monaco.Range(1, 1, 1, 1), text: "", rejectReason: target.error } : { range: toMonacoRange(target.range), text: target.text };
      },
      async provideRenameEdits(model, position, newName) {
        await sync.sync(model);
        const result = await client.call("rename", model.uri.toString(), offsetOf(model, position), newName);
        if ("error" in result) return { edits: [], rejectReason: result.error };
        const versionId = model.getVersionId();
        return { edits: result.edits.map((edit) => ({ resource: model.uri, textEdit: toMonacoTextEdit(edit), versionId })) };
      },
    }),

    languages.registerDocumentSymbolProvider(both, {
      displayName: "Qual",
      async provideDocumentSymbols(model, token) {
        // The outline of a large model is a large message (half a megabyte for
        // 2,000 rules) that holds the worker for tens of milliseconds, and sticky
        // scroll asks for it after edits. It is not urgent, so it waits for a
        // pause in typing rather than delay the next keystroke's validation.
        await pauseInEditing(model);
        if (token.isCancellationRequested || model.isDisposed()) return undefined;
        await sync.sync(model);
        const symbols = await client.call("documentSymbols", model.uri.toString());
        return symbols.map((symbol) => toDocumentSymbol(monaco, symbol));
      },
    }),

    languages.registerDocumentFormattingEditProvider(QUAL_LANGUAGE_ID, {
      displayName: "Qual formatter",
      async provideDocumentFormattingEdits(model) {
        await sync.sync(model);
        const edits = await client.call("format", model.uri.toString());
        return edits.map(toMonacoTextEdit);
      },
    }),

    languages.registerCodeActionProvider(
      both,
      {
        async provideCodeActions(model, range, context) {
          await sync.sync(model);
          const start = model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn });
          const end = model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn });
          const fixes = await client.call("codeActions", model.uri.toString(), start, end);
          const actions = fixes.map((fix): Monaco.languages.CodeAction => {
            const diagnostics = context.markers.filter(
              (m) => m.source === QUAL_MARKER_SOURCE && m.code === fix.diagnostic.code && m.startLineNumber === fix.diagnostic.range.start.line,
            );
            return {
              title: fix.title,
              kind: "quickfix",
              isPreferred: true,
              diagnostics,
              edit: {
                edits: fix.edits.map((edit) => ({ resource: model.uri, textEdit: toMonacoTextEdit(edit), versionId: model.getVersionId() })),
              },
            };
          });
          return { actions, dispose() {} };
        },
      },
      { providedCodeActionKinds: ["quickfix"] },
    ),
  ];
}

/** How long the text must stay unchanged before the outline is asked for. */
const OUTLINE_PAUSE_MS = 120;

/** Resolves once the model has gone OUTLINE_PAUSE_MS without an edit (or was disposed). */
async function pauseInEditing(model: Monaco.editor.ITextModel): Promise<void> {
  for (;;) {
    const version = model.getVersionId();
    await new Promise((resolve) => setTimeout(resolve, OUTLINE_PAUSE_MS));
    if (model.isDisposed() || model.getVersionId() === version) return;
  }
}
