import type { QualType } from "@qualify/ir";
import type { LeadIssue } from "../errors.js";
import { describeValue } from "../runtime/text.js";

/**
 * The Qual type as written in an issue's `expected`: dates say which forms
 * they accept, since that is what a person fixing the lead needs to know.
 */
export function expectedType(type: QualType): string {
  switch (type.kind) {
    case "date":
      return "date (YYYY-MM-DD or ISO timestamp)";
    case "list":
      return `list of ${expectedType(type.element)}`;
    case "choice":
      return `one of (${type.options.map((o) => JSON.stringify(o)).join(", ")})`;
    case "record":
      return `record { ${type.fields.map((f) => f.name).join(", ")} }`;
    case "empty":
      return "nothing";
    default:
      return type.kind;
  }
}

/** The type as a noun phrase, for "should be ..." sentences (also written into SQL by `score --engine duckdb`, so both engines word problems alike). */
export function expectedPhrase(type: QualType): string {
  switch (type.kind) {
    case "number":
      return "a number";
    case "text":
      return "text";
    case "bool":
      return "true or false";
    case "choice":
      return expectedType(type);
    case "record":
      return "an object with the record's fields";
    default:
      return `a ${expectedType(type)}`;
  }
}

function quotePath(path: string): string {
  return path === "" ? "The lead" : `"${path}"`;
}

function issue(path: string, type: QualType, value: unknown, message: string): LeadIssue {
  return { path, expected: expectedType(type), value, message };
}

/** A required field that is absent or null. */
export function requiredIssue(path: string, type: QualType, value: unknown): LeadIssue {
  const state = value === null ? "null" : "missing";
  return issue(path, type, value, `${quotePath(path)} is required (${expectedType(type)}) but is ${state}.`);
}

/** A value of the wrong type (or null inside a list). */
export function wrongTypeIssue(path: string, type: QualType, value: unknown): LeadIssue {
  let detail = describeValue(value);
  if (typeof value === "number" && !Number.isFinite(value)) {
    return issue(path, type, value, `${quotePath(path)} should be a finite number, but is ${String(value)}.`);
  }
  if (type.kind === "date" && typeof value === "string") detail += ", which is not a valid date";
  if (type.kind === "choice" && typeof value === "string") detail += ", which matches none of the choices";
  if (value === null && /\[\d+\]$/.test(path)) detail += " (list elements are never null)";
  return issue(path, type, value, `${quotePath(path)} should be ${expectedPhrase(type)}, but is ${detail}.`);
}

/** A text value over `maxStringLength`. */
export function textTooLongIssue(path: string, type: QualType, value: string, limit: number): LeadIssue {
  return issue(path, type, value, `${quotePath(path)} is ${value.length} characters long, over the limit of ${limit}.`);
}

/** A list over `maxListLength`. */
export function listTooLongIssue(path: string, type: QualType, value: readonly unknown[], limit: number): LeadIssue {
  return issue(path, type, value, `${quotePath(path)} has ${value.length} items, over the limit of ${limit}.`);
}
