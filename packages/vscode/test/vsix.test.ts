import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompletionRequest, ExecuteCommandRequest } from "vscode-languageserver-protocol/node";
import type { CompletionItem, CompletionList } from "vscode-languageserver-protocol/node";
import yauzl from "yauzl";
import { StdioLanguageClient } from "../../language-server/src/testing/stdio-client.js";
import { docBlocks } from "../../../test/doc-blocks.js";
import { EXPLAIN_LEAD_COMMAND } from "../src/contributions.js";
import { explainLeadArguments, explanationDocument, fixtureCaseAt, fixtureCases } from "../src/explain-lead.js";
import { ROOT } from "./examples.js";

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const BUILD = join(PACKAGE, "scripts", "build.mjs");
const work = mkdtempSync(join(tmpdir(), "qual-vsix-"));

/** The README's build and install lines: the build runs as written there, and the .vsix must be where it installs from. */
const readme = docBlocks(ROOT, join(PACKAGE, "README.md")).find((block) => block.text.includes("--install-extension"));
const buildLine = readme?.text.split("\n").find((line) => line.startsWith("node ") && line.includes("build.mjs"));
const installed = readme?.text.match(/^code --install-extension (\S+)$/m)?.[1];
const vsix = join(ROOT, installed ?? "missing.vsix");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every entry of a zip file and its bytes, read with yauzl. */
function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** The modules a CommonJS bundle still loads at run time: `require("x")` calls esbuild left in. */
function requiredModules(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!))].sort();
}

const isBuiltin = (name: string): boolean => name.startsWith("node:") || builtinModules.includes(name.split("/")[0]!);

let entries: Map<string, Buffer>;
let buildLog: string;
beforeAll(() => {
  if (buildLine === undefined || installed === undefined) return;
  rmSync(vsix, { force: true });
  const run = spawnSync("bash", ["-c", buildLine], { timeout: 300_000, killSignal: "SIGKILL", cwd: ROOT, encoding: "utf8" });
  buildLog = run.stdout + run.stderr;
  if (run.status !== 0) throw new Error(`${buildLine} failed:\n${buildLog}`);
}, 240_000);

describe("the .vsix build", () => {
  it("runs as the README says and writes the .vsix the README installs", async () => {
    expect(buildLine, "the README's build block has the `node .../build.mjs` line").toBeDefined();
    expect(installed, "the README's build block has the `code --install-extension` line").toBeDefined();
    expect(existsSync(vsix)).toBe(true);
    entries = await readZip(vsix);
    expect(buildLog).toContain("Packaged");
    expect(buildLog).toContain(`next: code --install-extension ${installed}`);
  });

  it("holds the extension bundle, the server bundle, the grammar, the language configuration, the README and package.json", async () => {
    entries ??= await readZip(vsix);
    for (const name of [
      "extension/package.json",
      "extension/out/extension.cjs",
      "extension/out/server.cjs",
      "extension/syntaxes/qual.tmLanguage.json",
      "extension/language-configuration.json",
      "extension/readme.md",
      "extension.vsixmanifest",
    ]) {
      expect([...entries.keys()], name).toContain(name);
    }
    expect(entries.get("extension/syntaxes/qual.tmLanguage.json")!.toString()).toBe(readFileSync(join(PACKAGE, "syntaxes/qual.tmLanguage.json"), "utf8"));
    const manifest = JSON.parse(entries.get("extension/package.json")!.toString()) as { main: string; contributes: { grammars: { path: string }[] } };
    expect(entries.has(`extension/${manifest.main.replace(/^\.\//, "")}`)).toBe(true);
    expect(entries.has(`extension/${manifest.contributes.grammars[0]!.path.replace(/^\.\//, "")}`)).toBe(true);
  });

  it("ships no sources, tests or node_modules: the bundles carry everything", async () => {
    entries ??= await readZip(vsix);
    const stray = [...entries.keys()].filter((name) => /^extension\/(src|test|scripts|node_modules|dist)\//.test(name));
    expect(stray).toEqual([]);
    expect(requiredModules(entries.get("extension/out/extension.cjs")!.toString())).toContain("vscode");
    expect(requiredModules(entries.get("extension/out/extension.cjs")!.toString()).filter((name) => name !== "vscode" && !isBuiltin(name))).toEqual([]);
    expect(requiredModules(entries.get("extension/out/server.cjs")!.toString()).filter((name) => !isBuiltin(name))).toEqual([]);
  });

  it("bundles a server that answers a real LSP client over stdio", async () => {
    entries ??= await readZip(vsix);
    // The server as VS Code runs it: the file from the .vsix, alone in a folder, with no node_modules around.
    const server = join(work, "installed", "extension", "out", "server.cjs");
    mkdirSync(dirname(server), { recursive: true });
    writeFileSync(server, entries.get("extension/out/server.cjs")!);
    const client = await StdioLanguageClient.start([process.execPath, server, "--stdio"]);
    try {
      const uri = "file:///work/demo.qual";
      const text = 'model demo "Demo"\n\ninput {\n  budget: number?\n}\n\ncriterion big "Big" = budgt > 10\n';
      await client.open(uri, text);
      const published = await client.diagnostics(uri, 1);
      expect(published.diagnostics.some((d) => d.severity === 1 && d.message.includes("budgt")), JSON.stringify(published.diagnostics)).toBe(true);
      const completion = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 6, character: 24 },
      })) as CompletionItem[] | CompletionList | null;
      const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
      expect(items.map((item) => item.label)).toContain("budget");
    } finally {
      await client.stop();
    }
  });
});

describe("the bundled server's qualify.explainLead", () => {
  it("explains the fixture case under the cursor, as the palette command asks it", async () => {
    entries ??= await readZip(vsix);
    const server = join(work, "explain", "out", "server.cjs");
    mkdirSync(dirname(server), { recursive: true });
    writeFileSync(server, entries.get("extension/out/server.cjs")!);
    const client = await StdioLanguageClient.start([process.execPath, server, "--stdio"]);
    try {
      expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toContain(EXPLAIN_LEAD_COMMAND);
      const fixture = join(ROOT, "examples", "bant.test.yaml");
      const text = readFileSync(fixture, "utf8");
      const cases = fixtureCases(text);
      // The cursor on the `lead:` line of the second case.
      const cursor = text.indexOf("lead:", cases[1]!.start);
      const chosen = fixtureCaseAt(cases, cursor)!;
      expect(chosen.index).toBe(1);
      const answer = await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: EXPLAIN_LEAD_COMMAND,
        arguments: explainLeadArguments(pathToFileURL(fixture).href, chosen),
      });
      expect(answer).toMatchObject({ case: chosen.name, index: 1, passed: true, tier: "sql" });
      const shown = explanationDocument(answer);
      expect(shown.startsWith(`# ${chosen.name}\n\nThe case passes.\n\nTier: \`sql\``)).toBe(true);
      expect(shown).toContain("```text\n");
      // A code lens's arguments (which also ask the extension to show the answer) run the same way.
      const third = fixtureCases(text)[2]!;
      const fromLens = await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: EXPLAIN_LEAD_COMMAND,
        arguments: explainLeadArguments(pathToFileURL(fixture).href, third, true),
      });
      expect(fromLens).toMatchObject({ case: third.name, index: 2 });
    } finally {
      await client.stop();
    }
  });
});

describe("the bundled server on the data form and fixtures", () => {
  it("checks a YAML model and runs a fixture as the client sends them", async () => {
    entries ??= await readZip(vsix);
    const server = join(work, "data", "out", "server.cjs");
    mkdirSync(dirname(server), { recursive: true });
    writeFileSync(server, entries.get("extension/out/server.cjs")!);
    const client = await StdioLanguageClient.start([process.execPath, server, "--stdio"]);
    try {
      const yamlUri = "file:///work/bant.qual.yaml";
      const yamlText = readFileSync(join(ROOT, "examples", "yaml", "bant.qual.yaml"), "utf8");
      await client.open(yamlUri, yamlText, 1, "yaml");
      const clean = await client.diagnostics(yamlUri, 1);
      expect(clean.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
      await client.change(yamlUri, 2, [{ text: yamlText.replace("when: budget_usd >= min_budget", "when: budgt_usd >= min_budget") }]);
      const broken = await client.diagnostics(yamlUri, 2);
      expect(broken.diagnostics.some((d) => d.severity === 1 && d.message.includes("budgt_usd")), JSON.stringify(broken.diagnostics)).toBe(true);

      const fixture = join(ROOT, "examples", "bant.test.yaml");
      const fixtureUri = pathToFileURL(fixture).href;
      const fixtureText = readFileSync(fixture, "utf8");
      const first = fixtureCases(fixtureText)[0]!;
      const wrongTier = fixtureText.slice(0, first.start) + fixtureText.slice(first.start).replace("tier: sql", "tier: cold");
      await client.open(fixtureUri, wrongTier, 1, "yaml");
      const failing = await client.diagnostics(fixtureUri, 1);
      expect(failing.diagnostics.some((d) => d.message.includes(first.name) && d.message.includes("cold")), JSON.stringify(failing.diagnostics)).toBe(true);
    } finally {
      await client.stop();
    }
  });
});

describe("the build without a language server", () => {
  it("fails with a message that names the missing entry", () => {
    const missing = join(work, "no-server", "server.ts");
    const run = spawnSync(process.execPath, [BUILD, "--out", join(work, "never.vsix")], {
      timeout: 300_000,
      killSignal: "SIGKILL",
      cwd: PACKAGE,
      encoding: "utf8",
      env: { ...process.env, QUALIFY_SERVER_ENTRY: missing },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no-server/server.ts is missing");
    expect(run.stderr).toContain("startServer");
    expect(existsSync(join(work, "never.vsix"))).toBe(false);
  });
});
