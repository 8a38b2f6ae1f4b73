import { typeToString } from "@qualify/ir";
import type { SourceRange } from "@qualify/ir";
import type { SymbolInfo, SymbolReference } from "@qualify/language";
import { BUILTIN_FUNCTIONS, KEYWORD_COMPLETIONS } from "./keywords.js";
import type { QualDocument } from "./qual-document.js";
import { wordAt } from "./text-context.js";
import type { HoverInfo, Location } from "./types.js";

function contains(range: SourceRange, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** The symbol named at `offset`: a use of a name, or the name in its declaration. */
export function symbolAt(doc: QualDocument, offset: number): { symbol: SymbolInfo; range: SourceRange } | undefined {
  const symbols = doc.analysis.symbols;
  // Dotted paths yield nested references (`company`, `company.employees`); the narrowest one is the part under the cursor.
  let reference: SymbolReference | undefined;
  for (const r of doc.analysis.references) {
    if (!contains(r.range, offset)) continue;
    if (!reference || r.range.end.offset - r.range.start.offset < reference.range.end.offset - reference.range.start.offset) reference = r;
  }
  if (reference) {
    const symbol = findSymbol(symbols, reference, offset);
    if (symbol) return { symbol, range: reference.range };
  }
  const declared = symbols.find((s) => contains(s.range, offset));
  return declared ? { symbol: declared, range: declared.range } : undefined;
}

/**
 * The symbol a reference names. A dotted reference (`company.employees`)
 * whose range covers the whole path resolves to the part under the cursor,
 * so hovering `company` shows the record and `employees` the field.
 */
function findSymbol(symbols: readonly SymbolInfo[], reference: SymbolReference, offset: number): SymbolInfo | undefined {
  const parts = reference.name.split(".");
  if (parts.length > 1) {
    const inner = offset - reference.range.start.offset;
    let consumed = 0;
    for (let i = 0; i < parts.length; i++) {
      consumed += (parts[i] ?? "").length + (i > 0 ? 1 : 0);
      if (inner <= consumed) {
        const name = parts.slice(0, i + 1).join(".");
        return symbols.find((s) => s.name === name) ?? symbols.find((s) => s.name === reference.name);
      }
    }
  }
  return symbols.find((s) => s.name === reference.name);
}

/** Hover text at `offset`: a name's kind, type, label and doc; a function's signature; a keyword's meaning. */
export function hoverAt(doc: QualDocument, offset: number): HoverInfo | undefined {
  const found = symbolAt(doc, offset);
  if (found) return { range: found.range, contents: describeSymbol(found.symbol) };
  const word = wordAt(doc.text, offset);
  if (word.start === word.end) return undefined;
  const name = doc.text.slice(word.start, word.end);
  const range = doc.lineMap.range(word.start, word.end);
  const followedByParen = /^\s*\(/.test(doc.text.slice(word.end, word.end + 20));
  const fn = BUILTIN_FUNCTIONS.find((f) => f.name === name);
  if (fn && followedByParen) return { range, contents: ["```qual\n" + fn.signature + "\n```", fn.doc] };
  const keyword = KEYWORD_COMPLETIONS.find((k) => k.label === name || k.label.split(" ").includes(name));
  if (keyword) return { range, contents: [`\`${keyword.label}\``, keyword.doc] };
  return undefined;
}

/** The Markdown that describes a symbol: `criterion budget: bool`, its label and its doc. */
export function describeSymbol(symbol: SymbolInfo): string[] {
  const typeText = symbol.type ? `: ${typeToString(symbol.type)}` : "";
  const contents = ["```qual\n" + `${symbol.kind} ${symbol.name}${typeText}` + "\n```"];
  if (symbol.label) contents.push(`**${symbol.label}**`);
  if (symbol.doc) contents.push(symbol.doc);
  return contents;
}

/** Where the name at `offset` is declared. */
export function definitionAt(doc: QualDocument, offset: number): Location | undefined {
  const found = symbolAt(doc, offset);
  return found ? { uri: doc.uri, range: found.symbol.range } : undefined;
}

/** Every use of the name at `offset`, and its declaration when `includeDeclaration`. */
export function referencesAt(doc: QualDocument, offset: number, includeDeclaration: boolean): Location[] {
  const found = symbolAt(doc, offset);
  if (!found) return [];
  const name = found.symbol.name;
  const uses = doc.analysis.references
    .filter((r) => r.name === name || r.name.startsWith(`${name}.`))
    .map((r) => ({ uri: doc.uri, range: r.range }));
  return includeDeclaration ? [{ uri: doc.uri, range: found.symbol.range }, ...uses] : uses;
}
