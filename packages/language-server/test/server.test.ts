import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
} from "vscode-languageserver-protocol/node";
import type { CompletionItem, CompletionList, Hover, Location, MarkupContent, Position, TextEdit } from "vscode-languageserver-protocol/node";
import { format } from "@qualify/language";
import { SEMANTIC_TOKENS_LEGEND } from "@qualify/language-service";
import { CLEAN_MODEL } from "../../language-service/test/models.js";
import { StdioLanguageClient } from "../src/testing/stdio-client.js";

const URI = "file:///work/models/demo.qual";
let client: StdioLanguageClient;

/** The 0-based LSP position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  return TextDocument.create(URI, "qual", 1, text).positionAt(at + delta);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, "qual", 1, text), [...edits]);
}

let nextUri = 0;
/** Opens `text` under a fresh uri and waits for its first diagnostics. */
async function openFresh(text: string, name = "model"): Promise<{ uri: string; codes: string[] }> {
  const uri = `file:///work/models/${name}-${nextUri++}.qual`;
  await client.open(uri, text);
  const published = await client.diagnostics(uri, 1);
  return { uri, codes: published.diagnostics.map((d) => String(d.code)) };
}

beforeAll(async () => {
  client = await StdioLanguageClient.start();
  await client.open(URI, CLEAN_MODEL);
  await client.diagnostics(URI, 1);
});

afterAll(async () => {
  const code = await client.stop();
  expect(code).toBe(0);
});

describe("the Qual language server over stdio", () => {
  it("announces incremental sync and every feature it serves", () => {
    const capabilities = client.initializeResult.capabilities;
    expect(capabilities.textDocumentSync).toMatchObject({ change: 2, openClose: true });
    expect(capabilities).toMatchObject({
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      codeActionProvider: { codeActionKinds: ["quickfix"] },
    });
    expect(client.initializeResult.serverInfo?.name).toBe("qualify-language-server");
  });

  it("publishes no diagnostics for a clean model, and an error at its place after an incremental edit", async () => {
    const uri = "file:///work/models/edited.qual";
    await client.open(uri, CLEAN_MODEL);
    expect((await client.diagnostics(uri, 1)).diagnostics).toEqual([]);
    const at = positionOf(CLEAN_MODEL, "budget_usd >= 10_000");
    // Type a misspelling into the use of budget_usd: replace "budget" by "budgt".
    await client.change(uri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 6 } }, text: "budgt" }]);
    const published = await client.diagnostics(uri, 2);
    expect(published.version).toBe(2);
    const errors = published.diagnostics.filter((d) => d.severity === 1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "QUAL210", source: "qual", severity: 1, range: { start: at } });
    // Undo it with a second incremental change; the error goes away.
    await client.change(uri, 3, [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, text: "budget" }]);
    expect((await client.diagnostics(uri, 3)).diagnostics).toEqual([]);
  });

  it("completes the fields of a record after a dot, replacing the partial word", async () => {
    const text = CLEAN_MODEL.replace("let big_company = company.employees > 500", "let big_company = company.emp > 500");
    const { uri } = await openFresh(text);
    const position = positionOf(text, "company.emp", "company.emp".length);
    const answer = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList;
    const labels = answer.items.map((i: CompletionItem) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["employees", "country"]));
    expect(labels).not.toContain("budget");
    const employees = answer.items.find((i) => i.label === "employees");
    expect(employees?.textEdit).toEqual({ range: { start: { line: position.line, character: position.character - 3 }, end: position }, newText: "employees" });
  });

  it("completes the model's names and keywords in an expression", async () => {
    const position = positionOf(CLEAN_MODEL, "budget_usd >= 10_000");
    const answer = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position })) as CompletionList;
    const labels = answer.items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["budget_usd", "deciders", "big_company", "budget", "fit", "count"]));
  });

  it("hovers a criterion with its kind, type and label", async () => {
    const position = positionOf(CLEAN_MODEL, "when budget", 6);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position })) as Hover;
    expect((hover.contents as MarkupContent).kind).toBe("markdown");
    expect((hover.contents as MarkupContent).value).toContain("criterion budget: bool");
    expect((hover.contents as MarkupContent).value).toContain("**Budget**");
  });

  it("helps with the signature of a built-in function call", async () => {
    const position = positionOf(CLEAN_MODEL, "count(pains)", 6);
    const help = await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri: URI }, position });
    expect(help?.signatures[0]?.label).toMatch(/^count\(/);
    expect(help?.activeParameter).toBe(0);
  });

  it("goes from a use to the declaration", async () => {
    const position = positionOf(CLEAN_MODEL, "when big_company", 6);
    const location = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: URI }, position })) as Location;
    expect(location).toEqual({ uri: URI, range: { start: positionOf(CLEAN_MODEL, "big_company"), end: positionOf(CLEAN_MODEL, "big_company", 11) } });
  });

  it("finds every reference of a criterion, with and without its declaration", async () => {
    const position = positionOf(CLEAN_MODEL, "criterion budget", 10);
    const withDeclaration = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: URI }, position, context: { includeDeclaration: true } });
    const uses = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: URI }, position, context: { includeDeclaration: false } });
    // `when budget` in fit and `at least 2 of (budget, ...)` in the tier.
    expect(uses?.map((l) => l.range.start)).toEqual([positionOf(CLEAN_MODEL, "when budget", 5), positionOf(CLEAN_MODEL, "(budget,", 1)]);
    expect(withDeclaration).toHaveLength(3);
  });

  it("renames a name across the document, and refuses a reserved word", async () => {
    const position = positionOf(CLEAN_MODEL, "criterion budget", 10);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: URI }, position });
    expect(prepared).toEqual({ range: { start: position, end: { line: position.line, character: position.character + 6 } }, placeholder: "budget" });
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: URI }, position, newName: "has_budget" });
    const edits = edit?.changes?.[URI] ?? [];
    expect(edits).toHaveLength(3);
    const renamed = applyEdits(CLEAN_MODEL, edits);
    expect(renamed).toContain("criterion has_budget");
    expect(renamed).toContain("when has_budget");
    expect(renamed).toContain("(has_budget, authority, need)");
    const { codes } = await openFresh(renamed, "renamed");
    expect(codes).toEqual([]);
    await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: URI }, position, newName: "when" })).rejects.toThrow(/reserved word/);
  });

  it("formats the whole document and a range with the project's formatter", async () => {
    const messy = CLEAN_MODEL.replace('criterion need      "Need"      = count(pains) > 0', 'criterion need "Need" =   count(pains)>0').replace(
      'tier cold "Cold"            otherwise',
      'tier cold "Cold"   otherwise',
    );
    const { uri } = await openFresh(messy, "messy");
    const all = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const canonical = format(messy).text;
    expect(canonical).toBeDefined();
    expect(applyEdits(messy, all ?? [])).toBe(canonical);
    // Only the criterion's line is in the range: the tier line keeps its layout.
    const line = positionOf(messy, "criterion need").line;
    const some = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 5 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    const partly = applyEdits(messy, some ?? []);
    const lines = partly.split("\n");
    expect(lines[line]).toBe(canonical?.split("\n").find((l) => l.startsWith("criterion need")));
    expect(partly).toContain('tier cold "Cold"   otherwise');
    expect(partly).toContain('budget_usd: number?        "Budget');
    expect((some ?? []).length).toBeLessThan((all ?? []).length);
  });

  it("offers the checker's did-you-mean fix as a quick fix that repairs the model", async () => {
    const text = CLEAN_MODEL.replace("budget_usd >= 10_000", "budgt_usd >= 10_000");
    const { uri, codes } = await openFresh(text, "typo");
    expect(codes).toContain("QUAL210");
    const at = positionOf(text, "budgt_usd");
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    expect(actions).toHaveLength(1);
    const action = actions?.[0];
    if (!action || !("edit" in action)) throw new Error("expected a code action with an edit");
    expect(action.kind).toBe("quickfix");
    expect(action.title).toMatch(/^Did you mean/);
    expect(applyEdits(text, action.edit?.changes?.[uri] ?? [])).toBe(CLEAN_MODEL);
  });

  it("lists the outline, with the rules inside their score group", async () => {
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } });
    const names = (symbols ?? []).map((s) => s.name);
    expect(names).toEqual(["demo", "input", "deciders", "big_company", "budget", "authority", "need", "fit", "total", "Competitor", "sql", "cold"]);
    const fit = (symbols ?? []).find((s) => s.name === "fit");
    expect(fit && "children" in fit ? fit.children?.map((c) => c.name) : []).toEqual(["Big", "Budget"]);
  });

  it("folds the input block, nested records and score groups", async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    const lineOf = (needle: string) => positionOf(CLEAN_MODEL, needle).line;
    expect(ranges).toEqual(
      expect.arrayContaining([
        { startLine: lineOf("input {"), endLine: lineOf("const deciders") - 3 },
        { startLine: lineOf("company: {"), endLine: lineOf("country: text?") },
        { startLine: lineOf("score fit"), endLine: lineOf('"Budget": +30') },
      ]),
    );
  });

  it("colours names by what they refer to with semantic tokens", async () => {
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: URI } });
    const data = tokens?.data ?? [];
    expect(data.length % 5).toBe(0);
    // Decode the relative encoding into absolute tokens.
    const decoded: { line: number; character: number; length: number; type: string; modifiers: number }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [dl = 0, dc = 0, length = 0, type = 0, modifiers = 0] = data.slice(i, i + 5);
      line += dl;
      character = dl === 0 ? character + dc : dc;
      decoded.push({ line, character, length, type: SEMANTIC_TOKENS_LEGEND.tokenTypes[type] ?? "?", modifiers });
    }
    const at = (needle: string, delta = 0) => {
      const p = positionOf(CLEAN_MODEL, needle, delta);
      return decoded.find((t) => t.line === p.line && t.character === p.character);
    };
    expect(at("criterion budget", 10)).toMatchObject({ type: "function", length: 6, modifiers: 1 });
    expect(at("when budget", 5)).toMatchObject({ type: "function", modifiers: 0 });
    expect(at("company.employees > 500", 8)).toMatchObject({ type: "property", length: 9 });
    expect(at("role in deciders", 8)).toMatchObject({ type: "variable", modifiers: 2 });
    expect(at("tier sql", 5)).toMatchObject({ type: "enumMember" });
  });

  it("answers requests about a document it was never sent with nothing, not an error", async () => {
    const uri = "file:///work/models/never-opened.qual";
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })).toEqual([]);
  });
});
