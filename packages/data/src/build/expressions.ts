import type { Diagnostic, SourceRange } from "@qualify/ir";
import type { Expr } from "@qualify/language";
import { parseExpression } from "@qualify/language";
import { isScalar } from "yaml";
import { resolveNode } from "../document/node-at-path.js";
import { scalarText } from "../document/scalar-text.js";
import type { ScalarText } from "../document/scalar-text.js";
import type { BuildContext } from "./source-context.js";

/**
 * Parses the expression written in a YAML/JSON scalar with the language's own
 * expression parser, so every range (of nodes and of diagnostics) points into
 * the data file. A single-line scalar copied verbatim (plain, or quoted
 * without escapes) is parsed with `origin` at its first character; any other
 * (escapes, folded or block scalars) is parsed alone and its ranges are then
 * mapped back character by character.
 */
export function parseScalarExpression(context: BuildContext, node: unknown): Expr | undefined {
  const scalar = resolveNode(context.source.document, node);
  if (!isScalar(scalar)) return undefined;
  const { lineMap, text: sourceText, file } = context.source;
  const mapped = scalarText(sourceText, scalar);
  const fileOption = file === undefined ? {} : { file };
  if (mapped.verbatim) {
    const origin = lineMap.position(mapped.starts[0] ?? 0);
    const result = parseExpression(mapped.text, { ...fileOption, origin });
    context.diagnostics.push(...result.diagnostics);
    return result.expr;
  }
  const result = parseExpression(mapped.text, fileOption);
  const remap = (range: SourceRange): SourceRange => mapRange(range, mapped, context);
  context.diagnostics.push(...result.diagnostics.map((d) => remapRanges(d, remap) as Diagnostic));
  return result.expr === undefined ? undefined : (remapRanges(result.expr, remap) as Expr);
}

function mapRange(range: SourceRange, mapped: ScalarText, context: BuildContext): SourceRange {
  const length = mapped.text.length;
  const clamp = (offset: number): number => Math.max(0, Math.min(offset, length));
  const start = clamp(range.start.offset);
  const end = clamp(range.end.offset);
  const fileStart = mapped.starts[start] ?? 0;
  const fileEnd = end === 0 ? fileStart : (mapped.ends[end - 1] ?? mapped.starts[length] ?? fileStart);
  return context.source.lineMap.range(fileStart, Math.max(fileStart, fileEnd));
}

function isRange(value: unknown): value is SourceRange {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { start?: { offset?: unknown }; end?: { offset?: unknown } };
  return typeof candidate.start?.offset === "number" && typeof candidate.end?.offset === "number";
}

/** A copy of a plain tree (syntax nodes, diagnostics) with every source range passed through `remap`. */
export function remapRanges(value: unknown, remap: (range: SourceRange) => SourceRange): unknown {
  if (Array.isArray(value)) return value.map((item) => remapRanges(item, remap));
  if (typeof value !== "object" || value === null) return value;
  if (isRange(value)) return remap(value);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = remapRanges(item, remap);
  return out;
}
