// The public API of the Qual front end.
export type * from "./ast.js";
export { parse, parseExpression } from "./parser/parse.js";
export type { ParseOptions, ParseResult, ExpressionParseResult } from "./parser/parse.js";
export { createIncrementalParser } from "./parser/incremental-parser.js";
export type { IncrementalParser, IncrementalParserOptions } from "./parser/incremental-parser.js";
export { DEFAULT_LIMITS } from "./limits.js";
export type { Limits } from "./limits.js";
export { format, printModel } from "./format/format.js";
export { printExpression } from "./format/print-expression.js";
export type { FormatResult } from "./format/format.js";
export { check } from "./checker/check.js";
export type { CheckOptions, CheckResult, SymbolInfo, SymbolKind, SymbolReference } from "./checker/check.js";
export { analyze } from "./analyze.js";
export type { AnalyzeOptions, AnalyzeResult } from "./analyze.js";
export { printDiagnostic } from "./diagnostics/print-diagnostic.js";
export type { PrintOptions } from "./diagnostics/print-diagnostic.js";
export { checkPattern } from "./checker/pattern-safety.js";
