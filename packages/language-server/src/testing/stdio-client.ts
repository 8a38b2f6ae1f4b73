import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from "vscode-languageserver-protocol/node";
import type { Diagnostic, InitializeResult, ProtocolConnection, TextDocumentContentChangeEvent } from "vscode-languageserver-protocol/node";

/** The server's executable, as editors start it. */
export const SERVER_BIN = fileURLToPath(new URL("../../bin/qualify-language-server.js", import.meta.url));

/** The diagnostics the server published for one version of a document. */
export interface PublishedDiagnostics {
  readonly uri: string;
  readonly version: number | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A real LSP client over the stdio of a real server process: the
 * protocol's own connection (vscode-languageserver-protocol), talking to
 * `bin/qualify-language-server.js` spawned with `node`. Tests and the
 * benchmark drive the server through it exactly as an editor does.
 */
export class StdioLanguageClient {
  private readonly waiting: { uri: string; version: number; resolve: (p: PublishedDiagnostics) => void }[] = [];
  private readonly latest = new Map<string, PublishedDiagnostics>();
  private stderr = "";

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly initializeResult: InitializeResult,
  ) {}

  /** Spawns the server (`args` after the bin, or another command line) and runs the `initialize` handshake. */
  static async start(command: readonly string[] = [process.execPath, SERVER_BIN]): Promise<StdioLanguageClient> {
    const [program, ...args] = command;
    if (program === undefined) throw new Error("No command to start the language server.");
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"] });
    if (!child.stdout || !child.stdin) throw new Error("The language server process has no stdio.");
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new StdioLanguageClient(child, connection, { capabilities: {} });
    child.stderr?.on("data", (chunk: Buffer) => {
      client.stderr += chunk.toString();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.received(params));
    connection.listen();
    const exited = new Promise<never>((_, reject) => {
      child.once("exit", (code) => reject(new Error(`The language server exited (code ${code}) before answering initialize: ${client.stderr}`)));
    });
    const result = await Promise.race([
      connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null }),
      exited,
    ]);
    await connection.sendNotification(InitializedNotification.type, {});
    return Object.assign(client, { initializeResult: result });
  }

  /** What the server wrote to stderr so far (its log). */
  get log(): string {
    return this.stderr;
  }

  /** Opens a document. */
  async open(uri: string, text: string, version = 1, languageId = "qual"): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Sends changes (incremental when they have ranges) that make `version`. */
  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Resolves with the first diagnostics published for `uri` at `version` or later. */
  diagnostics(uri: string, version: number): Promise<PublishedDiagnostics> {
    const latest = this.latest.get(uri);
    if (latest && (latest.version ?? 0) >= version) return Promise.resolve(latest);
    return new Promise((resolve) => this.waiting.push({ uri, version, resolve }));
  }

  /** The last diagnostics published for `uri`, or undefined when none were. */
  lastPublished(uri: string): PublishedDiagnostics | undefined {
    return this.latest.get(uri);
  }

  /** Shuts the server down the way editors do, and waits for the process to end. */
  async stop(): Promise<number | null> {
    const ended = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once("exit", (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const code = await ended;
    this.connection.dispose();
    return code;
  }

  private received(params: { uri: string; version?: number; diagnostics: Diagnostic[] }): void {
    const published: PublishedDiagnostics = { uri: params.uri, version: params.version, diagnostics: params.diagnostics };
    this.latest.set(params.uri, published);
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const waiter = this.waiting[i];
      if (waiter && waiter.uri === params.uri && (params.version ?? 0) >= waiter.version) {
        this.waiting.splice(i, 1);
        waiter.resolve(published);
      }
    }
  }
}
