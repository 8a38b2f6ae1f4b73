import type { InputField, QualType } from "@qualify/ir";
import type { LeadIssue } from "../errors.js";
import { IRFormatError } from "../errors.js";
import type { LeadLimits } from "../options.js";
import { toEpochMs } from "../runtime/dates.js";
import type { Frame, Value } from "../runtime/frame.js";
import { foldCase, isTooLong } from "../runtime/text.js";
import { listTooLongIssue, requiredIssue, textTooLongIssue, wrongTypeIssue } from "./issues.js";

/** Returned by a converter for a value that does not fit its type. */
const INVALID: unique symbol = Symbol("invalid");

/**
 * Checks and converts one lead value to its runtime form (dates to epoch ms,
 * choices to their declared spelling). `sink` is null on the fast pass, which
 * only needs to know *whether* the lead is valid; a second pass with a sink
 * collects the issues, so valid leads never build paths or messages.
 */
type Convert = (raw: unknown, sink: LeadIssue[] | null, path: string) => Value | typeof INVALID;

/** Reads one declared field out of its container into the frame. `container` null: the parent is unknown. */
type FieldReader = (container: object | null, frame: Frame, sink: LeadIssue[] | null) => void;

/**
 * Reads a whole lead into the frame: every declared field, validated and
 * converted, unknown as null. Sets `frame.invalid` when anything is wrong; a
 * non-object lead is invalid and every field reads as absent.
 */
export type LeadReader = (lead: unknown, frame: Frame, sink: LeadIssue[] | null) => void;

/** Gives the frame slot of an input field path such as `company.employees`. */
export type SlotAllocator = (dottedPath: string) => number;

const EMPTY_RECORD: object = Object.freeze({});
const UNLIMITED: Readonly<LeadLimits> = { maxStringLength: Number.MAX_SAFE_INTEGER, maxListLength: Number.MAX_SAFE_INTEGER };
const hasOwn = Object.prototype.hasOwnProperty;

function isRecordObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A field that may be absent: optional, defaulted, or a record whose fields all may be. */
export function mayBeAbsent(field: InputField): boolean {
  if (field.optional || field.default !== undefined) return true;
  return field.type.kind === "record" && field.type.fields.every(mayBeAbsent);
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

function listConverter(type: QualType & { kind: "list" }, limits: Readonly<LeadLimits>): Convert {
  const element = converterFor(type.element, limits);
  // Dates and choices change form when read, so those lists are copied; others are used as given.
  const copies = type.element.kind === "date" || type.element.kind === "choice";
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
  const fields = type.fields.map((field) => ({ field, convert: converterFor(field.type, limits) }));
  return (raw, sink, path) => {
    if (!isRecordObject(raw)) {
      if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
      return INVALID;
    }
    let ok = true;
    for (const { field, convert } of fields) {
      const value: unknown = hasOwn.call(raw, field.name) ? (raw as Record<string, unknown>)[field.name] : undefined;
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

function converterFor(type: QualType, limits: Readonly<LeadLimits>): Convert {
  if (type.kind === "list") return listConverter(type, limits);
  if (type.kind === "record") return recordConverter(type, limits);
  return scalarConverter(type, limits);
}

/** A field's default in runtime form; a default that does not fit the type is a malformed IR. */
function convertDefault(field: InputField, path: string, convert: Convert): Value | undefined {
  if (field.default === undefined || field.default === null) return undefined;
  const issues: LeadIssue[] = [];
  const value = convert(field.default, issues, path);
  if (value === INVALID) {
    throw new IRFormatError(`The default of input field "${path}" does not fit its type: ${issues[0]?.message ?? ""}`);
  }
  return value;
}

function fieldReader(field: InputField, prefix: string, limits: Readonly<LeadLimits>, allocate: SlotAllocator): FieldReader {
  const name = field.name;
  const path = prefix === "" ? name : `${prefix}.${name}`;
  const slot = allocate(path);
  const type = field.type;
  const convert = converterFor(type, limits);
  // The limits guard against oversized leads, not against the model's own defaults.
  const fallback = convertDefault(field, path, converterFor(type, UNLIMITED));
  const required = !mayBeAbsent(field);

  if (type.kind === "record") {
    const children = type.fields.map((child) => fieldReader(child, path, limits, allocate));
    // An absent record whose fields may all be absent reads as {}, so its defaults apply.
    const absent: Value = fallback ?? (type.fields.every(mayBeAbsent) ? EMPTY_RECORD : null);
    return (container, frame, sink) => {
      const raw: unknown = container !== null && hasOwn.call(container, name) ? (container as Record<string, unknown>)[name] : undefined;
      let record: object | null;
      if (raw === undefined || raw === null) {
        record = absent as object | null;
        if (record === null && required && container !== null) {
          frame.invalid = true;
          if (sink !== null) sink.push(requiredIssue(path, type, raw));
        }
      } else if (isRecordObject(raw)) {
        record = raw;
      } else {
        frame.invalid = true;
        if (sink !== null) sink.push(wrongTypeIssue(path, type, raw));
        record = null;
      }
      frame.values[slot] = record;
      for (let i = 0; i < children.length; i++) (children[i] as FieldReader)(record, frame, sink);
    };
  }

  const absent: Value = fallback ?? null;
  return (container, frame, sink) => {
    const raw: unknown = container !== null && hasOwn.call(container, name) ? (container as Record<string, unknown>)[name] : undefined;
    if (raw === undefined || raw === null) {
      frame.values[slot] = absent;
      if (absent === null && required && container !== null) {
        frame.invalid = true;
        if (sink !== null) sink.push(requiredIssue(path, type, raw));
      }
      return;
    }
    const value = convert(raw, sink, path);
    if (value === INVALID) {
      frame.invalid = true;
      frame.values[slot] = null;
    } else {
      frame.values[slot] = value;
    }
  };
}

/**
 * Compiles the input block into one reader. Each field becomes a direct
 * own-property read (never an inherited one: `__proto__`, `constructor` and
 * `toString` read only what the lead itself holds) with its check and
 * conversion specialised to its type.
 */
export function compileLeadReader(
  inputs: readonly InputField[],
  limits: Readonly<LeadLimits>,
  allocate: SlotAllocator,
): LeadReader {
  const readers = inputs.map((field) => fieldReader(field, "", limits, allocate));
  const leadType: QualType = { kind: "record", fields: inputs };
  return (lead, frame, sink) => {
    frame.invalid = false;
    // A non-object lead is reported once, not once per required field, and reads as empty.
    let container: object | null = null;
    if (isRecordObject(lead)) {
      container = lead;
    } else {
      frame.invalid = true;
      if (sink !== null) sink.push(wrongTypeIssue("", leadType, lead));
    }
    for (let i = 0; i < readers.length; i++) (readers[i] as FieldReader)(container, frame, sink);
  };
}
