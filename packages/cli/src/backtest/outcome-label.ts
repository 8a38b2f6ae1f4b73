const POSITIVE = new Set(["1", "true", "yes", "y", "won", "converted"]);
const NEGATIVE = new Set(["0", "false", "no", "n", "lost"]);

/**
 * Reads a label cell: with `positive`, that exact text (trimmed) is a
 * conversion and any other non-empty value is not; without it, the usual
 * spellings 1/0, true/false, yes/no, won/lost. Returns a message when the
 * value cannot be read, so the row is rejected rather than guessed.
 */
export function readOutcomeLabel(value: unknown, column: string, positive: string | undefined): boolean | string {
  if (value === undefined || value === null) return `the label column ${JSON.stringify(column)} has no value`;
  const text = (typeof value === "object" ? JSON.stringify(value) : String(value)).trim();
  if (text === "") return `the label column ${JSON.stringify(column)} is empty`;
  if (positive !== undefined) return text === positive;
  const lower = text.toLowerCase();
  if (POSITIVE.has(lower)) return true;
  if (NEGATIVE.has(lower)) return false;
  return `the label ${JSON.stringify(text)} is not 1/0, true/false, yes/no or won/lost; name the converted value with --positive`;
}
