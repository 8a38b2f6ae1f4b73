import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dottedPathBefore, isInCommentOrString, isTypePosition, wordAt } from "../src/text-context.js";
import { RESERVED_WORDS } from "../src/keywords.js";

const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("."));
const reserved = new Set<string>(RESERVED_WORDS);

describe("reading the text around the cursor", () => {
  it("finds the dotted path before a partial word after a dot", () => {
    fc.assert(
      fc.property(path, fc.stringMatching(/^[a-z_]{0,5}$/), (p, partial) => {
        const text = `criterion c "C" = ${p}.${partial}`;
        const word = wordAt(text, text.length);
        expect(word).toEqual({ start: text.length - partial.length, end: text.length });
        expect(dottedPathBefore(text, word.start)).toBe(p);
      }),
      { numRuns: 200 },
    );
  });

  it("finds no path when the word does not follow a dot", () => {
    fc.assert(
      fc.property(name, (n) => {
        const text = `let x = 1 + ${n}`;
        expect(dottedPathBefore(text, wordAt(text, text.length).start)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it("knows when the cursor is inside a string or a comment", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,10}$/), (inner) => {
        expect(isInCommentOrString(`tier a "${inner}`, 8 + inner.length)).toBe(true);
        expect(isInCommentOrString(`tier a "${inner}" when`, 14 + inner.length)).toBe(false);
        expect(isInCommentOrString(`let x = 1 # ${inner}`, 12 + inner.length)).toBe(true);
      }),
      { numRuns: 100 },
    );
    expect(isInCommentOrString('let x = "a\\"b', 13)).toBe(true);
    expect(isInCommentOrString('let x = "#" + y', 15)).toBe(false);
  });

  it("recognises the type position of an input field", () => {
    fc.assert(
      fc.property(name.filter((n) => !reserved.has(n)), (n) => {
        expect(isTypePosition(`  ${n}: `, n.length + 4)).toBe(true);
        expect(isTypePosition(`  ${n}: list of te`, n.length + 15)).toBe(true);
        expect(isTypePosition(`  "${n}": +20 when`, n.length + 15)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
