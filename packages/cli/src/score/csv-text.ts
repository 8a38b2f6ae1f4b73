// Written by hand because csv-stringify's general path (per-field cast
// callbacks, option objects, separator searches) took ~17% of a `qualify score`
// profile. The output is byte-identical to csv-stringify 6 with its defaults
// and `cast: { number: String, boolean: String }`; a property test compares the two.

const NEEDS_QUOTES = /[",\n\r]/;
const QUOTE = /"/g;
const PLAIN_BREAKERS = /["\n\r]/;

/**
 * One CSV cell as csv-stringify writes it with default options: quoted when it
 * holds a comma, a quote or a line break, inner quotes doubled; an empty
 * string stays empty.
 */
export function csvCell(value: string | number | boolean): string {
  const text = typeof value === "string" ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/**
 * Whether a record's text is plain: no quote and no line break, so its cells
 * are exactly its comma-separated parts, and none of them needs quoting when
 * written back (csv-stringify would write the same text).
 */
export function isPlainCsvText(text: string): boolean {
  return !PLAIN_BREAKERS.test(text);
}
