import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HoverRequest } from "vscode-languageserver-protocol/node";
import type { MarkupContent } from "vscode-languageserver-protocol/node";
import { StdioLanguageClient } from "@qualify/language-server/testing";
import { BIN } from "./run-cli.js";

const BANT = fileURLToPath(new URL("../../../examples/bant.qual", import.meta.url));
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** pnpm as scripts/setup.sh runs it: the installed one when it is the pinned version, else through npx. */
function pnpmCommand(): string[] {
  const pinned = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { packageManager: string }).packageManager.replace(/^pnpm@/, "");
  const installed = spawnSync("pnpm", ["--version"], { timeout: 300_000, killSignal: "SIGKILL", encoding: "utf8" });
  return installed.status === 0 && installed.stdout.trim() === pinned ? ["pnpm"] : ["npx", "-y", `pnpm@${pinned}`];
}

describe("qualify lsp", () => {
  it("answers a real client over stdio, publishes diagnostics, and exits 0 on shutdown", async () => {
    const client = await StdioLanguageClient.start([process.execPath, BIN, "lsp", "--stdio"]);
    expect(client.initializeResult.serverInfo?.name).toBe("qualify-language-server");
    const uri = "file:///work/examples/bant.qual";
    const text = readFileSync(BANT, "utf8");
    await client.open(uri, text);
    expect((await client.diagnostics(uri, 1)).diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    // Breaking the first criterion's name use gives an error at once.
    const broken = text.replace(/^criterion (\w+)/m, "criterion $1 $1");
    await client.change(uri, 2, [{ text: broken }]);
    expect((await client.diagnostics(uri, 2)).diagnostics.some((d) => d.severity === 1)).toBe(true);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: text.split("\n").findIndex((l) => l.startsWith("criterion")), character: 11 } });
    expect((hover?.contents as MarkupContent | undefined)?.value ?? "").toContain("criterion");
    expect(await client.stop()).toBe(0);
    // stdout is the protocol; the note for people went to stderr.
    expect(client.log).toContain("qualify lsp: the Qual language server is speaking LSP on stdin/stdout");
  });

  it("answers a real client when started as `pnpm qualify lsp` from the repository: pnpm writes nothing of its own on stdout", async () => {
    const pnpm = pnpmCommand();
    const version = spawnSync(pnpm[0] as string, [...pnpm.slice(1), "--dir", ROOT, "qualify", "--version"], { timeout: 300_000, killSignal: "SIGKILL", encoding: "utf8" });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const client = await StdioLanguageClient.start([...pnpm, "--dir", ROOT, "qualify", "lsp"]);
    const uri = "file:///work/examples/bant.qual";
    await client.open(uri, readFileSync(BANT, "utf8"));
    expect((await client.diagnostics(uri, 1)).diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    expect(await client.stop()).toBe(0);
  }, 60_000);
});
