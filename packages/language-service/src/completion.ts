import { typeToString } from "@qualify/ir";
import type { InputField } from "@qualify/ir";
import type { SymbolInfo } from "@qualify/language";
import { BUILTIN_FUNCTIONS, KEYWORD_COMPLETIONS, TYPE_COMPLETIONS } from "./keywords.js";
import type { KeywordCompletion } from "./keywords.js";
import type { QualDocument } from "./qual-document.js";
import { dottedPathBefore, isInCommentOrString, isLineStart, isTypePosition, linePrefix, wordAt } from "./text-context.js";
import type { CompletionEntry, CompletionKind, CompletionList } from "./types.js";

/** The kinds of symbol that can be named in an expression (tiers cannot). */
const EXPRESSION_KINDS = new Set<SymbolInfo["kind"]>(["field", "const", "set", "let", "criterion", "score"]);

/**
 * The completion proposals at `offset`: after `record.` the record's fields;
 * after `name:` in the input block the type words; elsewhere keywords, the
 * model's names with their types, and the built-in functions.
 */
export function completeAt(doc: QualDocument, offset: number): CompletionList {
  const text = doc.text;
  const word = wordAt(text, offset);
  const replace = { start: word.start, end: offset };
  const choice = choiceContext(text, offset);
  if (choice) return { items: choicesOf(doc.symbols, choice.field), replace: { start: choice.start, end: offset } };
  if (isInCommentOrString(text, word.start)) return { items: [], replace };

  const path = dottedPathBefore(text, word.start);
  if (path !== undefined) return { items: fieldsOfRecord(doc.symbols, path), replace };
  if (isTypePosition(text, offset, doc.format)) return { items: TYPE_COMPLETIONS.map((k) => keywordEntry(k, "type", "0")), replace };

  const atLineStart = isLineStart(text, word.start);
  const items: CompletionEntry[] = [];
  // Inside `of LIST where ...`, the fields of LIST's elements are in scope and come first.
  const list = aggregateListBefore(text, word.start);
  if (list !== undefined) items.push(...elementFieldsOf(doc.symbols, list));
  for (const symbol of doc.symbols) {
    if (EXPRESSION_KINDS.has(symbol.kind) && !symbol.name.includes(".")) items.push(symbolEntry(symbol, "1"));
  }
  for (const fn of BUILTIN_FUNCTIONS) {
    items.push({
      label: fn.name,
      kind: "function",
      detail: fn.signature,
      documentation: fn.doc,
      insertText: `${fn.name}($1)`,
      isSnippet: true,
      sortText: `2${fn.name}`,
    });
  }
  for (const keyword of KEYWORD_COMPLETIONS) {
    const preferred = (keyword.context === "declaration") === atLineStart;
    items.push(keywordEntry(keyword, "keyword", preferred ? "0" : "3"));
  }
  return { items, replace };
}

/**
 * Inside a text literal compared with a field (`plan = "pr|`, `plan in ["a", "|`):
 * the field and where the literal's content starts.
 */
function choiceContext(text: string, offset: number): { field: string; start: number } | undefined {
  const prefix = linePrefix(text, offset);
  const match = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(?:=|!=|not\s+in|in)\s*\[?(?:\s*"[^"\\]*"\s*,)*\s*"([^"\\]*)$/.exec(prefix);
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { field: match[1], start: offset - match[2].length };
}

/** The options of a `one of` field, for completion inside a text literal. */
function choicesOf(symbols: readonly SymbolInfo[], field: string): CompletionEntry[] {
  const type = symbols.find((s) => s.kind === "field" && s.name === field)?.type;
  if (type?.kind !== "choice") return [];
  return type.options.map((option, index) => ({
    label: option,
    kind: "keyword",
    detail: `one of the choices of ${field}`,
    insertText: option,
    isSnippet: false,
    sortText: String(index).padStart(4, "0"),
  }));
}

/** The fields one level below the record at `path`, from the symbol table and the record's type. */
function fieldsOfRecord(symbols: readonly SymbolInfo[], path: string): CompletionEntry[] {
  const entries = new Map<string, CompletionEntry>();
  const prefix = `${path}.`;
  for (const symbol of symbols) {
    if (symbol.kind !== "field" || !symbol.name.startsWith(prefix)) continue;
    const rest = symbol.name.slice(prefix.length);
    if (rest.length > 0 && !rest.includes(".")) entries.set(rest, { ...symbolEntry(symbol, "0"), label: rest, insertText: rest });
  }
  const found = symbols.find((s) => s.kind === "field" && s.name === path)?.type;
  // `deals.amount`: a list of records names its elements' fields (`sum of deals.amount`).
  const record = found?.kind === "list" ? found.element : found;
  if (record?.kind === "record") {
    for (const field of record.fields) {
      if (!entries.has(field.name)) entries.set(field.name, fieldEntry(field, `${path}.${field.name}`));
    }
  }
  return [...entries.values()];
}

/**
 * The list of the innermost `of LIST where` that the text before `offset`
 * is in, within the current declaration (the lines since the last one that
 * starts a declaration).
 */
function aggregateListBefore(text: string, offset: number): string | undefined {
  const before = text.slice(0, offset);
  const starts = [...before.matchAll(/^(?:criterion|score|let|tier|disqualify|const|set)\b/gm)];
  const declaration = before.slice(starts.at(-1)?.index ?? 0);
  const wheres = [...declaration.matchAll(/\bof\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s+where\b/g)];
  return wheres.at(-1)?.[1];
}

/** The fields of the elements of a list of records, for completion inside its `where`. */
function elementFieldsOf(symbols: readonly SymbolInfo[], list: string): CompletionEntry[] {
  const type = symbols.find((s) => s.kind === "field" && s.name === list)?.type;
  if (type?.kind !== "list" || type.element.kind !== "record") return [];
  return type.element.fields.map((field) => ({ ...fieldEntry(field, `${list}.${field.name}`), detail: `field of each ${list} element: ${typeToString(field.type)}` }));
}

function symbolEntry(symbol: SymbolInfo, rank: string): CompletionEntry {
  const typeText = symbol.type ? typeToString(symbol.type) : undefined;
  const detail = [symbol.kind, typeText].filter(Boolean).join(": ") + (symbol.label ? ` — ${symbol.label}` : "");
  const docs = [symbol.label ? `**${symbol.label}**` : undefined, symbol.doc].filter((s): s is string => !!s);
  return {
    label: symbol.name,
    kind: symbol.kind as CompletionKind,
    detail,
    ...(docs.length > 0 ? { documentation: docs.join("\n\n") } : {}),
    insertText: symbol.name,
    isSnippet: false,
    sortText: `${rank}${symbol.name}`,
  };
}

function fieldEntry(field: InputField, fullName: string): CompletionEntry {
  return {
    label: field.name,
    kind: "field",
    detail: `field: ${typeToString(field.type)}${field.optional ? " (optional)" : ""}`,
    ...(field.doc ? { documentation: field.doc } : {}),
    insertText: field.name,
    isSnippet: false,
    sortText: `0${fullName}`,
  };
}

function keywordEntry(keyword: KeywordCompletion, kind: CompletionKind, rank: string): CompletionEntry {
  return {
    label: keyword.label,
    kind,
    detail: kind === "type" ? "type" : "keyword",
    documentation: keyword.doc,
    insertText: keyword.snippet,
    isSnippet: keyword.snippet.includes("$"),
    sortText: `${rank}${keyword.label}`,
  };
}
