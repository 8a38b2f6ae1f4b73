/**
 * Builds the TextMate grammar of Qual from the lexer's own tables: its
 * reserved and contextual words and the regular expressions of its literal
 * tokens. `scripts/generate-grammar.mjs` writes the result to
 * `syntaxes/qual.tmLanguage.json`, and a test checks that the committed file
 * equals what this function builds from the current lexer.
 *
 * A TextMate scanner takes, at each position, the leftmost match of the
 * current rule's patterns, ties going to the first pattern listed. Every
 * character that can start a Qual token has a pattern that matches at that
 * character, so the scanner walks the text token by token like chevrotain,
 * and the patterns are listed in the lexer's order (`allTokens`) for the same
 * reason the lexer orders them. Word patterns end with `(?![A-Za-z0-9_])`
 * rather than start with `\b`, as the lexer does (`longer_alt`): `12count`
 * is a number then the word `count` for both.
 */

/** One pattern of a TextMate grammar (the subset this grammar uses). */
export interface TextMateRule {
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly include?: string;
  readonly captures?: Readonly<Record<string, TextMateCapture>>;
  readonly beginCaptures?: Readonly<Record<string, TextMateCapture>>;
  readonly endCaptures?: Readonly<Record<string, TextMateCapture>>;
  readonly patterns?: readonly TextMateRule[];
}

/** What a capture group of a pattern is scoped as, or tokenised into. */
export interface TextMateCapture {
  readonly name?: string;
  readonly patterns?: readonly TextMateRule[];
}

/** A whole TextMate grammar, as VS Code reads it from `contributes.grammars`. */
export interface TextMateGrammar {
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes: readonly string[];
  readonly comment: string;
  readonly patterns: readonly TextMateRule[];
  readonly repository: Readonly<Record<string, TextMateRule>>;
}

/** What the grammar is built from: the lexer's words and token patterns, and the built-in functions. */
export interface GrammarSource {
  /** The lexer's reserved words (`reservedWords`), never names. */
  readonly reservedWords: readonly string[];
  /** The lexer's contextual words (`contextualWords`), keywords only inside their construct. */
  readonly contextualWords: readonly string[];
  /** The built-in function names, coloured where they are called. */
  readonly functions: readonly string[];
  /** The `source` of the lexer's Identifier, DateLiteral, NumberLiteral and UnquotedText patterns. */
  readonly patterns: { readonly identifier: string; readonly date: string; readonly number: string; readonly unquotedText: string };
}

/**
 * The scope of each reserved word. A word the lexer gains must be placed
 * here, or `buildGrammar` throws: colouring a new keyword as a name would go
 * unnoticed otherwise.
 */
export const RESERVED_WORD_SCOPES: Readonly<Record<string, string>> = {
  model: "keyword.declaration.qual",
  input: "keyword.declaration.qual",
  const: "keyword.declaration.qual",
  let: "keyword.declaration.qual",
  criterion: "keyword.declaration.qual",
  score: "keyword.declaration.qual",
  disqualify: "keyword.declaration.qual",
  tier: "keyword.declaration.qual",
  when: "keyword.control.qual",
  otherwise: "keyword.control.qual",
  if: "keyword.control.qual",
  then: "keyword.control.qual",
  else: "keyword.control.qual",
  and: "keyword.operator.word.qual",
  or: "keyword.operator.word.qual",
  not: "keyword.operator.word.qual",
  in: "keyword.operator.word.qual",
  between: "keyword.operator.word.qual",
  contains: "keyword.operator.word.qual",
  starts: "keyword.operator.word.qual",
  ends: "keyword.operator.word.qual",
  with: "keyword.operator.word.qual",
  matches: "keyword.operator.word.qual",
  is: "keyword.operator.word.qual",
  of: "keyword.operator.word.qual",
  true: "constant.language.boolean.qual",
  false: "constant.language.boolean.qual",
};

/**
 * Where each contextual word is a keyword. The grammar colours it as one only
 * in that construct; elsewhere it is a name like any other.
 */
export const CONTEXTUAL_WORD_CONSTRUCTS: Readonly<Record<string, string>> = {
  at: "`at least N of`",
  least: "`at least N of`",
  all: "`all of`",
  any: "`any of`",
  none: "`none of`",
  count: "`count of`, and `count(...)` as a function",
  sum: "`sum of`",
  avg: "`avg of`",
  latest: "`latest of`",
  earliest: "`earliest of`",
  min: "`min of`, a score's `min N` bound, and `min(...)` as a function",
  max: "`max of`, a score's `max N` bound, and `max(...)` as a function",
  where: "`of SOURCE where`",
  missing: "`is missing`",
  present: "`is present`",
  within: "`within N days`",
  days: "`within N days`",
  set: "`set NAME = (...)`",
  list: "`list of T` in the input block",
  one: "`one of (...)` in the input block",
  number: "a type in the input block",
  text: "a type in the input block",
  bool: "a type in the input block",
  date: "a type in the input block",
};

const AGGREGATES = ["all", "any", "none", "count", "sum", "avg", "min", "max", "latest", "earliest"];
const TYPE_WORDS = ["number", "text", "bool", "date"];
const NAMED_DECLARATIONS: Readonly<Record<string, string>> = {
  model: "entity.name.type.model.qual",
  const: "variable.other.constant.qual",
  let: "variable.other.definition.qual",
  criterion: "entity.name.function.criterion.qual",
  score: "entity.name.function.score.qual",
  tier: "entity.name.type.tier.qual",
};

const WORD_END = "(?![A-Za-z0-9_])";

/** An alternation of words, longest first, so a prefix never hides a longer word. */
function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length || a.localeCompare(b)).join("|");
}

/** Builds the grammar. Throws when the lexer has a word this module does not place. */
export function buildGrammar(source: GrammarSource): TextMateGrammar {
  const unplacedReserved = source.reservedWords.filter((word) => RESERVED_WORD_SCOPES[word] === undefined);
  const unplacedContextual = source.contextualWords.filter((word) => CONTEXTUAL_WORD_CONSTRUCTS[word] === undefined);
  if (unplacedReserved.length > 0 || unplacedContextual.length > 0) {
    throw new Error(
      `The lexer has words the TextMate grammar does not place: ${[...unplacedReserved, ...unplacedContextual].join(", ")}. ` +
        "Add them to RESERVED_WORD_SCOPES or CONTEXTUAL_WORD_CONSTRUCTS in packages/vscode/src/grammar/build-grammar.ts.",
    );
  }
  const { identifier } = source.patterns;
  // A name a declaration introduces: any identifier but a reserved word, which the lexer never reads as a name.
  const name = `(?!(?:${alternation(source.reservedWords)})${WORD_END})${identifier}`;
  const path = `${identifier}(?:\\.${identifier})*`;
  const expression = [{ include: "#expression" }];

  const reservedByScope = new Map<string, string[]>();
  for (const word of source.reservedWords) {
    const scope = RESERVED_WORD_SCOPES[word]!;
    reservedByScope.set(scope, [...(reservedByScope.get(scope) ?? []), word]);
  }
  const reservedRules: TextMateRule[] = [...reservedByScope].map(([scope, words]) => ({
    name: scope,
    match: `(?:${alternation(words)})${WORD_END}`,
  }));

  const declarationRules: TextMateRule[] = Object.entries(NAMED_DECLARATIONS).map(([keyword, scope]) => ({
    match: `(${keyword})(\\s+)(${name})`,
    captures: { "1": { name: "keyword.declaration.qual" }, "3": { name: scope } },
  }));

  const repository: Record<string, TextMateRule> = {
    comment: {
      name: "comment.line.number-sign.qual",
      match: "(#)[^\\n]*",
      captures: { "1": { name: "punctuation.definition.comment.qual" } },
    },
    string: {
      name: "string.quoted.double.qual",
      begin: '"',
      beginCaptures: { "0": { name: "punctuation.definition.string.begin.qual" } },
      // A string ends on its line, closed or not, as the lexer reads it.
      end: '(")|$',
      endCaptures: { "1": { name: "punctuation.definition.string.end.qual" } },
      patterns: [
        { name: "constant.character.escape.qual", match: '\\\\["\\\\nt]' },
        { name: "invalid.illegal.escape.qual", match: "\\\\." },
      ],
    },
    "input-block": {
      begin: `(input)${WORD_END}`,
      beginCaptures: { "1": { name: "keyword.declaration.qual" } },
      // Ends after its `{ ... }`, or at anything else, so a stray `input` never swallows the file.
      end: "(?<=\\})|(?=[^\\s{#])",
      patterns: [{ include: "#comment" }, { include: "#input-body" }],
    },
    "input-body": {
      name: "meta.block.input.qual",
      begin: "\\{",
      beginCaptures: { "0": { name: "punctuation.section.block.begin.qual" } },
      end: "\\}",
      endCaptures: { "0": { name: "punctuation.section.block.end.qual" } },
      patterns: [
        { include: "#comment" },
        { include: "#input-body" },
        {
          match: `(list|one)(\\s+)(of)${WORD_END}`,
          captures: { "1": { name: "support.type.qual" }, "3": { name: "keyword.operator.word.qual" } },
        },
        { name: "variable.other.property.qual", match: `${name}(?=\\s*:)` },
        { name: "support.type.primitive.qual", match: `(?:${alternation(TYPE_WORDS)})${WORD_END}` },
        { include: "#expression" },
      ],
    },
    expression: {
      patterns: [
        { include: "#comment" },
        {
          match: `(at)(\\s+)(least)${WORD_END}`,
          captures: { "1": { name: "keyword.operator.quantifier.qual" }, "3": { name: "keyword.operator.quantifier.qual" } },
        },
        {
          name: "keyword.operator.quantifier.qual",
          match: `(?:${alternation(AGGREGATES)})(?=\\s+of${WORD_END})`,
        },
        {
          match: `(of)(\\s+)(${path})(\\s+)(where)${WORD_END}`,
          captures: {
            "1": { name: "keyword.operator.word.qual" },
            "3": { patterns: expression },
            "5": { name: "keyword.control.where.qual" },
          },
        },
        {
          match: `(is)(\\s+)(missing|present)${WORD_END}`,
          captures: { "1": { name: "keyword.operator.word.qual" }, "3": { name: "keyword.operator.word.qual" } },
        },
        {
          match: `(within)(\\s+)([A-Za-z0-9_.]+)(\\s+)(days)${WORD_END}`,
          captures: {
            "1": { name: "keyword.operator.word.qual" },
            "3": { patterns: expression },
            "5": { name: "keyword.operator.word.qual" },
          },
        },
        { name: "keyword.operator.word.qual", match: `within(?=\\s+[A-Za-z0-9_(])` },
        {
          // A score's bounds: `min 0`, `max fit_cap {`, `max fit_cap + 5 {`; `min(...)` is the function.
          name: "keyword.other.bound.qual",
          match: `(?:min|max)(?=\\s+[-+]?[0-9]|\\s+${path}\\s*(?:\\{|(?:min|max)${WORD_END}|[-+*/]|$))`,
        },
        {
          match: `(set)(\\s+)(${name})(?=\\s*(?:=|"))`,
          captures: { "1": { name: "keyword.declaration.qual" }, "3": { name: "variable.other.set.qual" } },
        },
        ...declarationRules,
        { name: "support.function.builtin.qual", match: `(?:${alternation(source.functions)})(?=\\s*\\()` },
        ...reservedRules,
        { name: "variable.other.qual", match: identifier },
        { name: "constant.numeric.date.qual", match: source.patterns.date },
        { name: "constant.numeric.decimal.qual", match: source.patterns.number },
        { include: "#string" },
        { name: "string.unquoted.qual", match: source.patterns.unquotedText },
        { include: "#operator" },
        { include: "#punctuation" },
        { include: "#invalid" },
      ],
    },
    operator: {
      patterns: [
        { name: "keyword.operator.comparison.qual", match: ">=|<=|!=|>|<" },
        // `==`, `&&`, `||` from other languages: the lexer reads them and reports the Qual spelling.
        { name: "invalid.illegal.foreign-operator.qual", match: "==|&&|\\|\\|" },
        { name: "keyword.operator.comparison.qual", match: "=" },
        { name: "keyword.operator.coalesce.qual", match: "\\?\\?" },
        { name: "keyword.operator.optional.qual", match: "\\?" },
        { name: "keyword.operator.arithmetic.qual", match: "[-+*/]" },
      ],
    },
    punctuation: {
      patterns: [
        { name: "punctuation.section.parens.begin.qual", match: "\\(" },
        { name: "punctuation.section.parens.end.qual", match: "\\)" },
        { name: "punctuation.section.brackets.begin.qual", match: "\\[" },
        { name: "punctuation.section.brackets.end.qual", match: "\\]" },
        { name: "punctuation.section.braces.begin.qual", match: "\\{" },
        { name: "punctuation.section.braces.end.qual", match: "\\}" },
        { name: "punctuation.separator.comma.qual", match: "," },
        { name: "punctuation.separator.colon.qual", match: ":" },
        { name: "punctuation.accessor.dot.qual", match: "\\." },
      ],
    },
    invalid: {
      patterns: [
        // What no Qual token starts with, as the lexer's UnknownCharacters; a lone `!` the lexer rejects too.
        { name: "invalid.illegal.unknown.qual", match: '[^ \\t\\r\\n\\x{FEFF}A-Za-z0-9_"#(){}\\[\\],:.+\\-*/<>=!?]+' },
        { name: "invalid.illegal.unknown.qual", match: "!" },
      ],
    },
  };

  return {
    name: "Qual",
    scopeName: "source.qual",
    fileTypes: ["qual"],
    comment: "Generated by packages/vscode/scripts/generate-grammar.mjs from the Qual lexer's tokens; do not edit by hand.",
    patterns: [{ include: "#comment" }, { include: "#input-block" }, { include: "#expression" }],
    repository,
  };
}

/** The grammar as the committed file holds it: two-space JSON and a final newline. */
export function grammarFileText(grammar: TextMateGrammar): string {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}
