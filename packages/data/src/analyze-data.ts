import type { Diagnostic, ModelIR } from "@qualify/ir";
import { hasErrors, LineMap } from "@qualify/ir";
import { check, DEFAULT_LIMITS } from "@qualify/language";
import type { Model, SymbolInfo, SymbolReference } from "@qualify/language";
import { buildModel } from "./build/build-ast.js";
import { DataCode, dataError, sortDiagnostics } from "./diagnostics/codes.js";
import { parseSourceDocument } from "./document/parse-document.js";
import type { DataFormat } from "./document/parse-document.js";
import { countDeclarations } from "./schema/count-declarations.js";
import { validateDocument } from "./schema/validate-document.js";

/** Options of {@link analyzeData}. */
export interface AnalyzeDataOptions {
  /** The file name, copied onto diagnostics; its extension picks the format when `format` is not given. */
  readonly file?: string;
  /** `yaml` (the default) or `json`. */
  readonly format?: DataFormat;
}

/** What {@link analyzeData} found. */
export interface AnalyzeDataResult {
  /** The syntax tree, with ranges in the data file; absent when the file is not well-formed or fails the schema. */
  ast?: Model;
  /** The checked model; present only when there is no error at all. */
  ir?: ModelIR;
  /** Every problem, sorted by position: the file's syntax and schema (QUAL6xx), expression syntax, and the checker's. */
  diagnostics: Diagnostic[];
  symbols: SymbolInfo[];
  references: SymbolReference[];
}

/** The analysis with the problems of reading the file kept apart from the checker's (for conversion). */
export interface DetailedAnalysis extends AnalyzeDataResult {
  /** Problems that stop conversion: syntax, schema and expression syntax errors. */
  readonly readErrors: boolean;
}

// The checker's "incomplete declaration" only restates an expression that did not parse.
const RESTATES_SYNTAX = new Set(["QUAL200"]);

/** The format a file name implies: `.json` is JSON, anything else YAML. */
export function formatOfFile(file: string | undefined): DataFormat {
  return file !== undefined && /\.json$/i.test(file) ? "json" : "yaml";
}

/**
 * Reads a model in the data form (YAML or JSON): parses the text with source
 * ranges, validates it against the published JSON Schema, builds the Qual
 * syntax tree (parsing every expression string with the language's parser)
 * and checks it with the language's checker. Never throws; every problem is a
 * diagnostic pointing at its line and column in the data file.
 */
export function analyzeData(text: string, options: AnalyzeDataOptions = {}): AnalyzeDataResult {
  const { readErrors: _readErrors, ...result } = analyzeDataDetailed(text, options);
  return result;
}

/** {@link analyzeData}, also saying whether reading the file failed before the checker. */
export function analyzeDataDetailed(text: string, options: AnalyzeDataOptions = {}): DetailedAnalysis {
  try {
    return analyzeUnguarded(text, options);
  } catch (error) {
    // Never throw on user input: a failure here is a bug in qualify, reported where the user will see it.
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The data form reader failed on this file (${reason}); this is a bug in qualify, not in the model.`;
    return { diagnostics: [dataError(DataCode.Internal, message, new LineMap(text).range(0, 0), options.file)], symbols: [], references: [], readErrors: true };
  }
}

function analyzeUnguarded(text: string, options: AnalyzeDataOptions): DetailedAnalysis {
  const file = options.file;
  const format = options.format ?? formatOfFile(file);
  const parsed = parseSourceDocument(text, { format, ...(file === undefined ? {} : { file }) });
  if (parsed.source === undefined) return { diagnostics: parsed.diagnostics, symbols: [], references: [], readErrors: true };
  // Counted before validation, which would otherwise spend its time on a model too large to accept.
  const counted = countDeclarations(parsed.source.value);
  if (counted > DEFAULT_LIMITS.maxDeclarations) {
    const message = `This model has ${counted} declarations, fields and rules, more than the limit of ${DEFAULT_LIMITS.maxDeclarations}.`;
    return { diagnostics: [dataError(DataCode.TooLarge, message, parsed.source.lineMap.range(0, 0), file)], symbols: [], references: [], readErrors: true };
  }
  const schemaProblems = validateDocument(parsed.source);
  if (schemaProblems.length > 0) return { diagnostics: sortDiagnostics(schemaProblems), symbols: [], references: [], readErrors: true };
  const context = { source: parsed.source, diagnostics: [] as Diagnostic[] };
  const ast = buildModel(context);
  const readErrors = hasErrors(context.diagnostics);
  const checked = check(ast, file === undefined ? {} : { file });
  const fromChecker = readErrors ? checked.diagnostics.filter((d) => !RESTATES_SYNTAX.has(d.code)) : checked.diagnostics;
  const result: DetailedAnalysis = {
    ast,
    diagnostics: sortDiagnostics([...context.diagnostics, ...fromChecker]),
    symbols: checked.symbols,
    references: checked.references,
    readErrors,
  };
  if (!readErrors && checked.ir !== undefined) result.ir = checked.ir;
  return result;
}
