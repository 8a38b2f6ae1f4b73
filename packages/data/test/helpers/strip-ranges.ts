/** A copy of a plain tree without its `range` properties, to compare trees or IR from different files. */
export function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (key !== "range") out[key] = stripRanges(item);
  return out;
}
