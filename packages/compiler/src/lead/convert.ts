import type { InputField, QualType } from "@qualify/ir";
import { mayBeAbsent } from "@qualify/ir";
import type { LeadIssue } from "../errors.js";
import { IRFormatError } from "../errors.js";
import type { LeadLimits } from "../options.js";
import { UNLIMITED } from "../options.js";
import { toEpochMs } from "../runtime/dates.js";
import type { Value } from "../runtime/frame.js";
import { intern } from "../runtime/intern.js";
import { putOwn } from "../runtime/records.js";
import { foldCase, isTooLong } from "../runtime/text.js";
import { listTooLongIssue, requiredIssue, textTooLongIssue, wrongTypeIssue } from "./issues.js";

// Lead fields are read from own enumerable properties only: never inherited ones (`toString`,
// `constructor`, a polluted prototype), the same set a for-in loop over a plain object sees.
const isOwnEnumerable = Object.prototype.propertyIsEnumerable as (this: object, key: string) => boolean;

/** Returned by a converter for a value that does not fit its type. */
export const INVALID: unique symbol = Symbol("invalid");

/**
 * Checks and converts one lead value to its runtime form (dates to epoch ms,
 * choices to their declared spelling). `sink` is null on the fast pass, which
 * only needs to know *whether* the lead is valid; a second pass with a sink
 * collects the issues, so valid leads never build paths or messages.
 */
export type Convert = (raw: unknown, sink: LeadIssue[] | null, path: string) => Value | typeof INVALID;

/** A value that can hold a record's fields: an object that is not an array or a Date. */
export function isRecordObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}


function scalarConverter(type: QualType, limits: Readonly<LeadLimits>): Convert {
  switch (type.kind) {
    case "number":
      return (raw, sink, path) => {
        if (typeof raw === "number" && Number.isFinite(raw)) return raw;
        if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
        return INVALID;
      };
    case "bool":
      return (raw, sink, path) => {
        if (typeof raw === "boolean") return raw;
        if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
        return INVALID;
      };
    case "text": {
      const limit = limits.maxStringLength;
      return (raw, sink, path) => {
        if (typeof raw === "string") {
          if (!isTooLong(raw, limit)) return raw;
          if (sink !== null) sink.push(textTooLongIssue(path, type, raw, limit));
          return INVALID;
        }
        if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
        return INVALID;
      };
    }
    case "date":
      return (raw, sink, path) => {
        const ms = toEpochMs(raw);
        if (ms !== undefined) return ms;
        if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
        return INVALID;
      };
    case "choice": {
      const spelling = new Map(type.options.map((o) => [foldCase(o), o] as const));
      return (raw, sink, path) => {
        if (typeof raw === "string") {
          const declared = spelling.get(foldCase(raw));
          if (declared !== undefined) return declared;
        }
        if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
        return INVALID;
      };
    }
    default:
      throw new IRFormatError(`An input field cannot have the type "${type.kind}".`);
  }
}

/** True when reading a value of the type changes its form (dates to epoch ms, choices to their spelling, records built). */
function changesForm(type: QualType): boolean {
  if (type.kind === "list") return changesForm(type.element);
  return type.kind === "date" || type.kind === "choice" || type.kind === "record";
}

function listConverter(type: QualType & { kind: "list" }, limits: Readonly<LeadLimits>): Convert {
  // Elements are read into runtime form: records are built, so aggregates read their fields directly.
  const element = type.element.kind === "record" ? elementRecordConverter(type.element, limits) : converterFor(type.element, limits);
  // Lists whose elements change form when read are copied; others are used as given.
  const copies = changesForm(type.element);
  const limit = limits.maxListLength;
  return (raw, sink, path) => {
    if (!Array.isArray(raw)) {
      if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
      return INVALID;
    }
    if (raw.length > limit) {
      if (sink !== null) sink.push(listTooLongIssue(path, type, raw, limit));
      return INVALID;
    }
    const out: Value[] = copies ? new Array<Value>(raw.length) : (raw as Value[]);
    let ok = true;
    for (let i = 0; i < raw.length; i++) {
      const item: unknown = raw[i];
      let converted: Value | typeof INVALID = INVALID;
      if (item === null || item === undefined) {
        if (sink !== null) sink.push(wrongTypeIssue(`${path}[${i}]`, type.element, item === undefined ? null : item));
      } else {
        converted = element(item, sink, sink === null ? "" : `${path}[${i}]`);
      }
      if (converted === INVALID) {
        ok = false;
        if (sink === null) break;
      } else if (copies) {
        out[i] = converted;
      }
    }
    return ok ? out : INVALID;
  };
}

/** Validates a record value standing alone (a list element or a default); its fields get no slots. */
function recordConverter(type: QualType & { kind: "record" }, limits: Readonly<LeadLimits>): Convert {
  const fields = type.fields.map((field) => ({ field, name: intern(field.name), convert: converterFor(field.type, limits) }));
  return (raw, sink, path) => {
    if (!isRecordObject(raw)) {
      if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
      return INVALID;
    }
    let ok = true;
    for (const { field, name, convert } of fields) {
      const value: unknown = isOwnEnumerable.call(raw, name) ? (raw as Record<string, unknown>)[name] : undefined;
      const childPath = sink === null ? "" : path === "" ? field.name : `${path}.${field.name}`;
      if (value === undefined || value === null) {
        if (mayBeAbsent(field)) continue;
        if (sink !== null) sink.push(requiredIssue(childPath, field.type, value));
        ok = false;
      } else if (convert(value, sink, childPath) === INVALID) {
        ok = false;
      }
      if (!ok && sink === null) break;
    }
    return ok ? raw : INVALID;
  };
}

/**
 * Reads a record that is a list element into a new object holding exactly
 * its declared fields in runtime form: dates as epoch ms, choices in their
 * declared spelling, defaults applied, an absent optional field as null.
 * Undeclared keys are left behind, so element reads never see them.
 */
function elementRecordConverter(type: QualType & { kind: "record" }, limits: Readonly<LeadLimits>): Convert {
  const fields = type.fields.map((field) => {
    const convert = field.type.kind === "record" ? elementRecordConverter(field.type, limits) : converterFor(field.type, limits);
    const fallback = convertDefault(field, field.name, field.type.kind === "record" ? elementRecordConverter(field.type, UNLIMITED) : converterFor(field.type, UNLIMITED));
    // An absent record whose fields may all be absent reads as {}, so its defaults apply (as at the top level).
    const readsEmpty = field.type.kind === "record" && field.type.fields.every(mayBeAbsent);
    return { field, name: intern(field.name), convert, fallback, readsEmpty, required: !mayBeAbsent(field) };
  });
  return (raw, sink, path) => {
    if (!isRecordObject(raw)) {
      if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
      return INVALID;
    }
    const out: Record<string, Value> = {};
    let ok = true;
    for (const { field, name, convert, fallback, readsEmpty, required } of fields) {
      const value: unknown = isOwnEnumerable.call(raw, name) ? (raw as Record<string, unknown>)[name] : undefined;
      const childPath = sink === null ? "" : path === "" ? field.name : `${path}.${field.name}`;
      let converted: Value | typeof INVALID;
      if (value === undefined || value === null) {
        if (fallback !== undefined) converted = fallback;
        else if (readsEmpty) converted = convert({}, sink, childPath);
        else {
          converted = null;
          if (required) {
            if (sink !== null) sink.push(requiredIssue(childPath, field.type, value));
            ok = false;
          }
        }
      } else {
        converted = convert(value, sink, childPath);
      }
      if (converted === INVALID) ok = false;
      else putOwn(out, name, converted);
      if (!ok && sink === null) break;
    }
    return ok ? out : INVALID;
  };
}

/** The checker/converter of lead values of a type, with the size limits applied. */
export function converterFor(type: QualType, limits: Readonly<LeadLimits>): Convert {
  if (type.kind === "list") return listConverter(type, limits);
  if (type.kind === "record") return recordConverter(type, limits);
  return scalarConverter(type, limits);
}

/** The runtime form of a field's default (limits do not apply to the model's own values). */
export function convertDefault(field: InputField, path: string, convert: Convert): Value | undefined {
  if (field.default === undefined || field.default === null) return undefined;
  const issues: LeadIssue[] = [];
  const value = convert(field.default, issues, path);
  if (value === INVALID) {
    throw new IRFormatError(`The default of input field "${path}" does not fit its type: ${issues[0]?.message ?? ""}`);
  }
  return value;
}
