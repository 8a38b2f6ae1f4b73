// What the TextMate grammar is built from: the Qual lexer's reserved and
// contextual words, its literal patterns and the checker's built-in
// functions. The generator passes the built modules; the grammar test passes
// the TypeScript sources, so both read the same tables.

/**
 * @param {{ reservedWords: readonly { PATTERN: RegExp }[], contextualWords: readonly { PATTERN: RegExp }[],
 *   Identifier: { PATTERN: RegExp }, DateLiteral: { PATTERN: RegExp }, NumberLiteral: { PATTERN: RegExp },
 *   UnquotedText: { PATTERN: RegExp } }} tokens the lexer's `tokens` module
 * @param {Readonly<Record<string, unknown>>} functions the checker's `FUNCTIONS` table
 * @returns {import("../src/grammar/build-grammar.js").GrammarSource}
 */
export function grammarSource(tokens, functions) {
  const word = (type) => type.PATTERN.source;
  return {
    reservedWords: tokens.reservedWords.map(word),
    contextualWords: tokens.contextualWords.map(word),
    functions: Object.keys(functions),
    patterns: {
      identifier: tokens.Identifier.PATTERN.source,
      date: tokens.DateLiteral.PATTERN.source,
      number: tokens.NumberLiteral.PATTERN.source,
      unquotedText: tokens.UnquotedText.PATTERN.source,
    },
  };
}
