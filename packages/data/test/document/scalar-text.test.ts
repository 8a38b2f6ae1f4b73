import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Document, isMap, isScalar, parseDocument, Scalar } from "yaml";
import { scalarText } from "../../src/document/scalar-text.js";

/** Parses `key: <scalar>` text and returns the scalar with its offset map. */
function mapped(text: string) {
  const document = parseDocument(text);
  const root = document.contents;
  if (!isMap(root)) throw new Error("test setup: not a mapping");
  const value = root.items[0]?.value;
  if (!isScalar(value)) throw new Error("test setup: not a scalar");
  return { scalar: value, map: scalarText(text, value) };
}

describe("where a scalar's characters sit in the file", () => {
  it("maps a plain scalar one to one and says it is verbatim", () => {
    const text = "when: budget >= 10\n";
    const { map } = mapped(text);
    expect(map.text).toBe("budget >= 10");
    expect(map.verbatim).toBe(true);
    expect(map.starts[0]).toBe(6);
    expect(text.slice(map.starts[7]!, map.ends[8]!)).toBe(">=");
  });

  it("skips the quote and maps escapes to their backslash in double quotes", () => {
    const text = 'when: "email ends with \\"@x\\" and \\u00e9 = y"\n';
    const { map } = mapped(text);
    expect(map.text).toBe('email ends with "@x" and é = y');
    expect(map.verbatim).toBe(false);
    const quote = map.text.indexOf('"');
    expect(text.slice(map.starts[quote]!, map.ends[quote]!)).toBe('\\"');
    const accent = map.text.indexOf("é");
    expect(text.slice(map.starts[accent]!, map.ends[accent]!)).toBe("\\u00e9");
    const y = map.text.indexOf("y");
    expect(text[map.starts[y]!]).toBe("y");
  });

  it("maps doubled single quotes to both quote characters", () => {
    const text = "when: 'it''s = x'\n";
    const { map } = mapped(text);
    expect(map.text).toBe("it's = x");
    expect(text.slice(map.starts[2]!, map.ends[2]!)).toBe("''");
    expect(text[map.starts[7]!]).toBe("x");
  });

  it("maps the lines of a literal block scalar past their indentation", () => {
    const text = "when: |\n  budget >= 10\n  and role in deciders\n";
    const { map } = mapped(text);
    expect(map.text).toBe("budget >= 10\nand role in deciders\n");
    const role = map.text.indexOf("role");
    expect(text.slice(map.starts[role]!, map.ends[role + 3]!)).toBe("role");
    expect(text.slice(0, map.starts[role]!).split("\n").length).toBe(3);
  });

  it("maps a folded block scalar's joined lines", () => {
    const text = "when: >-\n    a and\n    b\n";
    const { map } = mapped(text);
    expect(map.text).toBe("a and b");
    expect(text[map.starts[6]!]).toBe("b");
    expect(text[map.starts[5]!]).toBe("\n");
  });

  it("keeps numbers and booleans as written in a plain scalar", () => {
    expect(mapped("points: +20\n").map.text).toBe("+20");
    expect(mapped("when: True\n").map.text).toBe("true");
  });

  it("maps every character of any string, in every scalar style, to where it was written", () => {
    const styles = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED] as const;
    const alphabet = fc.constantFrom(..."ab xy>=()\"'\\#:-\n\té_1".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 30 }).map((cs) => cs.join("")), fc.constantFrom(...styles), fc.nat(3), (value, style, depth) => {
        const scalar = new Scalar(value);
        scalar.type = style;
        let content: unknown = { when: scalar };
        for (let i = 0; i < depth; i++) content = { nested: content };
        const text = new Document(content).toString();
        let node = parseDocument(text).contents;
        for (let i = 0; i <= depth; i++) node = isMap(node) ? (node.items[0]?.value as typeof node) : node;
        if (!isScalar(node) || node.value !== value) return; // the writer may pick another style; only exact round trips are informative
        const map = scalarText(text, node);
        expect(map.text).toBe(value);
        expect(map.starts.length).toBe(value.length + 1);
        const [start, end] = node.range ?? [0, 0];
        for (let i = 0; i < value.length; i++) {
          const at = map.starts[i]!;
          expect(at).toBeGreaterThanOrEqual(start);
          expect(at).toBeLessThanOrEqual(end);
          if (i > 0) expect(at).toBeGreaterThanOrEqual(map.starts[i - 1]!);
          const c = value[i]!;
          const written = text[at];
          // Blanks may stand for folded line breaks; escapes and doubled quotes start with their own mark.
          if (c === " " || c === "\n" || c === "\t") expect(" \n\t\\".includes(written ?? "")).toBe(true);
          else if (written !== c) expect(node.type === Scalar.QUOTE_DOUBLE && written === "\\").toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
