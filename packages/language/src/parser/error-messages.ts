import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import { reservedWords } from "../lexer/tokens.js";
import { SyntaxCode } from "./syntax-codes.js";

/**
 * Chevrotain's default messages ("Expecting token of type --> Equals <--")
 * speak to grammar authors. These speak to the operations people who write
 * models. Each message starts with its stable code and a tab; parse.ts
 * splits them into a Diagnostic's `code` and `message`.
 */

/** How a token type reads in a sentence. */
const TOKEN_WORDS: Record<string, string> = {
  Identifier: "a name",
  NumberLiteral: "a number",
  StringLiteral: 'a text in double quotes ("...")',
  UnterminatedString: "a text in double quotes",
  DateLiteral: "a date (2026-01-31)",
  GreaterEquals: "`>=`",
  LessEquals: "`<=`",
  NotEquals: "`!=`",
  Greater: "`>`",
  Less: "`<`",
  Equals: "`=`",
  Coalesce: "`??`",
  Question: "`?`",
  Plus: "`+`",
  Minus: "`-`",
  Star: "`*`",
  Slash: "`/`",
  LParen: "`(`",
  RParen: "`)`",
  LBracket: "`[`",
  RBracket: "`]`",
  LCurly: "`{`",
  RCurly: "`}`",
  Comma: "`,`",
  Colon: "`:`",
  Dot: "`.`",
  EOF: "the end of the file",
};

/** A token type in words: `when`, `)`, "a name". */
export function describeTokenType(type: TokenType): string {
  const word = TOKEN_WORDS[type.name];
  if (word !== undefined) return word;
  const pattern = type.PATTERN;
  return pattern instanceof RegExp ? `\`${pattern.source}\`` : `\`${type.name}\``;
}

/** An actual token as written: `>=`, "the end of the file". */
export function describeToken(token: IToken | undefined): string {
  if (token === undefined || token.tokenType.name === "EOF" || !Number.isFinite(token.startOffset)) {
    return "the end of the declaration";
  }
  const image = token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
  return `\`${image}\``;
}

const RESERVED = new Set<TokenType>(reservedWords);

/** True for a word that can never be a name. */
export function isReservedWord(token: IToken | undefined): boolean {
  return token !== undefined && RESERVED.has(token.tokenType);
}

function hasPrevious(token: IToken | undefined): token is IToken {
  return token !== undefined && Number.isFinite(token.startOffset) && token.tokenType.name !== "EOF" && token.image !== "";
}

/** ` but found X`, or nothing at the end of the declaration (saying "found the end" adds nothing). */
function butFound(actual: IToken | undefined, comma = "", prefix = ""): string {
  if (actual === undefined || actual.tokenType.name === "EOF" || !Number.isFinite(actual.startOffset)) return "";
  return `${comma} but found ${prefix}${describeToken(actual)}`;
}

function after(previous: IToken | undefined): string {
  return hasPrevious(previous) ? ` after \`${previous.image}\`` : "";
}

/** What a rule's name means to a reader. */
const NAME_OF: Record<string, string> = {
  modelHeader: "the model",
  setDecl: "the set",
  constDecl: "the constant",
  letDecl: "the value",
  criterionDecl: "the criterion",
  scoreDecl: "the score",
  tierDecl: "the tier",
  field: "the field",
};

const EXPRESSION_RULES = new Set([
  "expression", "orExpr", "andExpr", "notExpr", "comparison", "coalesceExpr", "additive", "multiplicative", "unary", "primary",
]);

function coded(code: string, message: string): string {
  return `${code}\t${message}`;
}

function expectedName(expected: TokenType, actual: IToken, previous: IToken, ruleName: string): string {
  if (isReservedWord(actual)) {
    return coded(SyntaxCode.ReservedWord, `\`${actual.image}\` is a reserved word and cannot be used as a name; choose another name`);
  }
  if (ruleName === "field") return coded(SyntaxCode.ExpectedToken, `Expected a field name${butFound(actual)}`);
  if (ruleName === "nameOrCall") return coded(SyntaxCode.ExpectedToken, `Expected a name${after(previous)}${butFound(actual)}`);
  if (ruleName === "namePath" && hasPrevious(previous) && previous.tokenType.name === "Of") {
    return coded(SyntaxCode.ExpectedToken, `Expected the name of a list after \`of\` (\`sum of deals.amount\`)${butFound(actual)}`);
  }
  const what = NAME_OF[ruleName];
  const subject = what === undefined ? "a name" : `a name for ${what}`;
  return coded(SyntaxCode.ExpectedToken, `Expected ${subject}${after(previous)}${butFound(actual)}`);
}

/** The message provider given to the parser. */
export const friendlyMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (expected.name === "Identifier") return expectedName(expected, actual, previous, ruleName);
    if (ruleName === "tierDecl" && expected.name === "When") {
      return coded(SyntaxCode.TierNeedsCondition, "A tier needs `when CONDITION` or `otherwise`");
    }
    if (expected.name === "RParen" || expected.name === "RBracket" || expected.name === "RCurly") {
      return coded(
        SyntaxCode.ExpectedToken,
        `Expected ${describeTokenType(expected)} to close the ${expected.name === "RParen" ? "parentheses" : expected.name === "RBracket" ? "list" : "block"}${butFound(actual)}`,
      );
    }
    if (expected.name === "Colon" && ruleName === "scoreRule") {
      return coded(SyntaxCode.ExpectedToken, `Expected \`:\` after the rule's label${butFound(actual)}`);
    }
    return coded(SyntaxCode.ExpectedToken, `Expected ${describeTokenType(expected)}${after(previous)}${butFound(actual)}`);
  },

  buildNotAllInputParsedMessage({ firstRedundant }) {
    return coded(
      SyntaxCode.ExpectedDeclaration,
      `Unexpected ${describeToken(firstRedundant)}: expected a declaration (set, const, let, criterion, score, disqualify or tier)`,
    );
  },

  buildNoViableAltMessage({ actual, previous, ruleName }) {
    const found = describeToken(actual[0]);
    if (ruleName === "comparison" && hasPrevious(previous) && previous.tokenType.name === "Is") {
      return coded(SyntaxCode.UnexpectedToken, `Expected \`missing\` or \`present\` after \`is\`${butFound(actual[0])}`);
    }
    if (ruleName === "comparison" && hasPrevious(previous) && previous.tokenType.name === "Matches") {
      return coded(SyntaxCode.ExpectedToken, `Expected a text in double quotes (the pattern) or \`any of\` a list after \`matches\`${butFound(actual[0])}`);
    }
    if (ruleName === "comparison" && hasPrevious(previous) && previous.tokenType.name === "Of") {
      return coded(SyntaxCode.ExpectedToken, `Expected a list after \`matches any of\` (\`["^ceo", "^cfo"]\` or the name of a const)${butFound(actual[0])}`);
    }
    if (ruleName === "quantifier" && hasPrevious(previous) && previous.tokenType.name === "Of") {
      return coded(
        SyntaxCode.ExpectedToken,
        `Expected items in parentheses (\`count of (a, b)\`) or the name of a list or set (\`count of activities\`) after \`of\`${butFound(actual[0])}`,
      );
    }
    if (EXPRESSION_RULES.has(ruleName) && hasPrevious(previous) && (previous.tokenType.name === "Min" || previous.tokenType.name === "Max")) {
      // Only a bound puts an operand right after `min`/`max` (elsewhere they are names or start `min of`).
      return coded(SyntaxCode.ExpectedToken, `Expected a number after \`${previous.image}\` (\`max 60\`, \`min -10\`, \`max fit_cap\`)${butFound(actual[0])}`);
    }
    if (EXPRESSION_RULES.has(ruleName) || ruleName === "listLiteral" || ruleName === "argumentList") {
      if (isReservedWord(actual[0]) && hasPrevious(previous) && previous.tokenType.name !== "LParen") {
        return coded(SyntaxCode.ExpectedExpression, `Expected an expression${after(previous)}${butFound(actual[0], "", "the word ")}`);
      }
      return coded(SyntaxCode.ExpectedExpression, `Expected an expression${after(previous)}${butFound(actual[0])}`);
    }
    switch (ruleName) {
      case "tierDecl":
        return coded(SyntaxCode.TierNeedsCondition, `A tier needs \`when CONDITION\` or \`otherwise\`${butFound(actual[0], ",")}`);
      case "typeExpr":
        return coded(
          SyntaxCode.ExpectedType,
          `Expected a type (number, text, bool, date, list of TYPE, one of ("a", "b") or { fields })${after(previous)}${butFound(actual[0])}`,
        );
      case "literalValue":
        return coded(
          SyntaxCode.ExpectedLiteral,
          `A default must be a literal value (a number, a text, true, false, a date or a list of these)${butFound(actual[0], ",")}`,
        );
      case "scoreDecl":
        return coded(
          SyntaxCode.ScoreNeedsBody,
          `A score needs \`= EXPRESSION\` or a block of rules (\`{ "Label": POINTS when CONDITION }\`)${butFound(actual[0], ",")}`,
        );
      case "declaration":
        return coded(
          SyntaxCode.ExpectedDeclaration,
          `Expected a declaration (set, const, let, criterion, score, disqualify or tier)${butFound(actual[0])}`,
        );
      case "bound":
        return coded(SyntaxCode.ExpectedToken, `Expected \`min\` or \`max\`${butFound(actual[0])}`);
      default:
        return coded(SyntaxCode.UnexpectedToken, `Unexpected ${found}${after(previous)}`);
    }
  },

  buildEarlyExitMessage({ actual, previous, ruleName }) {
    if (ruleName === "typeExpr") {
      return coded(SyntaxCode.ExpectedToken, `\`one of\` needs at least one choice in double quotes${butFound(actual[0], ",")}`);
    }
    return coded(SyntaxCode.UnexpectedToken, `Unexpected ${describeToken(actual[0])}${after(previous)}`);
  },
};

/** Splits a coded message into its code and text; uncoded messages get the generic syntax code. */
export function splitCodedMessage(message: string): { code: string; message: string } {
  const tab = message.indexOf("\t");
  if (tab > 0 && message.startsWith("QUAL")) return { code: message.slice(0, tab), message: message.slice(tab + 1) };
  return { code: SyntaxCode.UnexpectedToken, message };
}
