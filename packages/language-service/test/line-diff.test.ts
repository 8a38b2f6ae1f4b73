import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineHunks } from "../src/lsp/line-diff.js";
import type { LineHunk } from "../src/lsp/line-diff.js";

/** Applies hunks (old line ranges, ascending, not overlapping) to a text. */
function applyHunks(before: string, hunks: readonly LineHunk[]): string {
  const lines = before.split(/(?<=\n)/).filter((l, i, all) => !(l === "" && i === all.length - 1));
  let out = "";
  let at = 0;
  for (const hunk of hunks) {
    out += lines.slice(at, hunk.start).join("") + hunk.newText;
    at = hunk.end;
  }
  return out + lines.slice(at).join("");
}

const LINE = fc.constantFrom("a\n", "b\n", "criterion x = 1\n", "\n", "  y\n", "}\n");
const TEXT = fc.tuple(fc.array(LINE, { maxLength: 12 }), fc.constantFrom("", "end")).map(([lines, tail]) => lines.join("") + tail);

describe("line hunks", () => {
  it("turn the old text into the new one, in order and without overlap", () => {
    fc.assert(
      fc.property(TEXT, TEXT, (before, after) => {
        const hunks = lineHunks(before, after);
        expect(applyHunks(before, hunks)).toBe(after);
        for (let i = 1; i < hunks.length; i++) expect(hunks[i]?.start).toBeGreaterThan(hunks[i - 1]?.end ?? -1);
      }),
      { numRuns: 500 },
    );
  });

  it("keep unchanged lines out of the edits", () => {
    expect(lineHunks("a\nb\nc\n", "a\nB\nc\n")).toEqual([{ start: 1, end: 2, newText: "B\n" }]);
    expect(lineHunks("same\n", "same\n")).toEqual([]);
  });
});
