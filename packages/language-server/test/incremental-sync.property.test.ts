import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic, TextDocumentContentChangeEvent } from "vscode-languageserver-protocol/node";
import { analyze } from "@qualify/language";
import { toLspDiagnostic } from "@qualify/language-service";
import { CLEAN_MODEL } from "../../language-service/test/models.js";
import { StdioLanguageClient } from "../src/testing/stdio-client.js";

let client: StdioLanguageClient;

beforeAll(async () => {
  client = await StdioLanguageClient.start();
});

afterAll(async () => {
  await client.stop();
});

/** Pieces of Qual and of typing: names, operators, brackets, quotes, newlines, whole declarations. */
const PIECE = fc.constantFrom(
  "x",
  "budget",
  " ",
  "\n",
  "  ",
  ">=",
  "= ",
  "(",
  ")",
  '"',
  "{",
  "}",
  ".",
  "1_000",
  "and ",
  "not ",
  "# note\n",
  'criterion extra "Extra" = role = "CEO"\n',
  '  "Rule": +5 when need\n',
  "score s \"S\" max 10 {\n",
);

/** One edit as fractions of the current text: where it starts, how much it deletes, what it inserts. */
const EDIT = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.array(PIECE, { maxLength: 3 }).map((p) => p.join("")) });

/** A batch of edits sent in one didChange notification (editors batch fast typing). */
const BATCH = fc.array(EDIT, { minLength: 1, maxLength: 3 });

function sortedDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify([d.range, d.code, d.severity, d.message])).sort();
}

let run = 0;

describe("incremental sync", () => {
  it("gives the same diagnostics after random incremental edits as a fresh analysis of the final text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(BATCH, { minLength: 1, maxLength: 8 }), async (batches) => {
        const uri = `file:///work/models/property-${run++}.qual`;
        let doc = TextDocument.create(uri, "qual", 1, CLEAN_MODEL);
        await client.open(uri, CLEAN_MODEL);
        for (const batch of batches) {
          const changes: TextDocumentContentChangeEvent[] = [];
          // Each change's positions are in the text as the changes before it in the batch left it.
          let text = doc.getText();
          for (const edit of batch) {
            const start = Math.floor(edit.at * text.length);
            const end = Math.min(text.length, start + edit.remove);
            const scratch = TextDocument.create(uri, "qual", 0, text);
            const change = { range: { start: scratch.positionAt(start), end: scratch.positionAt(end) }, text: edit.insert };
            changes.push(change);
            text = text.slice(0, start) + edit.insert + text.slice(end);
          }
          doc = TextDocument.update(doc, changes, doc.version + 1);
          expect(doc.getText()).toBe(text);
          await client.change(uri, doc.version, changes);
        }
        const published = await client.diagnostics(uri, doc.version);
        const fresh = analyze(doc.getText(), { file: uri }).diagnostics.map(toLspDiagnostic);
        expect(sortedDiagnostics(published.diagnostics)).toEqual(sortedDiagnostics(fresh));
      }),
      { numRuns: 60 },
    );
  });
});
