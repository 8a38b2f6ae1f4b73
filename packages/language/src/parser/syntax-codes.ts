/**
 * Stable codes of the diagnostics the lexer and parser report. QUAL1xx are
 * lexical and syntax errors; QUAL5xx are limits. Tools and tests match on
 * these codes, so a code never changes meaning once published.
 */
export const SyntaxCode = {
  /** A character that is not part of Qual. */
  UnknownCharacter: "QUAL101",
  /** A string whose closing quote is missing. */
  UnterminatedString: "QUAL102",
  /** A backslash escape other than `\"`, `\\`, `\n`, `\t`. */
  InvalidEscape: "QUAL103",
  /** A specific token was expected (`=`, `)`, a name...). */
  ExpectedToken: "QUAL110",
  /** An expression was expected. */
  ExpectedExpression: "QUAL111",
  /** A declaration was expected (or input is left over after one). */
  ExpectedDeclaration: "QUAL112",
  /** A tier without `when CONDITION` or `otherwise`. */
  TierNeedsCondition: "QUAL113",
  /** A field type was expected. */
  ExpectedType: "QUAL114",
  /** The file does not start with `model ID "Title"`, or has more than one. */
  ModelLine: "QUAL115",
  /** `a < b < c`: comparisons do not chain. */
  ChainedComparison: "QUAL116",
  /** A field default that is not a literal value. */
  ExpectedLiteral: "QUAL117",
  /** A score that is neither `= EXPRESSION` nor a `{ ... }` block. */
  ScoreNeedsBody: "QUAL118",
  /** A second `input` block. */
  DuplicateInput: "QUAL119",
  /** A reserved word used where a name is expected. */
  ReservedWord: "QUAL120",
  /** `is` not followed by `missing` or `present`, and other unexpected words. */
  UnexpectedToken: "QUAL121",
  /** `==`, `&&` or `||`: an operator of another language, read as Qual's `=`, `and`, `or`. */
  ForeignOperator: "QUAL122",
  /** A text value without double quotes (`@ourco.example`, `one of (low, high)`, `= software`). */
  UnquotedText: "QUAL123",
  /** The parser failed in a way it does not expect; a bug to report. */
  InternalError: "QUAL199",
  /** The source text is longer than `maxSourceLength`. */
  SourceTooLong: "QUAL501",
  /** Brackets or operators nest deeper than `maxNestingDepth`. */
  NestingTooDeep: "QUAL502",
  /** More declarations, fields and rules than `maxDeclarations`. */
  TooManyDeclarations: "QUAL503",
  /** A list (or quantifier, or call) with more items than `maxListItems`. */
  TooManyListItems: "QUAL504",
  /** More binary operators in one expression than `maxOperators`. */
  ExpressionTooLong: "QUAL505",
  /** More than 1,000 problems: the rest are counted, not listed. */
  TooManyProblems: "QUAL506",
} as const;

/** One of the codes above. */
export type SyntaxCodeValue = (typeof SyntaxCode)[keyof typeof SyntaxCode];
