import type { Diagnostic, SourceRange } from "@qualify/ir";
import { isMap, isPair, isScalar, isSeq } from "yaml";
import type { Node, Pair } from "yaml";
import type { SourceDocument } from "../document/parse-document.js";
import { nodeSpan, pairSpan, resolveNode } from "../document/node-at-path.js";

/** What building a syntax tree from a data document passes around: the source, and where problems go. */
export interface BuildContext {
  readonly source: SourceDocument;
  readonly diagnostics: Diagnostic[];
}

/** The range of a node's own text: a mapping from its first key to its last value, without trailing comments. */
export function rangeOfNode(context: BuildContext, node: unknown): SourceRange {
  const span = spanOf(context, node) ?? [0, 0];
  return context.source.lineMap.range(span[0], span[1]);
}

/** The range from a pair's key to the end of its value. */
export function rangeOfPair(context: BuildContext, pair: Pair<unknown, unknown>): SourceRange {
  const span = pairSpan(pair) ?? [0, 0];
  return context.source.lineMap.range(span[0], span[1]);
}

function spanOf(context: BuildContext, node: unknown): [number, number] | undefined {
  const resolved = resolveNode(context.source.document, node);
  if (isMap(resolved) && resolved.items.length > 0 && !resolved.flow) {
    const first = resolved.items[0];
    const last = resolved.items[resolved.items.length - 1];
    const start = first === undefined ? undefined : pairSpan(first);
    const end = last === undefined ? undefined : pairSpan(last);
    if (start !== undefined && end !== undefined) return [start[0], end[1]];
  }
  if (isSeq(resolved) && resolved.items.length > 0 && !resolved.flow) {
    const whole = nodeSpan(resolved);
    const last = spanOf(context, resolved.items[resolved.items.length - 1]);
    if (whole !== undefined && last !== undefined) return [whole[0], last[1]];
  }
  return nodeSpan(resolved);
}

/** The pairs of a mapping node (after following aliases), in order. */
export function pairsOf(context: BuildContext, node: unknown): Pair<unknown, unknown>[] {
  const map = resolveNode(context.source.document, node);
  return isMap(map) ? map.items.filter((item): item is Pair<unknown, unknown> => isPair(item)) : [];
}

/** The items of a sequence node (after following aliases), in order. */
export function itemsOf(context: BuildContext, node: unknown): Node[] {
  const seq = resolveNode(context.source.document, node);
  if (!isSeq(seq)) return [];
  const out: Node[] = [];
  for (const item of seq.items) {
    const resolved = resolveNode(context.source.document, item);
    if (resolved !== undefined) out.push(resolved);
  }
  return out;
}

/** The scalar value of a node, if it is a scalar. */
export function scalarValue(context: BuildContext, node: unknown): unknown {
  const resolved = resolveNode(context.source.document, node);
  return isScalar(resolved) ? resolved.value : undefined;
}
