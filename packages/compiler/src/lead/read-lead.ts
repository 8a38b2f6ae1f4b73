import type { InputField, QualType } from "@qualify/ir";
import type { LeadIssue } from "../errors.js";
import type { LeadLimits } from "../options.js";
import type { Frame, Value } from "../runtime/frame.js";
import type { Convert } from "./convert.js";
import { convertDefault, converterFor, INVALID, isRecordObject, mayBeAbsent } from "./convert.js";
import { requiredIssue, wrongTypeIssue } from "./issues.js";

export { mayBeAbsent } from "./convert.js";

/**
 * Reads a whole lead into the frame: every declared field, validated and
 * converted, unknown as null. Sets `frame.invalid` when anything is wrong; a
 * non-object lead is invalid and every field reads as absent. `sink` is null
 * on the fast pass, which only finds out *whether* the lead is valid; a second
 * pass with a sink collects the issues, so valid leads build no messages.
 */
export type LeadReader = (lead: unknown, frame: Frame, sink: LeadIssue[] | null) => void;

/** Gives the frame slot of an input field path such as `company.employees`. */
export type SlotAllocator = (dottedPath: string) => number;

/** Stores one field's raw value (undefined when absent) into the frame. `known`: its container is known. */
type Take = (raw: unknown, known: boolean, frame: Frame, sink: LeadIssue[] | null) => void;

/** How the top-level loop checks a value inline before falling back to `take`. */
const enum Fast {
  None = 0,
  Number = 1,
  Bool = 2,
  Text = 3,
  TextList = 4,
  NumberList = 5,
}

interface FieldPlan {
  readonly name: string;
  readonly slot: number;
  readonly fast: Fast;
  readonly take: Take;
}

const EMPTY_RECORD: object = Object.freeze({});
const NO_PROTOTYPE_KEYS: object = {};
const UNLIMITED: Readonly<LeadLimits> = { maxStringLength: Number.MAX_SAFE_INTEGER, maxListLength: Number.MAX_SAFE_INTEGER };
const isOwnEnumerable = Object.prototype.propertyIsEnumerable as (this: object, key: string) => boolean;

function readOwn(container: object | null, name: string): unknown {
  return container !== null && isOwnEnumerable.call(container, name) ? (container as Record<string, unknown>)[name] : undefined;
}

function fastKind(type: QualType): Fast {
  switch (type.kind) {
    case "number":
      return Fast.Number;
    case "bool":
      return Fast.Bool;
    case "text":
      return Fast.Text;
    case "list":
      return type.element.kind === "text" ? Fast.TextList : type.element.kind === "number" ? Fast.NumberList : Fast.None;
    default:
      return Fast.None;
  }
}

function plan(field: InputField, prefix: string, limits: Readonly<LeadLimits>, allocate: SlotAllocator): FieldPlan {
  const name = field.name;
  const path = prefix === "" ? name : `${prefix}.${name}`;
  const slot = allocate(path);
  const type = field.type;
  const convert: Convert = converterFor(type, limits);
  // The limits guard against oversized leads, not against the model's own defaults.
  const fallback = convertDefault(field, path, converterFor(type, UNLIMITED));
  const required = !mayBeAbsent(field);

  if (type.kind === "record") {
    const children = type.fields.map((child) => plan(child, path, limits, allocate));
    // An absent record whose fields may all be absent reads as {}, so its defaults apply.
    const absent: Value = fallback ?? (type.fields.every(mayBeAbsent) ? EMPTY_RECORD : null);
    const take: Take = (raw, known, frame, sink) => {
      let record: object | null;
      if (raw === undefined || raw === null) {
        record = absent as object | null;
        if (record === null && required && known) {
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
      for (const child of children) child.take(readOwn(record, child.name), record !== null, frame, sink);
    };
    return { name, slot, fast: Fast.None, take };
  }

  const absent: Value = fallback ?? null;
  const take: Take = (raw, known, frame, sink) => {
    if (raw === undefined || raw === null) {
      frame.values[slot] = absent;
      if (absent === null && required && known) {
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
  return { name, slot, fast: fastKind(type), take };
}

/**
 * True when a for-in loop over `lead` sees exactly its own enumerable
 * properties: its prototype is Object.prototype (or none) and nobody has
 * added enumerable properties to Object.prototype. Then the reader can
 * enumerate the lead once instead of asking about every declared field.
 */
function plainData(lead: object): boolean {
  const proto: unknown = Object.getPrototypeOf(lead);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const _ in NO_PROTOTYPE_KEYS) return false;
  return true;
}

/**
 * Compiles the input block into one reader. Plain-data leads are
 * enumerated once (for-in, with the key order of the previous lead cached,
 * since leads from one source share it); other objects get an own-property
 * test per field. Either way only own enumerable properties are read, never
 * inherited ones (`__proto__`, `constructor`, `toString`). Values of the
 * common types are checked inline; the rest go through their converter.
 */
export function compileLeadReader(
  inputs: readonly InputField[],
  limits: Readonly<LeadLimits>,
  allocate: SlotAllocator,
): LeadReader {
  const plans = inputs.map((field) => plan(field, "", limits, allocate));
  const count = plans.length;
  const names = plans.map((p) => p.name);
  const slots = plans.map((p) => p.slot);
  const fast = plans.map((p) => p.fast);
  const takes = plans.map((p) => p.take);
  const index = new Map(names.map((name, i) => [name, i] as const));
  const cachedKeys: string[] = [];
  const cachedIndex: number[] = [];
  const maxText = limits.maxStringLength;
  const maxList = limits.maxListLength;
  const leadType: QualType = { kind: "record", fields: inputs };

  const indexOf = (key: string, position: number): number => {
    const i = index.get(key) ?? -1;
    cachedKeys[position] = key;
    cachedIndex[position] = i;
    return i;
  };

  return (lead, frame, sink) => {
    frame.invalid = false;
    const raws = frame.raws;
    for (let i = 0; i < count; i++) raws[i] = undefined;
    let known = true;
    if (!isRecordObject(lead)) {
      // A non-object lead is reported once, not once per required field, and reads as empty.
      known = false;
      frame.invalid = true;
      if (sink !== null) sink.push(wrongTypeIssue("", leadType, lead));
    } else if (plainData(lead)) {
      let position = 0;
      for (const key in lead) {
        const i = position < cachedKeys.length && cachedKeys[position] === key ? (cachedIndex[position] as number) : indexOf(key, position);
        position++;
        if (i >= 0) raws[i] = (lead as Record<string, unknown>)[key];
      }
    } else {
      for (let i = 0; i < count; i++) raws[i] = readOwn(lead, names[i] as string);
    }

    const values = frame.values;
    for (let i = 0; i < count; i++) {
      const raw = raws[i];
      // Number literals, as in slot-test.ts: `Fast.X` would be a property load per case.
      switch (fast[i]) {
        case 1 /* Fast.Number */:
          if (typeof raw === "number" && raw - raw === 0) {
            values[slots[i] as number] = raw;
            continue;
          }
          break;
        case 2 /* Fast.Bool */:
          if (typeof raw === "boolean") {
            values[slots[i] as number] = raw;
            continue;
          }
          break;
        case 3 /* Fast.Text */:
          if (typeof raw === "string" && raw.length <= maxText) {
            values[slots[i] as number] = raw;
            continue;
          }
          break;
        case 4 /* Fast.TextList */:
        case 5 /* Fast.NumberList */:
          if (Array.isArray(raw) && raw.length <= maxList && listIsPlain(raw, fast[i] === 4 /* Fast.TextList */, maxText)) {
            values[slots[i] as number] = raw as Value[];
            continue;
          }
          break;
        default:
          break;
      }
      (takes[i] as Take)(raw, known, frame, sink);
    }
  };
}

function listIsPlain(list: readonly unknown[], text: boolean, maxText: number): boolean {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (text ? typeof item !== "string" || item.length > maxText : typeof item !== "number" || item - item !== 0) return false;
  }
  return true;
}
