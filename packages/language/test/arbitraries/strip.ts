/**
 * Normalises a syntax tree for comparison: drops ranges and comments, and
 * replaces each ParenExpr by its content (printing may add parentheses where
 * the tree needs them, and they carry no meaning).
 */
export function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (typeof value !== "object" || value === null) return value;
  const node = value as Record<string, unknown>;
  if (node["kind"] === "ParenExpr") return stripRanges(node["inner"]);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    if (key === "range" || key === "comments" || child === undefined) continue;
    out[key] = stripRanges(child);
  }
  return out;
}
