import type { Diagnostic } from "@qualify/ir";
import type { Model } from "./ast.js";
import type { IncrementalParser } from "./parser/incremental-parser.js";
import { parse } from "./parser/parse.js";
import type { ParseOptions, ParseResult } from "./parser/parse.js";
import { check } from "./checker/check.js";
import type { CheckResult } from "./checker/check.js";
import { CATALOG } from "./diagnostics/messages.js";

/** The outcome of `analyze`: the tree plus everything `check` found. */
export interface AnalyzeResult extends CheckResult {
  ast: Model;
}

/** Options of `analyze`. */
export interface AnalyzeOptions extends ParseOptions {
  /**
   * Parses with this incremental parser (an editor keeps one per open
   * document) instead of `parse`; the result is the same, only faster on a
   * text that differs little from the one parsed before. Its limits are the
   * ones it was created with, so `limits` must not be given with it.
   */
  parser?: IncrementalParser;
}

/**
 * Checker codes that restate a syntax error (a missing `model` line, input
 * block or part of a declaration); after the parser has reported errors they
 * would only repeat it.
 */
const RESTATES_SYNTAX = new Set<string>([CATALOG.incomplete.code, CATALOG.missingModel.code, CATALOG.missingInput.code]);

/** Unused-name warnings: after a syntax error, the declaration that used the name may be the broken one. */
const UNUSED = new Set<string>([CATALOG.unusedField.code, CATALOG.unusedConst.code, CATALOG.unusedLet.code, CATALOG.unusedSet.code]);

/**
 * Parses and checks a model's text in one step, as the CLI and the editor do.
 * Diagnostics are the parser's and the checker's together, sorted by
 * position. After a syntax error, checker diagnostics inside the broken
 * declaration are left out: they describe the parser's recovery, not the
 * author's intent. Never throws on any text.
 *
 * @throws TypeError when both `parser` and `limits` are given (a programming
 * error: the parser's own limits apply), or for unknown limits.
 */
export function analyze(text: string, options?: AnalyzeOptions): AnalyzeResult {
  const parsed = parseWith(text, options);
  const checked = check(parsed.ast, options?.file === undefined ? {} : { file: options.file });
  const syntaxErrors = parsed.diagnostics.filter((d) => d.severity === "error");
  const fromChecker = syntaxErrors.length === 0 ? checked.diagnostics : withoutCascades(checked.diagnostics, syntaxErrors, parsed.ast);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...fromChecker].sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset,
  );
  const result: AnalyzeResult = { ast: parsed.ast, diagnostics, symbols: checked.symbols, references: checked.references };
  if (syntaxErrors.length === 0 && checked.ir !== undefined) result.ir = checked.ir;
  return result;
}

/**
 * A declaration counts as broken when a syntax error falls after its start
 * and up to the next declaration's start: after recovery its own range may
 * stop short of the error that cut it off.
 */
function withoutCascades(diagnostics: readonly Diagnostic[], syntaxErrors: readonly Diagnostic[], ast: Model): Diagnostic[] {
  const starts = [...(ast.input === undefined ? [] : [ast.input]), ...ast.declarations]
    .map((node) => node.range.start.offset)
    .sort((a, b) => a - b);
  const spans = starts.map((start, i) => ({ start, end: starts[i + 1] ?? Number.POSITIVE_INFINITY }));
  const within = (offset: number, span: { start: number; end: number }): boolean => offset >= span.start && offset < span.end;
  // An error found at the very start of a declaration is about the one before it (reported at the next token).
  const broken = spans.filter((span) => syntaxErrors.some((e) => e.range.start.offset > span.start && e.range.start.offset <= span.end));
  const inBroken = (d: Diagnostic): boolean => broken.some((span) => within(d.range.start.offset, span));
  return diagnostics.filter((d) => !RESTATES_SYNTAX.has(d.code) && !UNUSED.has(d.code) && !inBroken(d));
}

function parseWith(text: string, options: AnalyzeOptions | undefined): ParseResult {
  if (options?.parser === undefined) return parse(text, options);
  if (options.limits !== undefined) {
    throw new TypeError("analyze: give limits to createIncrementalParser, not with `parser`: the parser's own limits apply");
  }
  return options.parser.parse(text, options.file === undefined ? {} : { file: options.file });
}
