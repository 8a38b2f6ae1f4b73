import { describe, expect, it } from "vitest";
import { lex, unescapeString } from "../../src/lexer/lexer.js";
import { PositionMapper } from "../../src/lexer/positions.js";
import { allTokens, contextualWords, Identifier, reservedWords } from "../../src/lexer/tokens.js";

function kinds(text: string): string[] {
  return lex(text, new PositionMapper()).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe("the lexer", () => {
  it.each([
    ["budget_usd", ["Identifier:budget_usd"]],
    ["_x9", ["Identifier:_x9"]],
    ["input", ["Input:input"]],
    ["inputs", ["Identifier:inputs"]],
    ["in", ["In:in"]],
    ["within", ["Within:within"]],
    ["with", ["With:with"]],
    ["width", ["Identifier:width"]],
    ["notable", ["Identifier:notable"]],
    ["or order", ["Or:or", "Identifier:order"]],
    ["10000", ["NumberLiteral:10000"]],
    ["10_000", ["NumberLiteral:10_000"]],
    ["2.5", ["NumberLiteral:2.5"]],
    ["2026-01-31", ["DateLiteral:2026-01-31"]],
    ["2026 - 01", ["NumberLiteral:2026", "Minus:-", "NumberLiteral:01"]],
    ['"a \\"b\\" c"', ['StringLiteral:"a \\"b\\" c"']],
    [">= <= != > < = ?? ?", ["GreaterEquals:>=", "LessEquals:<=", "NotEquals:!=", "Greater:>", "Less:<", "Equals:=", "Coalesce:??", "Question:?"]],
    ["+-*/()[]{},:.", ["Plus:+", "Minus:-", "Star:*", "Slash:/", "LParen:(", "RParen:)", "LBracket:[", "RBracket:]", "LCurly:{", "RCurly:}", "Comma:,", "Colon::", "Dot:."]],
    ["a.b", ["Identifier:a", "Dot:.", "Identifier:b"]],
    ["x # a comment\ny", ["Identifier:x", "Identifier:y"]],
  ])("reads %j as %j", (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it("makes every reserved word its own token and never a name", () => {
    for (const type of reservedWords) {
      const word = (type.PATTERN as RegExp).source;
      const [token] = lex(word, new PositionMapper()).tokens;
      expect(token?.tokenType).toBe(type);
      expect(token?.tokenType.CATEGORIES ?? []).not.toContain(Identifier);
    }
  });

  it("makes every contextual word a token that also counts as a name", () => {
    for (const type of contextualWords) {
      const word = (type.PATTERN as RegExp).source;
      const [token] = lex(word, new PositionMapper()).tokens;
      expect(token?.tokenType).toBe(type);
      expect(type.CATEGORIES).toContain(Identifier);
    }
  });

  it("names every token constant after itself", async () => {
    const module = (await import("../../src/lexer/tokens.js")) as Record<string, unknown>;
    for (const type of allTokens) expect(module[type.name]).toBe(type);
  });

  it("keeps comments apart with their text and range", () => {
    const result = lex("a # first\n  # second", new PositionMapper());
    expect(result.comments.map((c) => [c.image, c.startLine, c.startColumn])).toEqual([
      ["# first", 1, 3],
      ["# second", 2, 3],
    ]);
  });

  it("reports an unknown character with its exact range", () => {
    const result = lex("a @ b", new PositionMapper());
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d?.code).toBe("QUAL101");
    expect(d?.message).toContain("`@`");
    expect(d?.range).toEqual({ start: { offset: 2, line: 1, column: 3 }, end: { offset: 3, line: 1, column: 4 } });
  });

  it("reports an unterminated string and still produces a string token", () => {
    const result = lex('x = "open\ny', new PositionMapper());
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL102"]);
    expect(result.diagnostics[0]?.range).toEqual({ start: { offset: 4, line: 1, column: 5 }, end: { offset: 9, line: 1, column: 10 } });
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(["Identifier", "Equals", "UnterminatedString", "Identifier"]);
  });

  it("reports an unknown escape at the backslash", () => {
    const result = lex('"a\\qb"', new PositionMapper());
    expect(result.diagnostics.map((d) => [d.code, d.range.start.column, d.range.end.column])).toEqual([["QUAL103", 3, 5]]);
  });

  it.each([
    ['"plain"', "plain"],
    ['"q\\"uote"', 'q"uote'],
    ['"back\\\\slash"', "back\\slash"],
    ['"a\\nb\\tc"', "a\nb\tc"],
    ['"open', "open"],
    ['"ends\\"', 'ends"'],
  ])("unescapes %j to %j", (image, value) => {
    expect(unescapeString(image)).toBe(value);
  });

  it("skips a byte-order mark at the start of a file", () => {
    const result = lex("\uFEFFmodel m", new PositionMapper());
    expect(result.diagnostics).toEqual([]);
    expect(result.tokens.map((t) => t.image)).toEqual(["model", "m"]);
  });

  it("names invisible unknown characters by code point", () => {
    const result = lex("a\u00a0b", new PositionMapper());
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["QUAL101", "Unexpected character U+00A0: it is not part of the Qual language"]]);
    expect(result.tokens.map((t) => t.image)).toEqual(["a", "b"]);
  });

  it("counts lines on \\n only, so CRLF files keep their line numbers", () => {
    const tokens = lex("a\r\nb\r\n  c", new PositionMapper()).tokens;
    expect(tokens.map((t) => [t.image, t.startLine, t.startColumn])).toEqual([
      ["a", 1, 1],
      ["b", 2, 1],
      ["c", 3, 3],
    ]);
  });
});
