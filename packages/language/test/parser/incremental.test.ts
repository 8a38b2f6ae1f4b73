import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createIncrementalParser } from "../../src/parser/incremental-parser.js";
import { parse } from "../../src/parser/parse.js";
import { qual2ModelArb, QUAL_PIECES } from "../arbitraries/model.js";
import { printSource } from "../arbitraries/print-source.js";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** A valid model of score groups, like the editor's latency model but smaller. */
function groupsModel(groups: number, rulesPerGroup: number): string {
  const lines = ['model g "Groups"', "", "input {"];
  for (let f = 0; f < 6; f++) lines.push(`  f${f}: number?`);
  lines.push("}", "");
  for (let g = 0; g < groups; g++) {
    lines.push(`score g${g} "Group ${g}" max 100 {`);
    for (let r = 0; r < rulesPerGroup; r++) lines.push(`  "Rule ${g}-${r}": +${(r % 9) + 1} when f${r % 6} >= ${r * 10}`);
    lines.push("}", "");
  }
  lines.push(`criterion big "Big" = g0 >= 10`, `tier hot "Hot" when big`, `tier cold "Cold" otherwise`, "");
  return lines.join("\n");
}

/** One edit: replace `remove` characters at a fraction of the text with `insert`. */
interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * (text.length + 1));
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

/** Edits as people make them: a character, a word, a line break, a deleted span, a pasted piece of Qual. */
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
  insert: fc.oneof(
    fc.constant(""),
    fc.constantFrom(" ", "\n", "  ", "=", '"', "{", "}", "(", ")", "x", "#"),
    fc.constantFrom(...QUAL_PIECES),
    fc.string({ maxLength: 4 }),
    fc.constantFrom('\nconst k = 1\n', '\n  "New": +1 when f0 > 1\n', "score s { ", "tier t otherwise\n"),
  ),
});

/** Runs `edits` on `text`, checking after each that the incremental parse equals a fresh one. */
function expectSameAsFreshParse(text: string, edits: readonly Edit[]): void {
  const incremental = createIncrementalParser();
  let current = text;
  expect(incremental.parse(current)).toStrictEqual(parse(current));
  for (const edit of edits) {
    current = applyEdit(current, edit);
    expect(incremental.parse(current, { file: "m.qual" })).toStrictEqual(parse(current, { file: "m.qual" }));
  }
}

describe("the incremental parser", () => {
  it("gives what parse gives after every edit of a random sequence on generated models", () => {
    fc.assert(
      fc.property(qual2ModelArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), (model, edits) => {
        expectSameAsFreshParse(printSource(model), edits);
      }),
      { numRuns: 150 },
    );
  });

  it("gives what parse gives after random edits of the example models and a model of score groups", () => {
    const texts = [fixture("inbound.qual"), fixture("bant.qual"), groupsModel(4, 12)];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(editArb, { minLength: 1, maxLength: 15 }), (text, edits) => {
        expectSameAsFreshParse(text, edits);
      }),
      { numRuns: 60 },
    );
  });

  it("gives what parse gives while an edit is undone and redone (pieces come back from older versions)", () => {
    const text = groupsModel(3, 5);
    const broken = text.replace(">= 20", ">== 20");
    const incremental = createIncrementalParser();
    for (const version of [text, broken, text, broken, text]) expect(incremental.parse(version)).toStrictEqual(parse(version));
  });

  it("re-uses the trees of unchanged declarations before an edit, and moves the ones after it", () => {
    const text = groupsModel(3, 4);
    const incremental = createIncrementalParser();
    const before = incremental.parse(text);
    const edited = text.replace('"Rule 1-2"', '"Rule 1-2 (edited)"');
    const after = incremental.parse(edited);
    expect(after).toStrictEqual(parse(edited));
    // Input blocks and rules are pieces of their own; a score group is assembled from its rules each time.
    expect(after.ast.input).toBe(before.ast.input);
    const [g0, g1, g2] = after.ast.declarations;
    const [b0, b1, b2] = before.ast.declarations;
    if (g0?.kind !== "ScoreGroupDecl" || g1?.kind !== "ScoreGroupDecl" || g2?.kind !== "ScoreGroupDecl") throw new Error("expected score groups");
    if (b0?.kind !== "ScoreGroupDecl" || b1?.kind !== "ScoreGroupDecl" || b2?.kind !== "ScoreGroupDecl") throw new Error("expected score groups");
    expect(g0.rules).toEqual(b0.rules);
    g0.rules.forEach((rule, i) => expect(rule).toBe(b0.rules[i]));
    expect(g1.rules[0]).toBe(b1.rules[0]);
    expect(g1.rules[2]).not.toStrictEqual(b1.rules[2]);
    // The rules after the edit are the same trees, moved 9 characters on in place.
    const oldStart = b2.range.start.offset;
    expect(g2.rules[0]).toBe(b2.rules[0]);
    expect(g2.range.start.offset).toBe(oldStart + " (edited)".length);
    expect(g2.range.start.line).toBe(b2.range.start.line);
  });

  it("gives each occurrence of a piece that appears twice its own tree at its own place", () => {
    const rule = '  "Same": +1 when f0 > 1\n';
    const text = `model m\ninput { f0: number? }\nscore a {\n${rule}${rule}}\n`;
    const incremental = createIncrementalParser();
    incremental.parse(text);
    const edited = "\n" + text;
    const result = incremental.parse(edited);
    expect(result).toStrictEqual(parse(edited));
    const group = result.ast.declarations[0];
    if (group?.kind !== "ScoreGroupDecl") throw new Error("expected a score group");
    expect(group.rules[0]).not.toBe(group.rules[1]);
    expect(group.rules.map((r) => r.range.start.line)).toEqual([5, 6]);
  });

  it("moves lines and keeps columns when lines are inserted above, and re-parses a piece whose column changed", () => {
    const text = groupsModel(2, 3);
    const incremental = createIncrementalParser();
    incremental.parse(text);
    const moved = "# a new first line\n\n" + text.replace('score g1 "Group 1"', '   score g1 "Group 1"');
    const result = incremental.parse(moved);
    expect(result).toStrictEqual(parse(moved));
    const group = result.ast.declarations[1];
    expect(group?.range.start).toEqual({ offset: moved.indexOf("score g1"), line: text.split("\n").indexOf('score g1 "Group 1" max 100 {') + 3, column: 4 });
  });

  it("reports syntax errors with their codes and ranges in every version, naming the line of an unclosed bracket's opener", () => {
    const text = 'model m "M"\ninput { a: number }\nconst c = (a + 1\nconst d = 2\n';
    const incremental = createIncrementalParser();
    const first = incremental.parse(text);
    expect(first.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([["QUAL110", 3, 16]]);
    expect(first.diagnostics[0]?.message).toContain("opened at line 3, column 11");
    const shifted = "\n\n" + text;
    const second = incremental.parse(shifted);
    expect(second).toStrictEqual(parse(shifted));
    expect(second.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([["QUAL110", 5, 16]]);
    expect(second.diagnostics[0]?.message).toContain("opened at line 5, column 11");
  });

  it("applies its limits: too many declarations, and pieces nested too deeply", () => {
    const incremental = createIncrementalParser({ limits: { maxDeclarations: 3, maxNestingDepth: 4 } });
    const text = 'model m\nconst a = ((((((1))))))\nconst b = 2\nconst c = 3\nconst d = 4\n';
    const result = incremental.parse(text);
    expect(result).toStrictEqual(parse(text, { limits: { maxDeclarations: 3, maxNestingDepth: 4 } }));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL502", "QUAL503"]);
  });

  it("refuses unknown limits with a TypeError, as parse does", () => {
    expect(() => createIncrementalParser({ limits: { maxWidgets: 1 } as never })).toThrow(TypeError);
  });

  it("starts afresh after reset and still gives what parse gives", () => {
    const text = fixture("inbound.qual");
    const incremental = createIncrementalParser();
    const first = incremental.parse(text);
    incremental.reset();
    const second = incremental.parse(text);
    expect(second).toStrictEqual(first);
    expect(second.ast.declarations[0]).not.toBe(first.ast.declarations[0]);
  });
});
