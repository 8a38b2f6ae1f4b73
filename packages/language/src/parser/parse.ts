import { LineMap, type Diagnostic, type SourcePosition, type SourceRange } from "@qualify/ir";
import type { IToken } from "chevrotain";
import type { Comment, Declaration, Expr, Identifier, InputBlock, Model, StringLiteral } from "../ast.js";
import { lex, readTokens, tokenize, type RawLex } from "../lexer/lexer.js";
import { PositionMapper, START_OF_TEXT } from "../lexer/positions.js";
import * as T from "../lexer/tokens.js";
import { resolveLimits, type Limits } from "../limits.js";
import { CstToAst } from "./cst-to-ast.js";
import { describeToken } from "./error-messages.js";
import { parseDeclaration, parseTokens, splitDeclarations, startsDeclaration, type PieceParser } from "./parse-pieces.js";
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
  return parseModel(text, limits, options, (positions, diagnostics) => {
    const builder = new CstToAst(positions, limits, diagnostics);
    return (piece, rule) => parseTokens(piece, rule, limits, positions, builder, diagnostics);
  });
}

/**
 * What `parse` does, with the parsing of each piece (a declaration, or a
 * rule of a score group) left to `piecesFor`, which receives this parse's
 * positions and diagnostics list, and the lexing to `tokenizeText`: `parse`
 * lexes and parses everything afresh, the incremental parser re-uses the
 * tokens and pieces it has seen before.
 */
export function parseModel(
  text: string,
  limits: Readonly<Limits>,
  options: ParseOptions,
  piecesFor: (positions: PositionMapper, diagnostics: Diagnostic[]) => PieceParser,
  tokenizeText: (text: string) => RawLex = tokenize,
): ParseResult {
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
    const lexed = readTokens(text, tokenizeText(text), positions);
    for (const d of lexed.diagnostics) diagnostics.push(d);
    modelRange = endRange(text, lexed.tokens, lexed.comments, positions);
    for (const c of lexed.comments) comments.push({ text: c.image.slice(1), range: positions.tokenRange(c) });

    const parsePiece = piecesFor(positions, diagnostics);
    const chunks = splitDeclarations(lexed.tokens);
    let counted = 0;
    for (const chunk of chunks) {
      const first = chunk[0] as IToken;
      if (!startsDeclaration(chunk, 0)) {
        diagnostics.push({
          code: SyntaxCode.ExpectedDeclaration,
          severity: "error",
          message: `Expected a declaration (model, input, set, const, let, criterion, score, disqualify or tier) but found ${describeToken(first)}`,
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
      const item = parseDeclaration(chunk, parsePiece, positions);
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
        expr = parseTokens<Expr>(lexed.tokens, "expression", limits, positions, builder, diagnostics);
      }
    }
  } catch (error) {
    diagnostics.push(internalError(error, positions));
  }
  const result = finish(undefined, diagnostics, options);
  return expr === undefined ? { diagnostics: result.diagnostics } : { expr, diagnostics: result.diagnostics };
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
