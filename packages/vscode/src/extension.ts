import { existsSync } from "node:fs";
import * as vscode from "vscode";
import { ExecuteCommandRequest, LanguageClient, TransportKind } from "vscode-languageclient/node";
import type { LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { BUNDLED_SERVER, CLIENT_ID, EXPLAIN_LEAD_COMMAND, RESTART_SERVER_COMMAND, SERVER_PATH_SETTING, SETTINGS_SECTION } from "./contributions.js";
import { FIXTURE_PATTERN, isFixtureFile, QUAL_DOCUMENTS } from "./documents.js";
import { asksToShow, explainLeadArguments, explanationDocument, fixtureCaseAt, fixtureCases, fixtureLenses } from "./explain-lead.js";
import { chooseServerModule } from "./server-module.js";

/** The extension's client, replaced on restart. */
let client: LanguageClient | undefined;

/**
 * Starts the Qual language server for `.qual` files, the YAML/JSON data
 * form and fixture files, and registers the extension's commands. VS Code
 * calls this on the first such file or command.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("Qual language server", { log: true });
  context.subscriptions.push(output);
  let ownExplainCommand: vscode.Disposable | undefined;

  const start = async (): Promise<void> => {
    const server = chooseServerModuleFor(context);
    if (server === undefined) return;
    output.info(`Starting the Qual language server from ${server.path} (${server.source}).`);
    const serverOptions: ServerOptions = {
      run: { module: server.path, transport: TransportKind.stdio },
      debug: { module: server.path, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: QUAL_DOCUMENTS.map((filter) => ({ ...filter })),
      outputChannel: output,
      middleware: {
        executeCommand: async (command, args, next) =>
          command === EXPLAIN_LEAD_COMMAND ? explainLead(args, (commandArgs) => next(command, commandArgs)) : next(command, args),
      },
    };
    client = new LanguageClient(CLIENT_ID, "Qual language server", serverOptions, clientOptions);
    await client.start();
    // When the server does not announce the command, the client registers nothing for it: do it here.
    const announced = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    if (!announced.includes(EXPLAIN_LEAD_COMMAND) && ownExplainCommand === undefined) {
      ownExplainCommand = vscode.commands.registerCommand(EXPLAIN_LEAD_COMMAND, (...args: unknown[]) =>
        explainLead(args, async (commandArgs) => {
          if (client === undefined) throw new Error("The Qual language server is not running.");
          return client.sendRequest(ExecuteCommandRequest.type, { command: EXPLAIN_LEAD_COMMAND, arguments: commandArgs });
        }),
      );
      context.subscriptions.push(ownExplainCommand);
    }
  };

  const restart = async (): Promise<void> => {
    const running = client;
    client = undefined;
    if (running !== undefined) await running.stop().catch(() => undefined);
    await start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, restart),
    vscode.languages.registerCodeLensProvider({ language: "yaml", pattern: FIXTURE_PATTERN }, { provideCodeLenses }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.server`)) void restart();
    }),
  );
  // A server that cannot start must not fail the activation: the restart command stays, and the output says why.
  await start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`The Qual language server did not start: ${message}`);
    void vscode.window.showErrorMessage(`Qual: the language server did not start (${message}). See the "Qual language server" output.`);
  });
}

/** Stops the language server when VS Code unloads the extension. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) await running.stop();
}

/** The server to run, or undefined (after telling the user why) when the setting names no file. */
function chooseServerModuleFor(context: vscode.ExtensionContext) {
  try {
    return chooseServerModule({
      configured: vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(SERVER_PATH_SETTING),
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      bundled: context.asAbsolutePath(BUNDLED_SERVER),
      exists: existsSync,
    });
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message, "Open Settings").then((choice) => {
      if (choice === "Open Settings") void vscode.commands.executeCommand("workbench.action.openSettings", `${SETTINGS_SECTION}.${SERVER_PATH_SETTING}`);
    });
    return undefined;
  }
}

/**
 * Runs `qualify.explainLead`. With arguments (from code or another
 * extension) it only returns the server's answer, unless they ask to show
 * it (a code lens). From the palette, without any, it explains the fixture
 * case under the cursor (or one picked from a list). Shown explanations
 * open beside the fixture.
 */
async function explainLead(args: unknown[], run: (args: unknown[]) => Promise<unknown>): Promise<unknown> {
  if (args.length > 0 && !asksToShow(args)) return run(args);
  if (args.length > 0) return showing(() => run(args));
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || !isFixtureFile(editor.document.fileName)) {
    void vscode.window.showWarningMessage("Open a fixture file (*.test.yaml) and put the cursor in a case to explain its lead.");
    return undefined;
  }
  const text = editor.document.getText();
  const cases = fixtureCases(text);
  let chosen = fixtureCaseAt(cases, editor.document.offsetAt(editor.selection.active));
  if (chosen === undefined && cases.length > 0) {
    const picked = await vscode.window.showQuickPick(
      cases.map((item) => ({ label: item.name, description: `case ${item.index + 1}`, item })),
      { placeHolder: "The case whose lead to explain" },
    );
    chosen = picked?.item;
  }
  if (chosen === undefined) {
    if (cases.length === 0) void vscode.window.showWarningMessage("This fixture file has no cases (a `cases:` list) to explain.");
    return undefined;
  }
  const uri = editor.document.uri.toString();
  return showing(() => run(explainLeadArguments(uri, chosen)));
}

/** Runs the server's command and shows its answer, or its error (a case that cannot run says why). */
async function showing(run: () => Promise<unknown>): Promise<unknown> {
  try {
    const explanation = await run();
    await showExplanation(explanation);
    return explanation;
  } catch (error) {
    void vscode.window.showErrorMessage(`Qual: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Opens the server's explanation as Markdown beside the fixture. */
async function showExplanation(explanation: unknown): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: "markdown", content: explanationDocument(explanation) });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** An "Explain this lead" lens over each case of a fixture file. */
function provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
  return fixtureLenses(document.getText(), document.uri.toString()).map((lens) => {
    const at = document.positionAt(lens.offset);
    return new vscode.CodeLens(new vscode.Range(at, at), { title: lens.title, command: EXPLAIN_LEAD_COMMAND, arguments: lens.arguments });
  });
}
