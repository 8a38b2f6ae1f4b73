import { Lexer, createToken } from "#chevrotain";
import type { TokenType } from "chevrotain";

/**
 * The token types of Qual. Each constant's `name` equals the constant, so a
 * CST child is found under the name a reader sees here.
 */

/** Spaces, tabs, line breaks and a byte-order mark: skipped, newlines are not significant. */
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\uFEFF]+/, group: Lexer.SKIPPED, line_breaks: true });
/** `# ...` to the end of the line; kept in the `comments` group for the formatter. */
export const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: "comments" });

/** A name: letters, digits and `_`, not starting with a digit. */
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

function keyword(name: string, word: string): TokenType {
  return createToken({ name, pattern: new RegExp(word), longer_alt: Identifier });
}

/**
 * A word that is a keyword only inside its own construct. Its category is
 * Identifier, so wherever the grammar expects a name, `CONSUME(Identifier)`
 * accepts it too, and the word stays an ordinary name elsewhere.
 */
function contextualWord(name: string, word: string): TokenType {
  return createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, categories: [Identifier] });
}

// Reserved words (never names).
export const Model = keyword("Model", "model");
export const Input = keyword("Input", "input");
export const Const = keyword("Const", "const");
export const Let = keyword("Let", "let");
export const Criterion = keyword("Criterion", "criterion");
export const Score = keyword("Score", "score");
export const Disqualify = keyword("Disqualify", "disqualify");
export const Tier = keyword("Tier", "tier");
export const When = keyword("When", "when");
export const Otherwise = keyword("Otherwise", "otherwise");
export const And = keyword("And", "and");
export const Or = keyword("Or", "or");
export const Not = keyword("Not", "not");
export const In = keyword("In", "in");
export const Between = keyword("Between", "between");
export const Contains = keyword("Contains", "contains");
export const Starts = keyword("Starts", "starts");
export const Ends = keyword("Ends", "ends");
export const With = keyword("With", "with");
export const Matches = keyword("Matches", "matches");
export const Is = keyword("Is", "is");
export const If = keyword("If", "if");
export const Then = keyword("Then", "then");
export const Else = keyword("Else", "else");
export const Of = keyword("Of", "of");
export const True = keyword("True", "true");
export const False = keyword("False", "false");

// Contextual words (names outside their construct).
export const At = contextualWord("At", "at");
export const Least = contextualWord("Least", "least");
export const All = contextualWord("All", "all");
export const Any = contextualWord("Any", "any");
export const None = contextualWord("None", "none");
export const Count = contextualWord("Count", "count");
export const Min = contextualWord("Min", "min");
export const Max = contextualWord("Max", "max");
export const Missing = contextualWord("Missing", "missing");
export const Present = contextualWord("Present", "present");
export const Within = contextualWord("Within", "within");
export const Days = contextualWord("Days", "days");
export const List = contextualWord("List", "list");
export const One = contextualWord("One", "one");
export const NumberType = contextualWord("NumberType", "number");
export const TextType = contextualWord("TextType", "text");
export const BoolType = contextualWord("BoolType", "bool");
export const DateType = contextualWord("DateType", "date");
// Qual 2: aggregates over lists (`sum of deals.amount where ...`) and named sets.
export const Sum = contextualWord("Sum", "sum");
export const Avg = contextualWord("Avg", "avg");
export const Latest = contextualWord("Latest", "latest");
export const Earliest = contextualWord("Earliest", "earliest");
export const Where = contextualWord("Where", "where");
/**
 * `set` starts a declaration only as `set NAME =` or `set NAME "Label" =`
 * (see `startsDeclaration` in parse-pieces.ts); elsewhere it is a name, so
 * models with a field or value called `set` keep working.
 */
export const SetWord = contextualWord("SetWord", "set");

/** Every reserved word, in declaration order. */
export const reservedWords: readonly TokenType[] = [
  Model, Input, Const, Let, Criterion, Score, Disqualify, Tier, When, Otherwise, And, Or, Not, In, Between,
  Contains, Starts, Ends, With, Matches, Is, If, Then, Else, Of, True, False,
];

/** Every contextual word. */
export const contextualWords: readonly TokenType[] = [
  At, Least, All, Any, None, Count, Min, Max, Missing, Present, Within, Days, List, One,
  NumberType, TextType, BoolType, DateType, Sum, Avg, Latest, Earliest, Where, SetWord,
];

/**
 * The reserved words that start a declaration; the parser cuts the tokens at
 * them. `set` starts one too, but only where it is followed by a name and
 * `=` or a label (it is a contextual word).
 */
export const declarationKeywords: readonly TokenType[] = [Model, Input, Const, Let, Criterion, Score, Disqualify, Tier];

// Literals.
/** `2026-01-31`, unquoted. */
export const DateLiteral = createToken({ name: "DateLiteral", pattern: /\d{4}-\d{2}-\d{2}/ });
/** `10000`, `10_000`, `2.5`. */
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?/ });
/** A double-quoted string on one line, with `\"`, `\\`, `\n`, `\t` escapes. */
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\n]|\\.)*"/ });
/**
 * A string whose closing quote is missing on its line. It is a StringLiteral
 * by category, so the parser carries on; the lexer reports it.
 */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\n]|\\.)*\\?/,
  categories: [StringLiteral],
});

/**
 * `@ourco.example` without quotes: a text value written bare, as people do
 * after `ends with`. It is a StringLiteral by category, so the parser reads
 * it as the text it obviously is; the lexer reports the missing quotes.
 */
export const UnquotedText = createToken({
  name: "UnquotedText",
  pattern: /@[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*/,
  categories: [StringLiteral],
});

const UNKNOWN = /[^ \t\r\n\uFEFF\w"#(){}[\],:.+\-*/<>=!?]+/y;
const UNKNOWN_START = /^[^ \t\r\n\uFEFF\w"#(){}[\],:.+\-*/<>=!?]$/;

/**
 * A run of characters that cannot start any token. Without it the lexer
 * would retry every pattern at each such character, which is slow on large
 * garbage input; the lexer reports these tokens and drops them.
 */
export const UnknownCharacters = createToken({
  name: "UnknownCharacters",
  pattern: { exec: matchUnknown },
  line_breaks: false,
  // A complement class defeats chevrotain's first-character analysis, so the
  // possible first characters are listed (computed once, at load).
  start_chars_hint: unknownStartCharacters(),
});

function matchUnknown(text: string, offset: number): RegExpExecArray | null {
  UNKNOWN.lastIndex = offset;
  return UNKNOWN.exec(text);
}

function unknownStartCharacters(): number[] {
  const codes: number[] = [];
  for (let code = 0; code < 0x10000; code++) if (UNKNOWN_START.test(String.fromCharCode(code))) codes.push(code);
  return codes;
}

// Operators and punctuation.
export const GreaterEquals = createToken({ name: "GreaterEquals", pattern: />=/ });
export const LessEquals = createToken({ name: "LessEquals", pattern: /<=/ });
export const NotEquals = createToken({ name: "NotEquals", pattern: /!=/ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Equals = createToken({ name: "Equals", pattern: /=/ });
/**
 * `==`, `&&` and `||` from other languages. Each counts as the Qual operator
 * it stands for (its category), so the expression reads on; the lexer
 * reports the spelling with the fix.
 */
export const DoubleEquals = createToken({ name: "DoubleEquals", pattern: /==/, categories: [Equals] });
export const AmpAmp = createToken({ name: "AmpAmp", pattern: /&&/, categories: [And] });
export const PipePipe = createToken({ name: "PipePipe", pattern: /\|\|/, categories: [Or] });
export const Coalesce = createToken({ name: "Coalesce", pattern: /\?\?/ });
export const Question = createToken({ name: "Question", pattern: /\?/ });
export const Plus = createToken({ name: "Plus", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const Slash = createToken({ name: "Slash", pattern: /\// });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /]/ });
export const LCurly = createToken({ name: "LCurly", pattern: /{/ });
export const RCurly = createToken({ name: "RCurly", pattern: /}/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Dot = createToken({ name: "Dot", pattern: /\./ });

/** Every word token, longest spelling first (see `allTokens`). */
const words: readonly TokenType[] = [...reservedWords, ...contextualWords].sort(
  (a, b) => String(b.PATTERN).length - String(a.PATTERN).length,
);

/**
 * Every token type, in the order the lexer tries them. The order matters
 * because the lexer takes the first pattern that matches, not the longest:
 * - words come before Identifier, and longer words before words that are
 *   their prefix (`input` before `in`, `within` before `with`); `longer_alt`
 *   then turns `inputs` or `width` back into an Identifier;
 * - DateLiteral before NumberLiteral, or `2026-01-31` would lex as `2026`;
 * - StringLiteral before UnterminatedString, which only matches what is left;
 * - two-character operators before their one-character prefixes
 *   (`>=` before `>`, `==` before `=`, `??` before `?`);
 * - UnknownCharacters last: it only takes what nothing else can.
 */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  ...words,
  Identifier,
  DateLiteral,
  NumberLiteral,
  StringLiteral,
  UnterminatedString,
  UnquotedText,
  GreaterEquals,
  LessEquals,
  NotEquals,
  Greater,
  Less,
  DoubleEquals,
  Equals,
  AmpAmp,
  PipePipe,
  Coalesce,
  Question,
  Plus,
  Minus,
  Star,
  Slash,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LCurly,
  RCurly,
  Comma,
  Colon,
  Dot,
  UnknownCharacters,
];
