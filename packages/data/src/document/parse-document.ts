import { LineMap } from "@qualify/ir";
import type { Diagnostic } from "@qualify/ir";
import { Composer, Parser } from "yaml";
import type { Document, YAMLError } from "yaml";
import { DataCode, dataError } from "../diagnostics/codes.js";

/** The two spellings of the data form. JSON is read as YAML (it is YAML), so one path gives positions for both. */
export type DataFormat = "yaml" | "json";

/** A parsed data file: the YAML document with its node ranges, and the plain value it holds. */
export interface SourceDocument {
  readonly text: string;
  readonly format: DataFormat;
  readonly file?: string;
  readonly lineMap: LineMap;
  readonly document: Document.Parsed;
  /** The document as plain JSON-like data (what the schema validates). */
  readonly value: unknown;
  /** The concrete syntax tokens of the text (where the comments are), from the same single parse. */
  readonly tokens: readonly unknown[];
}

/** What {@link parseSourceDocument} returns: a document when the text is well-formed. */
export interface ParsedSource {
  readonly source?: SourceDocument;
  readonly diagnostics: Diagnostic[];
}

/** Options of {@link parseSourceDocument}. */
export interface ParseSourceOptions {
  readonly file?: string;
  readonly format: DataFormat;
}

// Aliases can multiply a small text into a huge value ("billion laughs");
// a model never needs many of them.
const MAX_ALIAS_COUNT = 100;

/** Limits on a data file, in the spirit of the language's parser limits. */
export const DATA_LIMITS = Object.freeze({
  /** Characters in the file (the .qual parser's default is the same). */
  maxSourceLength: 5_000_000,
  /** Nesting of mappings and lists; a model needs about ten, even with nested records. */
  maxNestingDepth: 64,
});

/** The deepest nesting of arrays and objects in a value, counted without recursion (so no depth can overflow the stack). */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== "object" || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError;
}

/**
 * Parses YAML or JSON text with source ranges. Never throws: malformed text,
 * an empty file and several documents in one file become QUAL600/QUAL607/QUAL608
 * diagnostics. JSON is parsed with the YAML library's JSON schema, so plain
 * words that JSON does not allow (`{a: 1}`) are reported too.
 */
export function parseSourceDocument(text: string, options: ParseSourceOptions): ParsedSource {
  const lineMap = new LineMap(text);
  const file = options.file;
  const diagnostics: Diagnostic[] = [];
  if (text.length > DATA_LIMITS.maxSourceLength) {
    const message = `The file has ${text.length} characters, more than the limit of ${DATA_LIMITS.maxSourceLength}.`;
    return { diagnostics: [dataError(DataCode.TooLarge, message, lineMap.range(DATA_LIMITS.maxSourceLength, text.length), file)] };
  }
  let documents: Document.Parsed[];
  let tokens: unknown[];
  try {
    // Parse once into concrete tokens (kept for the comments) and compose the documents from them.
    tokens = Array.from(new Parser().parse(text));
    const composer = new Composer({ uniqueKeys: true, schema: options.format === "json" ? "json" : "core", strict: true });
    documents = Array.from(composer.compose(tokens as Parameters<Composer["compose"]>[0])) as Document.Parsed[];
  } catch (error) {
    diagnostics.push(unreadable(error, options.format, lineMap, file));
    return { diagnostics };
  }
  const first = documents[0];
  if (first === undefined || first.contents === null) {
    diagnostics.push(
      dataError(DataCode.DocumentShape, `The file is empty: a model needs at least \`model\`, \`input\` and \`declarations\`.`, lineMap.range(0, text.length), file),
    );
    return { diagnostics };
  }
  for (const error of first.errors) diagnostics.push(fromYamlError(error, options.format, lineMap, file));
  for (const extra of documents.slice(1)) {
    const start = extra.range[0];
    diagnostics.push(
      dataError(DataCode.DocumentShape, "The file holds more than one document; a model file holds exactly one.", lineMap.range(start, Math.max(start + 1, extra.range[1])), file),
    );
  }
  if (diagnostics.length > 0) return { diagnostics };
  let value: unknown;
  try {
    value = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    diagnostics.push(unreadable(error, options.format, lineMap, file));
    return { diagnostics };
  }
  if (nestingDepth(value, DATA_LIMITS.maxNestingDepth) > DATA_LIMITS.maxNestingDepth) {
    const message = `The ${formatName(options.format)} is nested more than ${DATA_LIMITS.maxNestingDepth} levels deep; a model never needs that many.`;
    diagnostics.push(dataError(DataCode.TooLarge, message, lineMap.range(0, Math.min(text.length, 1)), file));
    return { diagnostics };
  }
  return { source: { text, format: options.format, lineMap, document: first, value, tokens, ...(file === undefined ? {} : { file }) }, diagnostics };
}

function unreadable(error: unknown, format: DataFormat, lineMap: LineMap, file: string | undefined): Diagnostic {
  if (isStackOverflow(error)) {
    const message = `The ${formatName(format)} is nested too deeply to read; a model never needs more than ${DATA_LIMITS.maxNestingDepth} levels.`;
    return dataError(DataCode.TooLarge, message, lineMap.range(0, Math.min(lineMap.text.length, 1)), file);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return dataError(DataCode.Syntax, `The ${formatName(format)} could not be read: ${reason}`, lineMap.range(0, 0), file);
}

function fromYamlError(error: YAMLError, format: DataFormat, lineMap: LineMap, file: string | undefined): Diagnostic {
  const [start, end] = error.pos;
  const range = lineMap.range(start, Math.max(end, start + 1));
  if (error.code === "RESOURCE_EXHAUSTION") {
    const message = `The ${formatName(format)} is nested too deeply to read; a model never needs more than ${DATA_LIMITS.maxNestingDepth} levels.`;
    return dataError(DataCode.TooLarge, message, range, file);
  }
  if (error.code === "DUPLICATE_KEY") {
    return dataError(DataCode.DuplicateKey, "This key appears twice in the same mapping; each key may appear once.", range, file);
  }
  // The library's messages are precise; strip its own " at line L, column C" suffix since the range says where.
  const message = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "");
  return dataError(DataCode.Syntax, `The ${formatName(format)} is not well-formed: ${message}`, range, file);
}

function formatName(format: DataFormat): string {
  return format === "json" ? "JSON" : "YAML";
}
