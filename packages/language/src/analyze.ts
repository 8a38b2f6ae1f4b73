import type { Diagnostic } from "@qualify/ir";
import type { Model } from "./ast.js";
import { parse } from "./parser/parse.js";
import type { ParseOptions } from "./parser/parse.js";
import { check } from "./checker/check.js";
import type { CheckResult } from "./checker/check.js";
import { CATALOG } from "./diagnostics/messages.js";

/** The outcome of `analyze`: the tree plus everything `check` found. */
export interface AnalyzeResult extends CheckResult {
  ast: Model;
}

/**
 * Checker codes that restate a syntax error (a missing `model` line, input
 * block or part of a declaration); after the parser has reported errors they
 * would only repeat it.
 */
const RESTATES_SYNTAX = new Set<string>([CATALOG.incomplete.code, CATALOG.missingModel.code, CATALOG.missingInput.code]);

/**
 * Parses and checks a model's text in one step, as the CLI and the editor do.
 * Diagnostics are the parser's and the checker's together, sorted by
 * position. Never throws on any text.
 */
export function analyze(text: string, options?: ParseOptions): AnalyzeResult {
  const parsed = parse(text, options);
  const checked = check(parsed.ast, options?.file === undefined ? {} : { file: options.file });
  const syntaxErrors = parsed.diagnostics.some((d) => d.severity === "error");
  const fromChecker = syntaxErrors ? checked.diagnostics.filter((d) => !RESTATES_SYNTAX.has(d.code)) : checked.diagnostics;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...fromChecker].sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset,
  );
  const result: AnalyzeResult = { ast: parsed.ast, diagnostics, symbols: checked.symbols, references: checked.references };
  if (!syntaxErrors && checked.ir !== undefined) result.ir = checked.ir;
  return result;
}
