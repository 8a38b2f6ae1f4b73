/**
 * Text helpers. Qual compares text ignoring case; the fold is JavaScript's
 * `toLowerCase()` on both sides, and constants are folded once at compile time.
 */

/** The case-folded form used by every text comparison. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/**
 * The length in Unicode code points, as JSON Schema's `maxLength` counts it.
 * Checked only when the UTF-16 length is over a limit, so it rarely runs.
 */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** True when the text is longer than `limit` code points. */
export function isTooLong(text: string, limit: number): boolean {
  return text.length > limit && codePointLength(text) > limit;
}

/** `round(x)`: halves away from zero (`Math.round` rounds -2.5 to -2). */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** A short, person-readable description of a lead value, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number") return `the number ${String(value)}`;
  if (typeof value === "boolean") return `the value ${String(value)}`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value instanceof Date) return "an invalid Date";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
