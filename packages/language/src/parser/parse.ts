import { LineMap, type Diagnostic, type SourcePosition, type SourceRange } from "@qualify/ir";
import type { IRecognitionException, IToken, TokenType } from "chevrotain";
import type { Comment, Declaration, Expr, Identifier, InputBlock, Model, ScoreRule, StringLiteral } from "../ast.js";
import { lex } from "../lexer/lexer.js";
import { isRealToken, PositionMapper, START_OF_TEXT } from "../lexer/positions.js";
import * as T from "../lexer/tokens.js";
import { resolveLimits, type Limits } from "../limits.js";
import { CstToAst, type TopLevel } from "./cst-to-ast.js";
import { describeToken, isReservedWord, splitCodedMessage } from "./error-messages.js";
import { scanNesting } from "./nesting-scan.js";
import { qualParser, runRule, type EntryRule } from "./parser.js";
import { SyntaxCode } from "./syntax-codes.js";

/** Options of `parse` and `parseExpression`. */
export interface ParseOptions {
  /** The file name put on every diagnostic. */
  file?: string;
  /** Limits to apply instead of DEFAULT_LIMITS (unknown keys throw a TypeError). */
  limits?: Partial<Limits>;
}

/** A syntax tree, partial when there are syntax errors, and the problems found. */
export interface ParseResult {
  ast: Model;
  diagnostics: Diagnostic[];
}

/** One parsed expression (undefined when nothing usable was found) and the problems found. */
export interface ExpressionParseResult {
  expr?: Expr;
  diagnostics: Diagnostic[];
}

const DECLARATION_KEYWORDS = new Set<TokenType>(T.declarationKeywords);
const NAMED_DECLARATIONS = new Set<TokenType>([T.Model, T.Const, T.Let, T.Criterion, T.Score, T.Tier]);
const COMPARISON_TOKENS = new Set<TokenType>([
  T.Equals, T.NotEquals, T.Less, T.LessEquals, T.Greater, T.GreaterEquals, T.In, T.Not, T.Contains, T.Starts, T.Ends,
  T.Between, T.Matches, T.Is, T.Within,
]);

/**
 * Parses a Qual model. Never throws on any text: every problem becomes a
 * diagnostic (QUAL1xx syntax, QUAL5xx limits) with its exact range, and the
 * syntax tree keeps every declaration that could be recognised.
 *
 * The token stream is cut at each declaration keyword (which is reserved, so
 * it can only start a declaration) and each piece is parsed on its own: an
 * error in one declaration, even an unclosed bracket, cannot swallow the
 * next, and the editor always gets the good declarations back.
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const limits = resolveLimits(options.limits);
  const positions = new PositionMapper();
  const diagnostics: Diagnostic[] = [];
  const declarations: Declaration[] = [];
  const comments: Comment[] = [];
  let id: Identifier | undefined;
  let title: StringLiteral | undefined;
  let input: InputBlock | undefined;
  let sawHeader = false;
  let modelRange: SourceRange = positions.point(START_OF_TEXT);
  try {
    if (text.length > limits.maxSourceLength) {
      const map = new LineMap(text);
      diagnostics.push({
        code: SyntaxCode.SourceTooLong,
        severity: "error",
        message: `This model is ${text.length} characters long; the limit is ${limits.maxSourceLength}`,
        range: map.range(limits.maxSourceLength, text.length),
      });
      return finish({ kind: "Model", declarations, comments, range: map.range(0, text.length) }, diagnostics, options);
    }
    const lexed = lex(text, positions);
    for (const d of lexed.diagnostics) diagnostics.push(d);
    modelRange = endRange(text, lexed.tokens, lexed.comments, positions);
    for (const c of lexed.comments) comments.push({ text: c.image.slice(1), range: positions.tokenRange(c) });

    const builder = new CstToAst(positions, limits, diagnostics);
    const chunks = splitDeclarations(lexed.tokens);
    let counted = 0;
    for (const chunk of chunks) {
      const first = chunk[0] as IToken;
      if (!DECLARATION_KEYWORDS.has(first.tokenType)) {
        diagnostics.push({
          code: SyntaxCode.ExpectedDeclaration,
          severity: "error",
          message: `Expected a declaration (model, input, const, let, criterion, score, disqualify or tier) but found ${describeToken(first)}`,
          range: positions.tokenRange(first),
        });
        continue;
      }
      counted += 1 + chunk.filter((t) => t.tokenType === T.Colon).length;
      if (counted > limits.maxDeclarations) {
        diagnostics.push({
          code: SyntaxCode.TooManyDeclarations,
          severity: "error",
          message: `This model has more than ${limits.maxDeclarations} declarations, fields and rules; the rest was not read`,
          range: positions.tokenRange(first),
        });
        break;
      }
      const item = parseDeclaration(chunk, limits, positions, builder, diagnostics);
      if (item === undefined) continue;
      if (item.kind === "ModelHeader") {
        if (sawHeader || declarations.length > 0 || input !== undefined) {
          diagnostics.push({
            code: SyntaxCode.ModelLine,
            severity: "error",
            message: sawHeader ? "A file has only one `model` line" : "The `model` line must come first in the file",
            range: item.range,
          });
        }
        if (!sawHeader) {
          id = item.id;
          title = item.title;
        }
        sawHeader = true;
      } else if (item.kind === "InputBlock") {
        if (input === undefined) input = item;
        else {
          diagnostics.push({
            code: SyntaxCode.DuplicateInput,
            severity: "error",
            message: "A model has only one `input` block; move these fields into the first one",
            range: item.range,
          });
        }
      } else {
        declarations.push(item);
      }
    }
    if (!sawHeader) {
      const first = lexed.tokens[0];
      diagnostics.push({
        code: SyntaxCode.ModelLine,
        severity: "error",
        message: 'A model starts with a line `model ID "Title"`, such as `model inbound "Inbound leads"`',
        range: first === undefined ? positions.point(START_OF_TEXT) : positions.tokenRange(first),
      });
    }
  } catch (error) {
    diagnostics.push(internalError(error, positions));
  }
  const ast: Model = { kind: "Model", id, title, input, declarations, comments, range: modelRange };
  return finish(ast, diagnostics, options);
}

/**
 * Parses one expression, as found in a string of the YAML or JSON form of a
 * model. `origin` is where the string's first character sits in the enclosing
 * file; every range is shifted by it. Never throws on any text.
 */
export function parseExpression(text: string, options: ParseOptions & { origin?: SourcePosition } = {}): ExpressionParseResult {
  const limits = resolveLimits(options.limits);
  const positions = new PositionMapper(options.origin);
  const diagnostics: Diagnostic[] = [];
  let expr: Expr | undefined;
  try {
    if (text.length > limits.maxSourceLength) {
      diagnostics.push({
        code: SyntaxCode.SourceTooLong,
        severity: "error",
        message: `This expression is ${text.length} characters long; the limit is ${limits.maxSourceLength}`,
        range: positions.point(positions.at(0, 1, 1)),
      });
    } else {
      const lexed = lex(text, positions);
      for (const d of lexed.diagnostics) diagnostics.push(d);
      if (lexed.tokens.length === 0) {
        diagnostics.push({
          code: SyntaxCode.ExpectedExpression,
          severity: "error",
          message: "Expected an expression but found nothing",
          range: positions.point(positions.at(0, 1, 1)),
        });
      } else {
        const builder = new CstToAst(positions, limits, diagnostics);
        expr = parseChunk<Expr>(lexed.tokens, "expression", limits, positions, builder, diagnostics);
      }
    }
  } catch (error) {
    diagnostics.push(internalError(error, positions));
  }
  const result = finish(undefined, diagnostics, options);
  return expr === undefined ? { diagnostics: result.diagnostics } : { expr, diagnostics: result.diagnostics };
}

/** Cuts tokens before every declaration keyword (unless misused as a field name, `score: number`). */
function splitDeclarations(tokens: readonly IToken[]): IToken[][] {
  const chunks: IToken[][] = [];
  let current: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    // A declaration keyword right after one that expects a name (`criterion score = ...`) or
    // before a colon (`score: number` in an input block) is a misused name, reported by the parser.
    const startsDeclaration =
      DECLARATION_KEYWORDS.has(token.tokenType) &&
      tokens[i + 1]?.tokenType !== T.Colon &&
      !NAMED_DECLARATIONS.has(tokens[i - 1]?.tokenType as TokenType);
    if (startsDeclaration && current.length > 0) {
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
function parseDeclaration(
  chunk: IToken[],
  limits: Readonly<Limits>,
  positions: PositionMapper,
  builder: CstToAst,
  diagnostics: Diagnostic[],
): TopLevel | undefined {
  const brace = chunk.findIndex((t) => t.tokenType === T.LCurly || t.tokenType === T.Equals);
  if (chunk[0]?.tokenType !== T.Score || brace < 0 || chunk[brace]?.tokenType !== T.LCurly) {
    return parseChunk<TopLevel>(chunk, "declaration", limits, positions, builder, diagnostics);
  }
  const last = chunk[chunk.length - 1] as IToken;
  const closed = chunk.length - 1 > brace && last.tokenType === T.RCurly;
  const head = chunk.slice(0, brace + 1);
  if (closed) head.push(last);
  const group = parseChunk<TopLevel>(head, "declaration", limits, positions, builder, diagnostics);
  if (group?.kind !== "ScoreGroupDecl") return group;
  const rules: ScoreRule[] = [];
  const body = chunk.slice(brace + 1, closed ? -1 : undefined);
  for (const piece of splitRules(body)) {
    const rule = parseChunk<ScoreRule>(piece, "scoreRule", limits, positions, builder, diagnostics);
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
function parseChunk<R>(
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
    if (COMPARISON_TOKENS.has(token.tokenType) && before !== undefined) {
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

/** The range of the whole text, computed from its last token or comment (no extra pass over the text). */
function endRange(text: string, tokens: readonly IToken[], comments: readonly IToken[], positions: PositionMapper): SourceRange {
  const start = positions.at(0, 1, 1);
  let line = 1;
  let lineStart = 0;
  const last = [tokens[tokens.length - 1], comments[comments.length - 1]]
    .filter((t): t is IToken => t !== undefined)
    .sort((a, b) => b.startOffset - a.startOffset)[0];
  if (last !== undefined) {
    line = last.startLine ?? 1;
    lineStart = last.startOffset - ((last.startColumn ?? 1) - 1);
  }
  for (let i = last === undefined ? 0 : last.startOffset; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { start, end: positions.at(text.length, line, text.length - lineStart + 1) };
}

function internalError(error: unknown, positions: PositionMapper): Diagnostic {
  return {
    code: SyntaxCode.InternalError,
    severity: "error",
    message: `Internal error in the Qual parser (please report it): ${error instanceof Error ? error.message : String(error)}`,
    range: positions.point(positions.at(0, 1, 1)),
  };
}

/** More problems than anyone reads; the rest are summarised in one last diagnostic. */
const MAX_DIAGNOSTICS = 1000;

function finish(ast: Model | undefined, all: Diagnostic[], options: ParseOptions): ParseResult {
  all.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const diagnostics = all.slice(0, MAX_DIAGNOSTICS);
  if (all.length > MAX_DIAGNOSTICS) {
    const first = all[MAX_DIAGNOSTICS] as Diagnostic;
    diagnostics.push({
      code: SyntaxCode.TooManyProblems,
      severity: "error",
      message: `${all.length - MAX_DIAGNOSTICS} more problems were found and not listed; fix the ones above first`,
      range: first.range,
    });
  }
  const withFile = options.file === undefined ? diagnostics : diagnostics.map((d) => ({ ...d, file: options.file }));
  return { ast: ast as Model, diagnostics: withFile };
}
