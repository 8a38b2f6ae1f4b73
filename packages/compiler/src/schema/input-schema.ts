import type { InputField, ModelIR, QualType } from "@qualify/ir";
import { mayBeAbsent } from "@qualify/ir";
import type { LeadLimits } from "../options.js";
import { DEFAULT_LIMITS } from "../options.js";
import { putOwn } from "../runtime/records.js";

/** The JSON Schema dialect of `toInputSchema`'s output. */
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/**
 * Said in the schema itself, so a reader of the published schema learns it:
 * the enum lists the choices as declared, for form builders to render a
 * select, while the evaluator also accepts them in any other case.
 */
export const CHOICE_CASE_NOTE = "Qual matches these choices ignoring case; they are listed as the model declares them.";

// A timestamp without a zone (read as UTC); JSON Schema's `date-time` requires a zone. The
// date part checks month lengths and leap years, as the `date` format does.
const LEAP_DAY = "(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29";
const ORDINARY_DAY =
  "\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))";
const LOCAL_TIME = "(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d|23:59:60)(?:\\.\\d+)?";
/** The pattern of a zone-less ISO timestamp. */
export const LOCAL_TIMESTAMP_PATTERN = `^(?:${ORDINARY_DAY}|${LEAP_DAY})[Tt\\s]${LOCAL_TIME}$`;

function typeSchema(type: QualType, limits: Readonly<LeadLimits>): Record<string, unknown> {
  switch (type.kind) {
    case "number":
      return { type: "number" };
    case "bool":
      return { type: "boolean" };
    case "text":
      return { type: "string", maxLength: limits.maxStringLength };
    case "date":
      return {
        type: "string",
        anyOf: [{ format: "date" }, { format: "date-time" }, { pattern: LOCAL_TIMESTAMP_PATTERN }],
      };
    case "choice":
      return { type: "string", enum: [...type.options], $comment: CHOICE_CASE_NOTE };
    case "list":
      return { type: "array", items: typeSchema(type.element, limits), maxItems: limits.maxListLength };
    case "record":
      return recordSchema(type.fields, limits);
    case "empty":
      return { not: {} };
  }
}

function fieldSchema(field: InputField, limits: Readonly<LeadLimits>): Record<string, unknown> {
  const schema = typeSchema(field.type, limits);
  // Absent and null mean the same for an optional or defaulted field, so null is allowed.
  if (mayBeAbsent(field)) {
    schema["type"] = [schema["type"], "null"];
    if (Array.isArray(schema["enum"])) schema["enum"] = [...(schema["enum"] as unknown[]), null];
  }
  const annotated: Record<string, unknown> = {};
  if (field.doc !== undefined) annotated["description"] = field.doc;
  if (field.default !== undefined) annotated["default"] = field.default;
  return { ...annotated, ...schema };
}

function recordSchema(fields: readonly InputField[], limits: Readonly<LeadLimits>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of fields) putOwn(properties, field.name, fieldSchema(field, limits));
  const required = fields.filter((f) => !mayBeAbsent(f)).map((f) => f.name);
  return required.length > 0 ? { type: "object", properties, required } : { type: "object", properties };
}

/**
 * The JSON Schema (draft 2020-12) of a lead for this model: required fields
 * (without a default) are `required`; optional and defaulted fields accept
 * null; dates are `date` or `date-time` strings (or zone-less timestamps);
 * `one of` is an `enum` of the choices as declared (see CHOICE_CASE_NOTE); strings and lists carry the size
 * limits; undeclared properties are allowed, as the evaluator ignores them.
 */
export function toInputSchema(ir: ModelIR, limits: Readonly<LeadLimits> = DEFAULT_LIMITS): Record<string, unknown> {
  const body = recordSchema(ir.inputs, limits);
  return { $schema: JSON_SCHEMA_DIALECT, title: ir.title, ...body };
}
