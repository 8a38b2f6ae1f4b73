/**
 * Every operator json-logic-js knows (its `operations` table and the special
 * forms), so a one-key object with one of these keys is a rule, and any
 * other object is a set of named rules.
 */
export const JSONLOGIC_OPERATORS: ReadonlySet<string> = new Set([
  "==", "===", "!=", "!==", ">", ">=", "<", "<=", "!!", "!", "%", "log", "in", "cat", "substr", "+", "*", "-", "/",
  "min", "max", "merge", "var", "missing", "missing_some", "if", "?:", "and", "or", "filter", "map", "reduce", "all",
  "none", "some", "method",
]);

/** Whether a JSON value is a JsonLogic operation (`{"op": args}` with a known op). */
export function isOperation(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && JSONLOGIC_OPERATORS.has(keys[0]!);
}

/** Why an operator Qual has no counterpart for is refused. */
export const UNSUPPORTED: Readonly<Record<string, string>> = {
  "%": "Qual has no remainder operator; compute the value before scoring, or rewrite the test without it",
  log: "log prints its argument as a side effect; Qual models have no side effects",
  cat: "Qual has no text joining; criteria test text, they do not build it",
  substr: "Qual has no substring extraction; use `starts with`, `ends with` or `contains`",
  merge: "merge builds a list from lists; Qual models read lists from the lead and do not build new ones",
  missing:
    "missing returns the names of absent fields; in Qual an absent optional field is unknown and `x is missing` tests it, so write the test with `is missing` on an optional field",
  missing_some:
    "missing_some returns the names of absent fields; in Qual an absent optional field is unknown and `at least N of (a is present, ...)` tests it",
  filter: "filter builds a new list; Qual aggregates lists with `count of ... where`, `any of ... where` instead",
  map: "map builds a new list; Qual aggregates lists with `sum of`, `count of` instead",
  reduce: "reduce folds with an arbitrary accumulator; Qual has fixed aggregates (`sum of`, `min of`, `count of`)",
  method: "method calls a JavaScript method on a value; Qual runs no host code",
};
