import type { Diagnostic } from "@qualify/ir";
import type { IToken, TokenType } from "chevrotain";
import * as T from "../lexer/tokens.js";
import type { PositionMapper } from "../lexer/positions.js";
import type { Limits } from "../limits.js";
import { SyntaxCode } from "./syntax-codes.js";

/**
 * A linear pre-scan of a declaration's tokens that bounds how deep the
 * recursive-descent parser (and every later recursive pass) will go, so a
 * hostile input such as 100,000 `(` is refused before chevrotain recurses.
 *
 * The measure follows the grammar: each open bracket is a level; within a
 * level, a run of unary signs nests until the next binary operator, a run of
 * `not` nests until the next `and`/`or`, and each `if` and each aggregate's
 * `where` nests until the end of its item (`,`, `:`, `when`) because its
 * `else` (or the `where` condition) extends as far as possible.
 * Binary operators in one item are counted too: a long chain builds a deep
 * left-leaning tree.
 */
interface Level {
  unary: number;
  nots: number;
  ifs: number;
  operators: number;
}

const OPENERS = new Set<TokenType>([T.LParen, T.LBracket, T.LCurly]);
const CLOSERS = new Set<TokenType>([T.RParen, T.RBracket, T.RCurly]);
const ITEM_SEPARATORS = new Set<TokenType>([T.Comma, T.Colon, T.When, T.Otherwise, ...T.declarationKeywords]);
const BINARY = new Set<TokenType>([
  T.Or, T.And, T.AmpAmp, T.PipePipe, T.DoubleEquals, T.Equals, T.NotEquals, T.Less, T.LessEquals, T.Greater, T.GreaterEquals, T.In, T.Contains, T.Starts,
  T.Ends, T.Coalesce, T.Star, T.Slash, T.Between, T.Matches, T.Is, T.Within,
]);
const OPERAND_ENDS = new Set<TokenType>([
  T.Identifier, T.NumberLiteral, T.StringLiteral, T.DateLiteral, T.True, T.False, T.RParen, T.RBracket, T.RCurly,
]);

function endsOperand(token: IToken | undefined): boolean {
  if (token === undefined) return false;
  const type = token.tokenType;
  return OPERAND_ENDS.has(type) || (type.CATEGORIES ?? []).some((c) => OPERAND_ENDS.has(c));
}

/**
 * A `where` is the aggregate's keyword when a name (the source) comes before
 * it; otherwise it is a name itself. Counting a name too is conservative.
 */
function isName(token: IToken | undefined): boolean {
  return token !== undefined && (token.tokenType === T.Identifier || (token.tokenType.CATEGORIES ?? []).includes(T.Identifier));
}

/** The first limit a run of tokens exceeds, as a diagnostic; undefined when within limits. */
export function scanNesting(tokens: readonly IToken[], limits: Readonly<Limits>, positions: PositionMapper): Diagnostic | undefined {
  const levels: Level[] = [{ unary: 0, nots: 0, ifs: 0, operators: 0 }];
  let depth = 1;
  const tooDeep = (token: IToken): Diagnostic => ({
    code: SyntaxCode.NestingTooDeep,
    severity: "error",
    message: `This expression nests more than ${limits.maxNestingDepth} levels deep (brackets, \`not\`, signs and \`if\`); split it into \`let\` declarations`,
    range: positions.tokenRange(token),
  });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    const type = token.tokenType;
    const level = levels[levels.length - 1] as Level;
    if (OPENERS.has(type)) {
      levels.push({ unary: 0, nots: 0, ifs: 0, operators: 0 });
      depth++;
    } else if (CLOSERS.has(type)) {
      if (levels.length > 1) {
        levels.pop();
        depth -= 1 + level.unary + level.nots + level.ifs;
      }
      continue;
    } else if (ITEM_SEPARATORS.has(type)) {
      depth -= level.unary + level.nots + level.ifs;
      level.unary = level.nots = level.ifs = level.operators = 0;
      continue;
    } else if (type === T.If || (type === T.Where && isName(tokens[i - 1]))) {
      level.ifs++;
      depth++;
    } else if (type === T.Not && tokens[i + 1]?.tokenType !== T.In) {
      level.nots++;
      depth++;
    } else if ((type === T.Minus || type === T.Plus) && !endsOperand(tokens[i - 1])) {
      level.unary++;
      depth++;
    } else if (BINARY.has(type) || type === T.Minus || type === T.Plus || type === T.Not) {
      depth -= level.unary;
      level.unary = 0;
      if (type === T.And || type === T.Or || type === T.AmpAmp || type === T.PipePipe) {
        depth -= level.nots;
        level.nots = 0;
      }
      if (type === T.Not) continue; // `not in`: the `in` that follows is the operator
      if (++level.operators > limits.maxOperators) {
        return {
          code: SyntaxCode.ExpressionTooLong,
          severity: "error",
          message: `This expression has more than ${limits.maxOperators} operators in a row; split it into \`let\` declarations`,
          range: positions.tokenRange(token),
        };
      }
      continue;
    } else {
      continue;
    }
    if (depth > limits.maxNestingDepth) return tooDeep(token);
  }
  return undefined;
}
