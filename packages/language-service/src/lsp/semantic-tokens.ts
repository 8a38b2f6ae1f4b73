import type { SourceRange } from "@qualify/ir";
import type { SymbolInfo, SymbolKind } from "@qualify/language";
import type { SemanticTokens, SemanticTokensLegend } from "vscode-languageserver-types";
import type { QualDocument } from "../qual-document.js";

/**
 * The semantic token types, by the kind of name they colour. Keywords,
 * literals and comments are the TextMate grammar's job; what only the
 * checker knows is what each name refers to, so that is what these add.
 */
const TOKEN_TYPE_OF_KIND: Readonly<Record<SymbolKind, string>> = {
  field: "property",
  const: "variable",
  set: "enum",
  let: "variable",
  criterion: "function",
  score: "method",
  tier: "enumMember",
};

const TOKEN_TYPES = [...new Set(Object.values(TOKEN_TYPE_OF_KIND))];
const TOKEN_MODIFIERS = ["declaration", "readonly"];

/** The legend the server announces; token numbers index into it. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: TOKEN_TYPES, tokenModifiers: TOKEN_MODIFIERS };

interface Token {
  readonly offset: number;
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

/**
 * The semantic tokens of a Qual document: each declared name and each use,
 * typed by what it names. A dotted use (`company.employees`) colours each
 * part by the symbol that part names. Tokens are one line each, sorted, and
 * never overlap, as the protocol requires.
 */
export function semanticTokensOf(doc: QualDocument): SemanticTokens {
  if (doc.format !== "qual") return { data: [] };
  const { symbols, references } = doc.analysis;
  const byName = new Map(symbols.map((s) => [s.name, s]));
  const tokens = new Map<number, Token>();
  const add = (range: SourceRange, symbol: SymbolInfo, declaration: boolean): void => {
    const segment = symbol.name.slice(symbol.name.lastIndexOf(".") + 1);
    const start = range.end.offset - segment.length;
    if (start < range.start.offset || doc.text.slice(start, range.end.offset) !== segment) return;
    if (tokens.has(start)) return;
    const position = doc.lineMap.position(start);
    const modifiers = (declaration ? 1 : 0) | (symbol.kind === "const" ? 2 : 0);
    const type = TOKEN_TYPES.indexOf(TOKEN_TYPE_OF_KIND[symbol.kind]);
    tokens.set(start, { offset: start, line: position.line - 1, character: position.column - 1, length: segment.length, type, modifiers });
  };
  for (const symbol of symbols) add(symbol.range, symbol, true);
  for (const reference of references) {
    const symbol = byName.get(reference.name);
    if (symbol) add(reference.range, symbol, false);
  }
  const sorted = [...tokens.values()].sort((a, b) => a.offset - b.offset);
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of sorted) {
    const deltaLine = token.line - line;
    data.push(deltaLine, deltaLine === 0 ? token.character - character : token.character, token.length, token.type, token.modifiers);
    line = token.line;
    character = token.character;
  }
  return { data };
}
