import { isAlias, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document, Node, Pair } from "yaml";

/** A node found by a JSON pointer, with the mapping pair that holds it (when it is a mapping value). */
export interface LocatedNode {
  readonly node?: Node;
  readonly pair?: Pair<unknown, unknown>;
}

/** Splits a JSON pointer (`/declarations/2/when`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The text of a mapping key as the plain value would spell it (`toJS` turns keys into strings). */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (typeof key === "string" || typeof key === "number" || typeof key === "boolean") return String(key);
  return undefined;
}

/** Follows an alias to the node it names, so ranges point at the anchored text. */
export function resolveNode(document: Document, node: unknown): Node | undefined {
  if (isAlias(node)) return resolveNode(document, node.resolve(document));
  if (isMap(node) || isSeq(node) || isScalar(node)) return node;
  return undefined;
}

/** The mapping pair with the given key, if any. */
export function pairOf(document: Document, node: unknown, key: string): Pair<unknown, unknown> | undefined {
  const map = resolveNode(document, node);
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && keyText(item.key) === key) return item;
  }
  return undefined;
}

/**
 * Walks a JSON pointer's segments through the YAML document. Stops at the
 * deepest node that exists, so an error about a missing part still points
 * somewhere sensible.
 */
export function nodeAtPath(document: Document, segments: readonly string[]): LocatedNode {
  let node = resolveNode(document, document.contents);
  let pair: Pair<unknown, unknown> | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const found = pairOf(document, node, segment);
      if (found === undefined) break;
      pair = found;
      node = resolveNode(document, found.value);
      if (node === undefined) return { pair };
    } else if (isSeq(node)) {
      const next = resolveNode(document, node.items[Number(segment)]);
      if (next === undefined) break;
      pair = undefined;
      node = next;
    } else {
      break;
    }
  }
  return { ...(node === undefined ? {} : { node }), ...(pair === undefined ? {} : { pair }) };
}

/** `[start, end)` of a node's value text (without trailing comments), or undefined when it has no range. */
export function nodeSpan(node: unknown): [number, number] | undefined {
  if ((isMap(node) || isSeq(node) || isScalar(node)) && node.range) return [node.range[0], node.range[1]];
  return undefined;
}

/** `[start, end)` from a pair's key to the end of its value. */
export function pairSpan(pair: Pair<unknown, unknown>): [number, number] | undefined {
  const key = nodeSpan(pair.key);
  if (key === undefined) return undefined;
  const end = contentEnd(pair.value);
  return [key[0], end === undefined || end < key[1] ? key[1] : end];
}

/**
 * Where a node's own text ends. A block mapping's or sequence's range runs
 * on to the next line (its closing newline); the end of its last item does
 * not, so a comment on the line below is not taken for one at its end.
 */
function contentEnd(node: unknown): number | undefined {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const end = isPair(last) ? pairSpan(last)?.[1] : contentEnd(last);
    if (end !== undefined) return end;
  }
  return nodeSpan(node)?.[1];
}
