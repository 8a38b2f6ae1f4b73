import fc from "fast-check";
import type { IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import { IncrementalLexer } from "../../src/lexer/incremental-lexer.js";
import { tokenize, type RawLex } from "../../src/lexer/lexer.js";
import { QUAL_PIECES } from "../arbitraries/model.js";

const view = (t: IToken) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn];
const viewAll = (raw: RawLex) => ({ tokens: raw.tokens.map(view), comments: raw.comments.map(view), errors: raw.errors.map((e) => [e.offset, e.line, e.column, e.length]) });

const BASE = 'model m "M"\n# a comment\ninput {\n  a: number? "doc"\n  b: text\n}\nconst c = a + 1 ! 2\nscore s {\n  "x": +1 when b ends with "@q\\\\z"\n  "y": -2 when a >= 2026-01-31\n}\ntier t otherwise\n';

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...QUAL_PIECES), fc.constantFrom("\n", "\n\n", '"', "#", "!", "\\", "§", " "), fc.string({ maxLength: 5 })),
});

describe("the incremental lexer", () => {
  it("gives what lexing the whole text gives, after every edit of a random sequence", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 20 }), (edits) => {
        const lexer = new IncrementalLexer();
        let text = BASE;
        expect(viewAll(lexer.tokenize(text))).toEqual(viewAll(tokenize(text)));
        for (const e of edits) {
          const at = Math.floor(e.at * (text.length + 1));
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          expect(viewAll(lexer.tokenize(text))).toEqual(viewAll(tokenize(text)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("re-lexes nothing for the same text and moves the tokens after an inserted line", () => {
    const lexer = new IncrementalLexer();
    const first = lexer.tokenize(BASE);
    expect(lexer.tokenize(BASE)).toBe(first);
    const last = first.tokens[first.tokens.length - 1] as IToken;
    const line = last.startLine ?? 0;
    const moved = lexer.tokenize("\n" + BASE);
    expect(moved.tokens[moved.tokens.length - 1]).toBe(last);
    expect([last.startOffset, last.startLine]).toEqual([BASE.lastIndexOf("otherwise") + 1, line + 1]);
  });
});
