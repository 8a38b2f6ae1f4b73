import type { InputField } from "./qual-type.js";

/**
 * A field that may be absent from a lead: optional, defaulted, or a record
 * whose fields all may be. Every back end (the closures, the ahead-of-time
 * module, the input schema, SQL) decides "required" with this one rule.
 */
export function mayBeAbsent(field: InputField): boolean {
  if (field.optional || field.default !== undefined) return true;
  return field.type.kind === "record" && field.type.fields.every(mayBeAbsent);
}
