import type { Diagnostic, SourceRange } from "@qualify/ir";
import { tokenMatcher } from "#chevrotain";
import type { IRecognitionException, IToken, TokenType } from "chevrotain";
import type { ScoreRule } from "../ast.js";
import { isRealToken, type PositionMapper } from "../lexer/positions.js";
import * as T from "../lexer/tokens.js";
import type { Limits } from "../limits.js";
import type { CstToAst, TopLevel } from "./cst-to-ast.js";
import { describeToken, isReservedWord, splitCodedMessage } from "./error-messages.js";
import { scanNesting } from "./nesting-scan.js";
import { qualParser, runRule, type EntryRule } from "./parser.js";
import { SyntaxCode } from "./syntax-codes.js";

// How a model's tokens are cut into pieces (declarations, and the rules of a
// score group) and how each piece is parsed on its own. `parse` parses every
// piece; the incremental parser re-uses the trees of pieces it has seen.

/** The words that start a declaration. */
export const DECLARATION_KEYWORDS: ReadonlySet<TokenType> = new Set<TokenType>(T.declarationKeywords);
const NAMED_DECLARATIONS = new Set<TokenType>([T.Model, T.Const, T.Let, T.Criterion, T.Score, T.Tier]);
const COMPARISON_TOKENS = new Set<TokenType>([
  T.Equals, T.DoubleEquals, T.NotEquals, T.Less, T.LessEquals, T.Greater, T.GreaterEquals, T.In, T.Not, T.Contains, T.Starts, T.Ends,
  T.Between, T.Matches, T.Is, T.Within,
]);

/** The aggregates that only take a list (never items in parentheses). */
const LIST_AGGREGATES = new Set<TokenType>([T.Sum, T.Avg, T.Min, T.Max, T.Latest, T.Earliest]);

/**
 * Parses one piece of a model with one entry rule; syntax errors go to the
 * caller's diagnostics. `contiguous` says the piece's tokens follow each
 * other in the text (every piece but a score group's head, which leaves its
 * rules out), so that the piece's source text alone determines the result.
 */
export type PieceParser = <R>(piece: IToken[], rule: EntryRule, contiguous: boolean) => R | undefined;

/**
 * Whether the token at `i` starts a declaration. A declaration keyword right
 * after one that expects a name (`criterion score = ...`) or before a colon
 * (`score: number` in an input block) is a misused name, reported by the
 * parser. `set` is a contextual word: it starts a declaration only as
 * `set NAME =` or `set NAME "Label" =`, which no expression contains (a
 * name never follows an operand), so a field or value named `set` stays a
 * name. The one place a name may follow the name `set` is an aggregate's
 * `where` (`count of set where "a" = b`), hence the `of` and `.` before it;
 * and `score set "Label" = ...` names a score `set`.
 */
export function startsDeclaration(tokens: readonly IToken[], i: number): boolean {
  const token = tokens[i] as IToken;
  if (token.tokenType === T.SetWord) {
    const before = tokens[i - 1]?.tokenType;
    if (before === T.Of || before === T.Dot || NAMED_DECLARATIONS.has(before as TokenType)) return false;
    let next = i + 1;
    const named = isA(tokens[next], T.Identifier);
    if (named) next++;
    // `set "Label" =` without a name is a set too (its parser says the name is missing),
    // unless this `set` is the name of one: `set set "Label" = ...`.
    if (isA(tokens[next], T.StringLiteral) && (named || before !== T.SetWord)) next++;
    return next > i + 1 && isA(tokens[next], T.Equals);
  }
  return (
    DECLARATION_KEYWORDS.has(token.tokenType) &&
    tokens[i + 1]?.tokenType !== T.Colon &&
    !NAMED_DECLARATIONS.has(tokens[i - 1]?.tokenType as TokenType)
  );
}

function isA(token: IToken | undefined, type: TokenType): boolean {
  return token !== undefined && tokenMatcher(token, type);
}

/** Cuts a model's tokens before every declaration (see `startsDeclaration`). */
export function splitDeclarations(tokens: readonly IToken[]): IToken[][] {
  const chunks: IToken[][] = [];
  let current: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    if (startsDeclaration(tokens, i) && current.length > 0) {
      chunks.push(current);
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Parses one declaration. A score group is parsed rule by rule: its head and
 * braces first, then each `"Label": ...` on its own. Besides isolating errors
 * in one rule from the next, this keeps the concrete syntax tree of a
 * 10,000-rule group from being alive all at once, which made parsing
 * superlinear through garbage collection.
 */
export function parseDeclaration(chunk: IToken[], parsePiece: PieceParser, positions: PositionMapper): TopLevel | undefined {
  const brace = chunk.findIndex((t) => t.tokenType === T.LCurly || t.tokenType === T.Equals);
  if (chunk[0]?.tokenType !== T.Score || brace < 0 || chunk[brace]?.tokenType !== T.LCurly) {
    return parsePiece<TopLevel>(chunk, "declaration", true);
  }
  const last = chunk[chunk.length - 1] as IToken;
  const closed = chunk.length - 1 > brace && last.tokenType === T.RCurly;
  const head = chunk.slice(0, brace + 1);
  if (closed) head.push(last);
  const group = parsePiece<TopLevel>(head, "declaration", !closed);
  if (group?.kind !== "ScoreGroupDecl") return group;
  const rules: ScoreRule[] = [];
  const body = chunk.slice(brace + 1, closed ? -1 : undefined);
  for (const piece of splitRules(body)) {
    const rule = parsePiece<ScoreRule>(piece, "scoreRule", true);
    if (rule !== undefined) rules.push(rule);
  }
  return { ...group, rules, range: { start: group.range.start, end: positions.endOf(last) } };
}

/** Cuts a score block's tokens before each `"Label":` (a string followed by a colon starts only a rule). */
function splitRules(body: readonly IToken[]): IToken[][] {
  const pieces: IToken[][] = [];
  let current: IToken[] = [];
  for (let i = 0; i < body.length; i++) {
    const token = body[i] as IToken;
    if (token.tokenType === T.StringLiteral && body[i + 1]?.tokenType === T.Colon && current.length > 0) {
      pieces.push(current);
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/** Parses one run of tokens with one entry rule and builds its AST; syntax errors go to `diagnostics`. */
export function parseTokens<R>(
  chunk: IToken[],
  rule: EntryRule,
  limits: Readonly<Limits>,
  positions: PositionMapper,
  builder: CstToAst,
  diagnostics: Diagnostic[],
): R | undefined {
  const tooDeep = scanNesting(chunk, limits, positions);
  if (tooDeep !== undefined) {
    diagnostics.push(tooDeep);
    return undefined;
  }
  qualParser.input = chunk;
  let cst;
  try {
    cst = runRule(rule);
  } catch (error) {
    // A last line of defence: the pre-scan keeps recursion shallow under the
    // limits, but a caller may raise maxNestingDepth beyond what the stack holds.
    if (error instanceof RangeError) {
      diagnostics.push({
        code: SyntaxCode.NestingTooDeep,
        severity: "error",
        message: "This expression nests too deeply to be read; split it into `let` declarations",
        range: positions.span(chunk[0] as IToken, chunk[chunk.length - 1] as IToken),
      });
      return undefined;
    }
    throw error;
  }
  const seen = new Set<number>();
  for (const error of qualParser.errors) {
    const diagnostic = syntaxDiagnostic(error, chunk, positions);
    if (seen.has(diagnostic.range.start.offset)) continue;
    seen.add(diagnostic.range.start.offset);
    diagnostics.push(diagnostic);
  }
  return builder.build<R>(cst);
}

/** A chevrotain recognition error as a diagnostic, pointing at the offending token. */
function syntaxDiagnostic(error: IRecognitionException, chunk: readonly IToken[], positions: PositionMapper): Diagnostic {
  const previous = (error as { previousToken?: IToken }).previousToken;
  let { code, message } = splitCodedMessage(error.message);
  const token = error.token;
  if (error.name === "NotAllInputParsedException" && isRealToken(token)) {
    const index = chunk.indexOf(token);
    const before = index > 0 ? chunk[index - 1] : undefined;
    if (token.tokenType === T.Of && before !== undefined && LIST_AGGREGATES.has(before.tokenType) && chunk[index + 1]?.tokenType === T.LParen) {
      code = SyntaxCode.ExpectedToken;
      message = `\`${before.image} of\` takes the name of a list, not items in parentheses: \`${before.image} of deals.amount\``;
    } else if (COMPARISON_TOKENS.has(token.tokenType) && before !== undefined) {
      code = SyntaxCode.ChainedComparison;
      message = `Comparisons cannot be chained: ${describeToken(token)} cannot follow another comparison; join them with \`and\` (a < b and b < c)`;
    } else if (before !== undefined) {
      message = `Unexpected ${describeToken(token)} after ${describeToken(before)}: the declaration is complete here; did you miss an operator or \`and\`?`;
    }
  }
  if (isRealToken(token) && isReservedWord(token) && code !== SyntaxCode.ReservedWord) {
    const next = chunk[chunk.indexOf(token) + 1];
    if (next?.tokenType === T.Colon) {
      code = SyntaxCode.ReservedWord;
      message = `\`${token.image}\` is a reserved word and cannot be used as a field name; choose another name`;
    }
  }
  // `"a": 1 when` followed by the next rule `"b": 2` reads `"b"` as the condition and
  // stumbles on its colon: the real problem is the empty `when`.
  if (isRealToken(token) && token.tokenType === T.Colon) {
    const index = chunk.indexOf(token);
    const label = chunk[index - 1];
    const when = chunk[index - 2];
    if (label?.tokenType === T.StringLiteral && when?.tokenType === T.When) {
      return { code: SyntaxCode.ExpectedExpression, severity: "error", message: "Expected a condition after `when`", range: positions.tokenRange(when) };
    }
  }
  if (code === SyntaxCode.ExpectedToken && /^Expected `[)\]}]` to close/.test(message)) {
    const opener = unmatchedOpener(chunk, isRealToken(token) ? chunk.indexOf(token) : chunk.length, message[10] ?? "");
    if (opener !== undefined) {
      const at = positions.startOf(opener);
      message += ` (opened at line ${at.line}, column ${at.column})`;
    }
  }
  let range: SourceRange;
  if (isRealToken(token)) range = positions.tokenRange(token);
  else if (isRealToken(previous)) range = positions.tokenRange(previous);
  else range = positions.tokenRange(chunk[chunk.length - 1] as IToken);
  return { code, severity: "error", message, range };
}

const OPENER_OF: Record<string, TokenType> = { ")": T.LParen, "]": T.LBracket, "}": T.LCurly };
const CLOSER_OF: Record<string, TokenType> = { ")": T.RParen, "]": T.RBracket, "}": T.RCurly };

/** The bracket that a missing `closing` would close: the last opener before `end` left unmatched. */
function unmatchedOpener(chunk: readonly IToken[], end: number, closing: string): IToken | undefined {
  const open = OPENER_OF[closing];
  const close = CLOSER_OF[closing];
  let depth = 0;
  for (let i = Math.min(end, chunk.length) - 1; i >= 0; i--) {
    const type = (chunk[i] as IToken).tokenType;
    if (type === close) depth++;
    else if (type === open && depth-- === 0) return chunk[i];
  }
  return undefined;
}
