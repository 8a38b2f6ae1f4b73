import type { QualType } from "@qualify/ir";

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const TRUE_TEXT = new Set(["true", "yes", "1", "y"]);
const FALSE_TEXT = new Set(["false", "no", "0", "n"]);

/** The marker for "this cell says nothing": an empty cell, or a value mapped to null. */
export const MISSING: unique symbol = Symbol("missing");

/**
 * Converts the text of a CSV cell to a value of the declared type: numbers,
 * bools (true/false/yes/no/1/0, any case), dates (kept as ISO text for the
 * evaluator to check), lists as `;`-separated text, `one of` and text as
 * written. An empty cell is missing. Text that does not convert is passed on
 * unchanged, so lead validation rejects it with a message naming the field,
 * the expected type and the value, instead of a silent default.
 */
export function coerceCell(text: string, type: QualType): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return MISSING;
  switch (type.kind) {
    case "number":
      return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : text;
    case "bool": {
      const lower = trimmed.toLowerCase();
      return TRUE_TEXT.has(lower) ? true : FALSE_TEXT.has(lower) ? false : text;
    }
    case "date":
    case "choice":
      return trimmed;
    case "list": {
      const items: unknown[] = [];
      for (const part of trimmed.split(";")) {
        if (part.trim() === "") continue;
        const item = coerceCell(part.trim(), type.element);
        if (item !== MISSING) items.push(item);
      }
      return items;
    }
    case "record":
      // A whole record in one cell can only be JSON; anything else is left for validation to reject.
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}
