import { typeToString } from "@qualify/ir";
import type { QualType } from "@qualify/ir";

/** The number type, shared so that type objects are not rebuilt everywhere. */
export const NUMBER: QualType = { kind: "number" };
/** The text type. */
export const TEXT: QualType = { kind: "text" };
/** The bool (yes/no) type. */
export const BOOL: QualType = { kind: "bool" };
/** The date type. */
export const DATE: QualType = { kind: "date" };
/** The element type of `[]`. */
export const EMPTY: QualType = { kind: "empty" };

/**
 * The type of an expression that already has an error. It is not a Qual type:
 * it lets checking continue without a second message for the same mistake,
 * and it never reaches a returned IR, since IR is only returned without errors.
 */
export const ERROR_TYPE = Object.freeze({ kind: "error" }) as unknown as QualType;

/** True for the error type. */
export function isError(type: QualType): boolean {
  return (type as { kind: string }).kind === "error";
}

/** A list of `element`. */
export function listOf(element: QualType): QualType {
  return { kind: "list", element };
}

/** True for text and `one of` values, which compare as text. */
export function isTextLike(type: QualType): boolean {
  return type.kind === "text" || type.kind === "choice";
}

/**
 * The type two values share, or undefined when they have none. Text and
 * `one of` meet in text; `[]` fits any list; numbers, dates and bools only
 * meet themselves. The error type meets anything, so one mistake is reported once.
 */
export function unify(a: QualType, b: QualType): QualType | undefined {
  if (isError(a)) return b;
  if (isError(b)) return a;
  if (a.kind === "choice" && b.kind === "choice") {
    return sameOptions(a.options, b.options) ? a : TEXT;
  }
  if (isTextLike(a) && isTextLike(b)) return TEXT;
  if (a.kind === "empty") return b.kind === "empty" ? a : undefined;
  if (a.kind === "list" && b.kind === "list") {
    if (a.element.kind === "empty") return b;
    if (b.element.kind === "empty") return a;
    const element = unify(a.element, b.element);
    return element === undefined ? undefined : listOf(element);
  }
  if (a.kind === "record" || b.kind === "record") return a === b ? a : undefined;
  return a.kind === b.kind ? a : undefined;
}

function sameOptions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((option, i) => option === b[i]);
}

/** True when a value of type `actual` can be used where `expected` is required. */
export function fits(actual: QualType, expected: QualType): boolean {
  if (isError(actual) || isError(expected)) return true;
  if (expected.kind === "text") return isTextLike(actual);
  if (expected.kind === "list") {
    if (actual.kind !== "list") return false;
    return actual.element.kind === "empty" || fits(actual.element, expected.element);
  }
  return unify(actual, expected) !== undefined && actual.kind === expected.kind;
}

/** The type as a person reads it in a message: "a number", "text", "a list of text". */
export function describeType(type: QualType): string {
  switch (type.kind) {
    case "number":
      return "a number";
    case "text":
      return "text";
    case "bool":
      return "yes/no (bool)";
    case "date":
      return "a date";
    case "empty":
      return "nothing";
    case "choice":
      return typeToString(type);
    case "record":
      return "a record";
    case "list":
      return type.element.kind === "empty" ? "an empty list" : `a ${typeToString(type)}`;
    default:
      return "an unknown type";
  }
}
