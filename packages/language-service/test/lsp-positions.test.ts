import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineMap } from "@qualify/ir";
import { TextDocument } from "vscode-languageserver-textdocument";
import { offsetOf, toLspPosition } from "../src/lsp/positions.js";

// Text with line breaks, astral characters (two UTF-16 units) and CRLF.
const TEXT = fc.array(fc.constantFrom("a", "é", "😀", "\n", "\r\n", " ", "#"), { maxLength: 40 }).map((parts) => parts.join(""));

describe("LSP positions", () => {
  it("agree with the protocol's own TextDocument in both directions", () => {
    fc.assert(
      fc.property(TEXT, fc.double({ min: 0, max: 1, noNaN: true }), (text, fraction) => {
        const offset = Math.floor(fraction * text.length);
        // A position inside a CRLF pair or a surrogate pair is not one an editor sends.
        if (text.charAt(offset - 1) === "\r" || /[\uDC00-\uDFFF]/.test(text.charAt(offset))) return;
        const lineMap = new LineMap(text);
        const document = TextDocument.create("file:///t.qual", "qual", 1, text);
        const position = toLspPosition(lineMap.position(offset));
        expect(position).toEqual(document.positionAt(offset));
        expect(offsetOf(lineMap, position)).toBe(offset);
      }),
      { numRuns: 500 },
    );
  });

  it("clamps a position past the end of its line to the line's end, as the protocol says", () => {
    const lineMap = new LineMap("ab\ncd\n");
    expect(offsetOf(lineMap, { line: 0, character: 99 })).toBe(2);
    expect(offsetOf(lineMap, { line: 9, character: 0 })).toBe(6);
  });
});
