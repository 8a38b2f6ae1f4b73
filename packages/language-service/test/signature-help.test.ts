import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signatureAt } from "../src/signature-help.js";

/** The text with `|` removed, and the offset where it was. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf("|");
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe("signature help", () => {
  it.each([
    ["let d = decay(|", "decay(days, half_life) -> number", 0],
    ["let d = decay(days_since(last), |", "decay(days, half_life) -> number", 1],
    ["let d = decay(days_since(|", "days_since(date) -> number", 0],
    ["let n = min(a, b, c, |", "min(number, ...) -> number", 1],
    ['let n = len("a, (b" + |', "len(text) -> number", 0],
    ["let n = count([1, 2], |", "count(list) -> number", 1],
  ])("in `%s` shows %s, parameter %i", (marked, label, active) => {
    const [text, offset] = at(marked);
    expect(signatureAt(text, offset)).toMatchObject({ label, activeParameter: active });
  });

  it("shows nothing outside a call, after it closes, or for a name that is not a function", () => {
    for (const marked of ["let x = |", "let d = decay(a, b) + |", "let g = (a + |", "let n = nope(|", "let d = decay # (|"]) {
      const [text, offset] = at(marked);
      expect(signatureAt(text, offset)).toBeUndefined();
    }
  });

  it("ignores commas and brackets inside string arguments", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ,()[\]]{0,12}$/), (inside) => {
        const text = `let n = len("${inside}"`;
        expect(signatureAt(text, text.length)).toMatchObject({ label: "len(text) -> number", activeParameter: 0 });
      }),
      { numRuns: 200 },
    );
  });
});
