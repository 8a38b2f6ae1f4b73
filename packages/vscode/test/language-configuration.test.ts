import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conf as monacoConf } from "../../editor/src/language/qual-monarch.js";
import { format } from "../../language/src/format/format.js";
import { tokenize } from "../../language/src/lexer/lexer.js";
import { LCurly, LBracket, LParen, RBracket, RCurly, RParen } from "../../language/src/lexer/tokens.js";
import { exampleModels, ROOT } from "./examples.js";

interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  folding: { markers: { start: string; end: string } };
}

const configuration = JSON.parse(
  readFileSync(new URL("../language-configuration.json", import.meta.url), "utf8"),
) as LanguageConfiguration;
// VS Code compiles these strings as JavaScript regular expressions.
const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);

const OPENERS = new Set([LCurly, LBracket, LParen]);
const CLOSERS = new Set([RCurly, RBracket, RParen]);

/** For each line of a text: whether its last token opens a bracket, and whether its first token closes one (by the real lexer). */
function bracketLines(text: string): { opens: boolean; closes: boolean }[] {
  const lines = text.split("\n").map(() => ({ opens: false, closes: false }));
  const { tokens } = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const line = (token.startLine ?? 1) - 1;
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (OPENERS.has(token.tokenType) && (next === undefined || next.startLine !== token.startLine)) lines[line]!.opens = true;
    if (CLOSERS.has(token.tokenType) && (previous === undefined || previous.startLine !== token.startLine)) lines[line]!.closes = true;
  }
  return lines;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

describe("the language configuration", () => {
  it("edits like the Monaco editor: same comments, brackets, pairs and words", () => {
    expect(configuration.comments.lineComment).toBe(monacoConf.comments?.lineComment);
    expect(configuration.brackets).toEqual(monacoConf.brackets);
    expect(configuration.autoClosingPairs).toEqual(monacoConf.autoClosingPairs);
    expect(configuration.surroundingPairs).toEqual(monacoConf.surroundingPairs?.map((pair) => [pair.open, pair.close]));
    expect(configuration.wordPattern).toBe((monacoConf.wordPattern as RegExp).source);
    expect(configuration.folding.markers.start).toBe(monacoConf.folding?.markers?.start.source);
    expect(configuration.folding.markers.end).toBe(monacoConf.folding?.markers?.end.source);
  });

  it.each(exampleModels().map((path) => [path.slice(ROOT.length), path]))(
    "indents %s where its lines open and close brackets, by the lexer's tokens",
    (_name, path) => {
      const text = readFileSync(path, "utf8");
      const lines = text.split("\n");
      const wrong: string[] = [];
      bracketLines(text).forEach(({ opens, closes }, i) => {
        if (increase.test(lines[i]!) !== opens) wrong.push(`line ${i + 1} ${opens ? "opens" : "does not open"} a block: ${lines[i]}`);
        if (decrease.test(lines[i]!) !== closes) wrong.push(`line ${i + 1} ${closes ? "closes" : "does not close"} a block: ${lines[i]}`);
      });
      expect(wrong).toEqual([]);
    },
  );

  it.each(exampleModels().map((path) => [path.slice(ROOT.length), path]))(
    "indents the formatted %s as the formatter does: one level (two spaces) inside a block, back at its close",
    (_name, path) => {
      const formatted = format(readFileSync(path, "utf8")).text;
      expect(formatted, "the example formats").toBeDefined();
      const lines = formatted!.split("\n");
      const open: number[] = [];
      const wrong: string[] = [];
      let afterOpener: number | undefined;
      lines.forEach((line, i) => {
        if (line.trim() === "") return;
        if (decrease.test(line)) {
          const opener = open.pop();
          if (opener === undefined || indentOf(line) !== opener) wrong.push(`line ${i + 1} closes at ${indentOf(line)}, its block opened at ${opener}`);
        } else if (afterOpener !== undefined && indentOf(line) !== afterOpener + 2) {
          wrong.push(`line ${i + 1} is at ${indentOf(line)} after a block opened at ${afterOpener}`);
        }
        afterOpener = undefined;
        if (increase.test(line)) {
          open.push(indentOf(line));
          afterOpener = indentOf(line);
        }
      });
      expect(wrong).toEqual([]);
      expect(open, "every block closes").toEqual([]);
    },
  );

  it("does not take a bracket inside a string or a comment for a block", () => {
    expect(increase.test('tier a "Label {" when x')).toBe(false);
    expect(increase.test("criterion c = x # see {")).toBe(false);
    expect(increase.test('score s "S {" max 5 {')).toBe(true);
    expect(increase.test("const big = [ # the list")).toBe(true);
  });
});
