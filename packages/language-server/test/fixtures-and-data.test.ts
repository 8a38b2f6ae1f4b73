import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CodeActionRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, ExecuteCommandRequest, HoverRequest } from "vscode-languageserver-protocol/node";
import type { CompletionList, Location, MarkupContent, Position } from "vscode-languageserver-protocol/node";
import { StdioLanguageClient } from "../src/testing/stdio-client.js";

const EXAMPLES = fileURLToPath(new URL("../../../examples/", import.meta.url));
let client: StdioLanguageClient;
let dir: string;
let modelUri: string;
let modelText: string;

const FIXTURE = `model: bant.qual
cases:
  - name: CFO with budget, a pain and a quarter timeline
    lead: { budget_usd: 50000, role: cfo, pains: [churn], timeline_days: 30 }
    expect:
      tier: sql
      scores: { met: 4 }
      criteria: { budget: true }

  - name: a wrong expectation
    lead: { budget_usd: 50000, role: cfo, pains: [churn], timeline_days: 30 }
    expect:
      tier: mql

  - name: a misspelt key
    lead: { budget_usd: 50000, role: cfo, pains: [churn], timeline_days: 30 }
    expected:
      tier: sql
`;

function positionOf(text: string, needle: string, delta = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`no "${needle}" in the text`);
  return TextDocument.create("file:///x", "x", 1, text).positionAt(at + delta);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "qualify-lsp-"));
  copyFileSync(join(EXAMPLES, "bant.qual"), join(dir, "bant.qual"));
  writeFileSync(join(dir, "bant.test.yaml"), FIXTURE);
  modelUri = pathToFileURL(join(dir, "bant.qual")).href;
  modelText = readFileSync(join(dir, "bant.qual"), "utf8");
  client = await StdioLanguageClient.start();
});

afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("fixture files", () => {
  const fixtureUri = () => pathToFileURL(join(dir, "bant.test.yaml")).href;

  it("reports the failing case at its line and the fixture's own problems, and passes the good case", async () => {
    await client.open(fixtureUri(), FIXTURE, 1, "yaml");
    const { diagnostics } = await client.diagnostics(fixtureUri(), 1);
    const byCode = (code: string) => diagnostics.filter((d) => d.code === code);
    expect(byCode("QUAL709")).toHaveLength(2);
    const wrong = byCode("QUAL709").find((d) => d.message.includes("a wrong expectation"));
    expect(wrong?.range.start.line).toBe(positionOf(FIXTURE, "name: a wrong expectation").line);
    expect(wrong?.message).toContain('tier: expected "mql", got "sql"');
    expect(byCode("QUAL703")).toHaveLength(1);
    expect(diagnostics.some((d) => d.message.includes("CFO with budget"))).toBe(false);
  });

  it("offers the fixture's did-you-mean as a quick fix", async () => {
    const at = positionOf(FIXTURE, "expected:");
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: fixtureUri() }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const action = actions?.[0];
    if (!action || !("edit" in action)) throw new Error("expected a quick fix");
    const fixed = TextDocument.applyEdits(TextDocument.create(fixtureUri(), "yaml", 1, FIXTURE), action.edit?.changes?.[fixtureUri()] ?? []);
    expect(fixed).toContain("    expect:\n      tier: sql\n");
    expect(fixed).not.toContain("expected:");
  });

  it("goes from expect keys, tiers and lead keys to the model's declarations", async () => {
    const go = async (needle: string, delta: number) =>
      (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: fixtureUri() }, position: positionOf(FIXTURE, needle, delta) })) as Location | null;
    expect(await go("met: 4", 1)).toEqual({ uri: modelUri, range: { start: positionOf(modelText, "score met", 6), end: positionOf(modelText, "score met", 9) } });
    expect((await go("budget: true", 2))?.range.start).toEqual(positionOf(modelText, "criterion budget", 10));
    expect((await go("tier: sql", 7))?.range.start).toEqual(positionOf(modelText, "tier sql", 5));
    expect((await go("timeline_days: 30", 3))?.range.start).toEqual(positionOf(modelText, "timeline_days:"));
    expect((await go("model: bant.qual", 8))?.uri).toBe(modelUri);
    expect(await go("name: CFO", 8)).toBeNull();
  });

  it("hovers an expect key with the model's declaration", async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fixtureUri() }, position: positionOf(FIXTURE, "met: 4", 1) });
    expect((hover?.contents as MarkupContent | undefined)?.value).toContain("score met: number");
    expect(hover?.range).toEqual({ start: positionOf(FIXTURE, "met: 4"), end: positionOf(FIXTURE, "met: 4", 3) });
  });

  it("explains a case's lead with qualify.explainLead, by name or by index", async () => {
    const byName = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: "qualify.explainLead",
      arguments: [{ uri: fixtureUri(), case: "a wrong expectation" }],
    });
    expect(byName).toMatchObject({ case: "a wrong expectation", index: 1, passed: false, tier: "sql", differences: [{ path: "tier", expected: "mql", actual: "sql" }] });
    expect((byName as { explanation: string }).explanation).toMatch(/^tier: sql/m);
    expect((byName as { explanation: string }).explanation).toContain("met");
    const byIndex = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: "qualify.explainLead", arguments: [fixtureUri(), 0] });
    expect(byIndex).toMatchObject({ case: "CFO with budget, a pain and a quarter timeline", passed: true, tier: "sql" });
    await expect(
      client.connection.sendRequest(ExecuteCommandRequest.type, { command: "qualify.explainLead", arguments: [{ uri: fixtureUri(), case: "no such case" }] }),
    ).rejects.toThrow(/has no case "no such case"; its cases are/);
  });
});

describe("the YAML and JSON data form", () => {
  it("checks, completes, hovers and outlines a model written as YAML", async () => {
    const text = readFileSync(join(EXAMPLES, "yaml", "bant.qual.yaml"), "utf8");
    const uri = "file:///work/examples/yaml/bant.qual.yaml";
    await client.open(uri, text, 1, "yaml");
    expect((await client.diagnostics(uri, 1)).diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect((symbols ?? []).map((s) => s.name)).toEqual(expect.arrayContaining(["budget", "authority", "met"]));
    // An unknown name in an expression is reported in the data file, at its place.
    const broken = text.replace(/budget_usd >= /, "budgt_usd >= ");
    await client.change(uri, 2, [{ text: broken }]);
    const errors = (await client.diagnostics(uri, 2)).diagnostics.filter((d) => d.severity === 1);
    expect(errors.map((e) => e.code)).toContain("QUAL210");
    expect(errors.find((e) => e.code === "QUAL210")?.range.start).toEqual(positionOf(broken, "budgt_usd"));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(broken, "role in", 1) });
    expect((hover?.contents as MarkupContent | undefined)?.value).toContain("field role");
    const completion = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(broken, "role in deciders", 8) })) as CompletionList;
    expect(completion.items.map((i) => i.label)).toEqual(expect.arrayContaining(["timeline_days", "deciders", "budget"]));
  });

  it("leaves YAML and JSON files that are not models alone", async () => {
    const other = "file:///work/deploy/docker-compose.yaml";
    await client.open(other, "services:\n  web: { image: nginx }\n", 1, "yaml");
    const model = "file:///work/after-compose.qual";
    await client.open(model, 'model m "M"\n');
    await client.diagnostics(model, 1);
    expect(client.lastPublished(other)).toBeUndefined();
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } })).toEqual([]);
  });

  it("checks a model written as JSON", async () => {
    const text = readFileSync(join(EXAMPLES, "json", "bant.qual.json"), "utf8");
    const uri = "file:///work/examples/json/bant.qual.json";
    await client.open(uri, text.replace('"budget"', '"budget", "oops": 1'), 1, "json");
    const { diagnostics } = await client.diagnostics(uri, 1);
    expect(diagnostics.some((d) => d.severity === 1 && String(d.code).startsWith("QUAL6"))).toBe(true);
  });
});
