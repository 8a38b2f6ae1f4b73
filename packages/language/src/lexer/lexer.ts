import type { Diagnostic, SourceRange } from "@qualify/ir";
import { Lexer } from "#chevrotain";
import type { ILexingError, IToken, TokenType } from "chevrotain";
import { SyntaxCode } from "../parser/syntax-codes.js";
import type { PositionMapper } from "./positions.js";
import { AmpAmp, allTokens, DoubleEquals, PipePipe, StringLiteral, UnknownCharacters, UnquotedText, UnterminatedString } from "./tokens.js";

/** The lexer, built once: building it validates and optimises every pattern. */
const qualLexer = new Lexer(allTokens as never[], {
  positionTracking: "full",
  // Only `\n` ends a line, as in the shared LineMap, so that both agree on line numbers.
  lineTerminatorsPattern: /\n/g,
  lineTerminatorCharacters: ["\n"],
  ensureOptimizations: true,
});

/** The tokens of a text, its comments and the lexical problems found. */
export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

/**
 * What chevrotain's lexer found in a text, before Qual reads it: every token
 * (unknown characters included), the comments and the characters no
 * pattern took, each in text order.
 */
export interface RawLex {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly errors: ILexingError[];
}

/** Runs chevrotain's lexer. Never throws. */
export function tokenize(text: string): RawLex {
  const result = qualLexer.tokenize(text);
  return { tokens: result.tokens, comments: result.groups["comments"] ?? [], errors: result.errors };
}

/** Splits a text into tokens. Never throws; problems become diagnostics. */
export function lex(text: string, positions: PositionMapper): LexResult {
  return readTokens(text, tokenize(text), positions);
}

/** Qual's reading of a raw lex: unknown characters and bad strings become diagnostics, the rest tokens. */
export function readTokens(text: string, raw: RawLex, positions: PositionMapper): LexResult {
  const diagnostics: Diagnostic[] = [];
  for (const error of raw.errors) {
    const start = positions.at(error.offset, error.line ?? 1, error.column ?? 1);
    const end = positions.at(error.offset + error.length, error.line ?? 1, (error.column ?? 1) + error.length);
    diagnostics.push(unknownCharacters(text.slice(error.offset, error.offset + error.length), { start, end }));
  }
  const tokens: IToken[] = [];
  for (const token of raw.tokens) {
    if (token.tokenType === UnknownCharacters) {
      diagnostics.push(unknownCharacters(token.image, positions.tokenRange(token)));
      continue;
    }
    tokens.push(token);
    if (token.tokenType === UnterminatedString) {
      diagnostics.push({
        code: SyntaxCode.UnterminatedString,
        severity: "error",
        message: 'This text has no closing `"`: a string must end on the line where it starts',
        range: positions.tokenRange(token),
      });
    }
    const foreign = FOREIGN_OPERATORS.get(token.tokenType);
    if (foreign !== undefined) {
      diagnostics.push({ code: SyntaxCode.ForeignOperator, severity: "error", message: foreign, range: positions.tokenRange(token) });
    } else if (token.tokenType === UnquotedText) {
      diagnostics.push(unquotedText(token.image, positions.tokenRange(token)));
    }
    if ((token.tokenType === StringLiteral || token.tokenType === UnterminatedString) && token.image.includes("\\")) {
      checkEscapes(token, positions, diagnostics);
    }
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { tokens, comments: raw.comments, diagnostics };
}

/** What to write instead of an operator from another language. */
const FOREIGN_OPERATORS: ReadonlyMap<TokenType, string> = new Map([
  [DoubleEquals, "Qual compares with a single `=`: write `=` instead of `==`"],
  [AmpAmp, "Qual writes `and`: use `and` instead of `&&`"],
  [PipePipe, "Qual writes `or`: use `or` instead of `||`"],
]);

/** The diagnostic for text values written without quotes; the parser uses it too (`one of (low, high)`). */
export function unquotedText(texts: string | readonly string[], range: SourceRange): Diagnostic {
  const list = typeof texts === "string" ? [texts] : texts;
  return {
    code: SyntaxCode.UnquotedText,
    severity: "error",
    message: `Text values are written in double quotes: ${list.map((t) => JSON.stringify(t)).join(", ")}`,
    range,
  };
}

function unknownCharacters(bad: string, range: SourceRange): Diagnostic {
  return {
    code: SyntaxCode.UnknownCharacter,
    severity: "error",
    message:
      bad.length === 1
        ? `Unexpected character ${describeCharacter(bad)}: it is not part of the Qual language`
        : `Unexpected characters ${describeCharacter(bad)}: they are not part of the Qual language`,
    range,
  };
}

const VALID_ESCAPES = new Set(['"', "\\", "n", "t"]);

function checkEscapes(token: IToken, positions: PositionMapper, diagnostics: Diagnostic[]): void {
  const image = token.image;
  for (let i = 1; i < image.length; i++) {
    if (image[i] !== "\\") continue;
    const next = image[i + 1];
    if (next === undefined || !VALID_ESCAPES.has(next)) {
      const line = token.startLine ?? 1;
      const column = (token.startColumn ?? 1) + i;
      const width = next === undefined ? 1 : 2;
      diagnostics.push({
        code: SyntaxCode.InvalidEscape,
        severity: "error",
        message:
          next === undefined
            ? "A backslash at the end of a string escapes nothing; write `\\\\` for a backslash"
            : `Unknown escape \`\\${next}\`: a string may use \`\\"\`, \`\\\\\`, \`\\n\` and \`\\t\`; write \`\\\\\` for a backslash`,
        range: {
          start: positions.at(token.startOffset + i, line, column),
          end: positions.at(token.startOffset + i + width, line, column + width),
        },
      });
    }
    i++;
  }
}

function describeCharacter(text: string): string {
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  // Invisible and space-like characters are named by code point, or the message would show nothing.
  if (/^[\x21-\x7e\u00a1-\u1fff\u2030-\ud7ff\ue000-\ufeff]+$/.test(shown) && !shown.includes("`")) return `\`${shown}\``;
  return Array.from(shown, (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
}

/**
 * The value of a string token: quotes removed and escapes replaced. An
 * unknown escape keeps the escaped character (it has been reported).
 */
export function unescapeString(image: string): string {
  const closed = image.length >= 2 && image.endsWith('"') && !isEscapedQuote(image);
  const body = image.slice(1, closed ? -1 : undefined);
  if (!body.includes("\\")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = body[++i];
    if (next === "n") out += "\n";
    else if (next === "t") out += "\t";
    else if (next !== undefined) out += next;
  }
  return out;
}

/** True when the final `"` of an unterminated string is itself escaped (`"abc\"`). */
function isEscapedQuote(image: string): boolean {
  let backslashes = 0;
  for (let i = image.length - 2; i >= 1 && image[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 1;
}
