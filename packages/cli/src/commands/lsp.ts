import type { ExitCodeValue } from "../exit-codes.js";
import { ExitCode } from "../exit-codes.js";
import type { Output } from "../output.js";

/**
 * `qualify lsp`: runs the Qual language server on stdin and stdout until the
 * editor shuts it down. stdout carries the protocol, so the only message for
 * people goes to stderr, which editors keep in their server log. The server
 * is loaded on demand so that the other commands do not pay for it.
 */
export async function runLsp(output: Output): Promise<ExitCodeValue> {
  const { startServer } = await import("@qualify/language-server");
  output.note(
    "qualify lsp: the Qual language server is speaking LSP on stdin/stdout. " +
      "Run it from your editor (README: \"Any editor: the language server\"); it stops when the editor sends exit or closes stdin.",
  );
  startServer({ input: process.stdin, output: process.stdout });
  return ExitCode.ok;
}
