import type { TokenType } from "chevrotain";
import type { IGrammar } from "vscode-textmate";
import { tokenize } from "../../language/src/lexer/lexer.js";
import * as T from "../../language/src/lexer/tokens.js";
import { scopesByOffset } from "./textmate.js";

/** What a lexer token is, for colouring: each kind admits some TextMate scopes. */
export type TokenKind =
  | "comment" | "keyword" | "boolean" | "contextual" | "name" | "number" | "string"
  | "operator" | "foreign" | "punctuation" | "unknown";

/**
 * The scopes each kind may take (the innermost meaningful scope or any
 * enclosing one). A contextual word is a keyword inside its construct and a
 * name elsewhere, so it admits both; a plain identifier is never a keyword.
 */
export const KIND_SCOPES: Readonly<Record<TokenKind, readonly RegExp[]>> = {
  comment: [/^comment\./],
  keyword: [/^keyword\./],
  boolean: [/^constant\.language\./],
  contextual: [/^keyword\./, /^variable\./, /^entity\.name\./, /^support\.(?:function|type)\./],
  name: [/^variable\./, /^entity\.name\./, /^support\.function\./],
  number: [/^constant\.numeric\./],
  string: [/^string\./],
  operator: [/^keyword\.operator\./],
  foreign: [/^invalid\.illegal\./],
  punctuation: [/^punctuation\./],
  unknown: [/^invalid\.illegal\./],
};

const OPERATORS = [T.GreaterEquals, T.LessEquals, T.NotEquals, T.Greater, T.Less, T.Equals, T.Coalesce, T.Question, T.Plus, T.Minus, T.Star, T.Slash];
const PUNCTUATION = [T.LParen, T.RParen, T.LBracket, T.RBracket, T.LCurly, T.RCurly, T.Comma, T.Colon, T.Dot];

/** The kind of every token type of the lexer but white space. */
export const TOKEN_KINDS: ReadonlyMap<TokenType, TokenKind> = new Map<TokenType, TokenKind>([
  [T.Comment, "comment"],
  ...T.reservedWords.map((type): [TokenType, TokenKind] => [type, type === T.True || type === T.False ? "boolean" : "keyword"]),
  ...T.contextualWords.map((type): [TokenType, TokenKind] => [type, "contextual"]),
  [T.Identifier, "name"],
  [T.DateLiteral, "number"],
  [T.NumberLiteral, "number"],
  [T.StringLiteral, "string"],
  [T.UnterminatedString, "string"],
  [T.UnquotedText, "string"],
  ...OPERATORS.map((type): [TokenType, TokenKind] => [type, "operator"]),
  [T.DoubleEquals, "foreign"],
  [T.AmpAmp, "foreign"],
  [T.PipePipe, "foreign"],
  ...PUNCTUATION.map((type): [TokenType, TokenKind] => [type, "punctuation"]),
  [T.UnknownCharacters, "unknown"],
]);

/** The scopes that say something about a character: not the root, not the `meta.*` regions. */
export function meaningfulScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => scope !== "source.qual" && !scope.startsWith("meta."));
}

/** What the coverage check found in one text. */
export interface Coverage {
  /** One line per character whose scopes do not fit its token, with where and why. */
  readonly problems: string[];
  /** The token types the text contains. */
  readonly seen: Set<TokenType>;
}

/**
 * Lexes a text with the real Qual lexer and tokenises it with the grammar,
 * and checks every character of every token: it must have a meaningful
 * scope, of its token's kind, and a plain identifier must have no keyword
 * scope. Characters that no token takes (the lexer's errors) must be
 * `invalid.illegal`; only white space may go without a scope.
 */
export function checkCoverage(grammar: IGrammar, text: string): Coverage {
  const scopes = scopesByOffset(grammar, text);
  const raw = tokenize(text);
  const problems: string[] = [];
  const seen = new Set<TokenType>();
  const covered = new Array<boolean>(text.length).fill(false);
  const where = (offset: number): string => {
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    return `${line}:${offset - before.lastIndexOf("\n")}`;
  };
  const expect = (offset: number, kind: TokenKind, what: string): void => {
    covered[offset] = true;
    const meaningful = meaningfulScopes(scopes[offset]!);
    const fits = meaningful.some((scope) => KIND_SCOPES[kind].some((pattern) => pattern.test(scope)));
    const keywordName = kind === "name" && meaningful.some((scope) => scope.startsWith("keyword."));
    if (!fits || keywordName) {
      problems.push(`${where(offset)} ${JSON.stringify(text[offset])} of ${what} (${kind}) has scopes [${meaningful.join(", ")}]`);
    }
  };
  for (const token of [...raw.tokens, ...raw.comments]) {
    const kind = TOKEN_KINDS.get(token.tokenType);
    if (kind === undefined) throw new Error(`the coverage check has no kind for the lexer's token ${token.tokenType.name}`);
    seen.add(token.tokenType);
    const what = `${token.tokenType.name} ${JSON.stringify(token.image)}`;
    for (let offset = token.startOffset; offset < token.startOffset + token.image.length; offset++) expect(offset, kind, what);
  }
  for (const error of raw.errors) {
    for (let offset = error.offset; offset < error.offset + error.length; offset++) expect(offset, "unknown", "a lexer error");
  }
  for (let offset = 0; offset < text.length; offset++) {
    if (!covered[offset] && !/[ \t\r\n\uFEFF]/.test(text[offset]!)) problems.push(`${where(offset)} ${JSON.stringify(text[offset])} is in no lexer token`);
  }
  return { problems, seen };
}
