import { readFileSync } from "node:fs";
import type { TokenType } from "chevrotain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { IGrammar } from "vscode-textmate";
import { printModel } from "../../language/src/format/format.js";
import { FUNCTIONS } from "../../language/src/checker/functions.js";
import * as T from "../../language/src/lexer/tokens.js";
import { qual2ModelArb, tokenSoupArb } from "../../language/test/arbitraries/model.js";
import { grammarSource } from "../scripts/grammar-source.mjs";
import { buildGrammar, grammarFileText } from "../src/grammar/build-grammar.js";
import { exampleModels, ROOT } from "./examples.js";
import { GRAMMAR_PATH, loadQualGrammar, scopesByOffset } from "./textmate.js";
import { checkCoverage, meaningfulScopes, TOKEN_KINDS } from "./token-coverage.js";

/** Texts that reach the corners of the lexer: every token type, the words' edges, broken input. */
const CORNERS = [
  "inputs width notable or order _x9 within with in input",
  "12count 3all of (a) 2026-01-312 1_ 1.x .5 10_000 2.5",
  'x = "a \\"b\\" c" and y = "unterminated',
  'z = "bad \\q escape" and w = "ends in backslash\\',
  "domain(email) ends with @ourco.example",
  "a == b && c || d ?? e ? f",
  "x >= 1 <= 2 != 3 > 4 < 5 + 6 - 7 * 8 / 9",
  "[a, b]: {c}.d",
  "é $ | & ! ~ ^ `",
  "set meddic \"MEDDIC\" = (a, b)\nset = 3",
  "score fit \"Fit\" min -10 max fit_cap + 5 {\n  \"Big\": +10 when x > 1\n}",
  "input {\n  deals: list of { stage: one of (\"open\", \"won\")  amount: number? }\n  at: date?\n  text: text = \"x\" # trailing\n}",
  "criterion c \"C\" = (count of activities where kind = \"demo\" and at within 30 days) >= 2",
  "let last = latest of activities.at where kind = \"demo\"\nlet n = sum of deals.amount\nlet m = avg of deals.amount where amount is present",
  "tier hot \"Hot\" when x is missing or not y in [1, 2] or z between 1 and 2\ntier cold \"Cold\" otherwise",
  "let v = if true then max(1, 2) else min(3, false)\ndisqualify \"No\" when s matches \"^a\" or s contains \"b\" or s starts with \"c\"",
  "model m \"M\"\nconst k = none of (a) and any of (b) and all of (c) and earliest of d.e\n#region\n# endregion",
];

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await loadQualGrammar();
});

describe("the generated grammar", () => {
  it("is the committed syntaxes/qual.tmLanguage.json, built from the current lexer", () => {
    const generated = grammarFileText(buildGrammar(grammarSource(T, FUNCTIONS)));
    expect(readFileSync(GRAMMAR_PATH, "utf8"), "run `node packages/vscode/scripts/generate-grammar.mjs` after `tsc -b`").toBe(generated);
  });

  it("refuses a lexer word it does not know how to colour", () => {
    const source = grammarSource(T, FUNCTIONS);
    expect(() => buildGrammar({ ...source, reservedWords: [...source.reservedWords, "unless"] })).toThrow(/unless/);
    expect(() => buildGrammar({ ...source, contextualWords: [...source.contextualWords, "median"] })).toThrow(/median/);
  });
});

describe("the grammar against the lexer", () => {
  it("knows the kind of every token type of the lexer", () => {
    const unknown = T.allTokens.filter((type) => type !== T.WhiteSpace && !TOKEN_KINDS.has(type)).map((type) => type.name);
    expect(unknown).toEqual([]);
  });

  it.each(exampleModels().map((path) => [path.slice(ROOT.length), path]))("colours %s with every token in a scope of its kind", (_name, path) => {
    expect(checkCoverage(grammar, readFileSync(path, "utf8")).problems).toEqual([]);
  });

  it.each(CORNERS.map((text) => [text]))("colours the corner case %j with every token in a scope of its kind", (text) => {
    expect(checkCoverage(grammar, text).problems).toEqual([]);
  });

  it("meets every token type of the lexer in the examples and corner cases", () => {
    const seen = new Set<TokenType>();
    for (const text of [...exampleModels().map((path) => readFileSync(path, "utf8")), ...CORNERS]) {
      for (const type of checkCoverage(grammar, text).seen) seen.add(type);
    }
    const missing = T.allTokens.filter((type) => type !== T.WhiteSpace && !seen.has(type)).map((type) => type.name);
    expect(missing).toEqual([]);
  });

  it("colours random printed models with every token in a scope of its kind", () => {
    fc.assert(
      fc.property(qual2ModelArb, (model) => {
        const problems = checkCoverage(grammar, printModel(model)).problems;
        expect(problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("colours random token soup with every token in a scope of its kind", () => {
    fc.assert(
      fc.property(tokenSoupArb, (text) => {
        expect(checkCoverage(grammar, text).problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** The meaningful scopes over the `nth` occurrence of `word` in `text`. */
function scopesOf(text: string, word: string, nth = 1): string[] {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = text.indexOf(word, offset + 1);
  if (offset < 0) throw new Error(`${word} is not in ${text}`);
  return meaningfulScopes(scopesByOffset(grammar, text)[offset]!);
}

describe("contextual words", () => {
  it.each([
    ["criterion q \"Q\" = at least 2 of (a, b)", "at", 1, "keyword.operator.quantifier.qual"],
    ["criterion q \"Q\" = at least 2 of (a, b)", "least", 1, "keyword.operator.quantifier.qual"],
    ["let n = sum of deals.amount where stage = \"won\"", "sum", 1, "keyword.operator.quantifier.qual"],
    ["let n = sum of deals.amount where stage = \"won\"", "where", 1, "keyword.control.where.qual"],
    ["criterion g \"G\" = phone is missing", "missing", 1, "keyword.operator.word.qual"],
    ["criterion r \"R\" = at within 30 days", "within", 1, "keyword.operator.word.qual"],
    ["criterion r \"R\" = at within 30 days", "days", 1, "keyword.operator.word.qual"],
    ["score s \"S\" min 0 max 60 {", "min", 1, "keyword.other.bound.qual"],
    ["score s \"S\" max cap + 5 {", "max", 1, "keyword.other.bound.qual"],
    ["set meddic = (a, b)", "set", 1, "keyword.declaration.qual"],
    ["input {\n  n: number?\n  plan: one of (\"a\")\n}", "number", 1, "support.type.primitive.qual"],
    ["input {\n  tags: list of text\n}", "list", 1, "support.type.qual"],
    ["let x = count(tags)", "count", 1, "support.function.builtin.qual"],
  ])("in %j, %s (occurrence %i) is %s", (text, word, nth, scope) => {
    expect(scopesOf(text, word, nth)).toContain(scope);
  });

  it.each([
    ["criterion c \"C\" = count > 3 and days < 2 and at = 1", "count"],
    ["criterion c \"C\" = count > 3 and days < 2 and at = 1", "days"],
    ["criterion c \"C\" = count > 3 and days < 2 and at = 1", "at"],
    ["let t = text ?? \"none\"", "text"],
    ["let s = set + 1", "set"],
  ])("in %j, %s is a name", (text, word) => {
    const scopes = scopesOf(text, word);
    expect(scopes.some((scope) => scope.startsWith("keyword."))).toBe(false);
    expect(scopes.some((scope) => scope.startsWith("variable."))).toBe(true);
  });

  it("names what a declaration introduces", () => {
    const text = "model bant \"BANT\"\nconst k = 1\nlet v = 2\ncriterion c \"C\" = true\nscore s \"S\" = 1\ntier t \"T\" otherwise";
    expect(scopesOf(text, "bant")).toContain("entity.name.type.model.qual");
    expect(scopesOf(text, "k ")).toContain("variable.other.constant.qual");
    expect(scopesOf(text, "c \"C\"")).toContain("entity.name.function.criterion.qual");
    expect(scopesOf(text, "s \"S\"")).toContain("entity.name.function.score.qual");
    expect(scopesOf(text, "t \"T\"")).toContain("entity.name.type.tier.qual");
  });
});
