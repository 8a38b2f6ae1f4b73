import type { InputField, QualType } from "@qualify/ir";
import type { LeadIssue } from "../errors.js";
import type { LeadLimits } from "../options.js";
import { UNLIMITED } from "../options.js";
import type { Frame, Value } from "../runtime/frame.js";
import type { Convert } from "./convert.js";
import { mayBeAbsent } from "@qualify/ir";
import { convertDefault, converterFor, INVALID, isRecordObject } from "./convert.js";
import { requiredIssue, wrongTypeIssue } from "./issues.js";
import { intern } from "../runtime/intern.js";

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
export const enum Fast {
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
  /** What an absent or null value reads as (its default, or null); only used for `fast` fields. */
  readonly absent: Value;
  /** Absent or null makes the lead invalid (no default, not optional). */
  readonly required: boolean;
}

const EMPTY_RECORD: object = Object.freeze({});
const isOwnEnumerable = Object.prototype.propertyIsEnumerable as (this: object, key: string) => boolean;
/**
 * Up to this many fields, a key is found by comparing it with each name
 * (interned strings: pointer compares) rather than through a Map, and the
 * reader is the one-pass `smallReader`.
 */
export const LINEAR_LOOKUP_MAX = 8;

function readOwn(container: object | null, name: string): unknown {
  return container !== null && isOwnEnumerable.call(container, name) ? (container as Record<string, unknown>)[name] : undefined;
}

export function fastKind(type: QualType): Fast {
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
  const name = intern(field.name);
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
    return { name, slot, fast: Fast.None, take, absent: null, required };
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
  return { name, slot, fast: fastKind(type), take, absent, required };
}

const NO_PROTOTYPE_KEYS: object = {};

/**
 * True when the lead's prototype is Object.prototype (or none) and nobody has
 * added enumerable properties to Object.prototype: then for-in yields only
 * the lead's own keys, and a model with many fields skips `hasOwnProperty`
 * per key for one check per lead.
 */
function plainData(lead: object): boolean {
  const proto: unknown = Object.getPrototypeOf(lead);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const _ in NO_PROTOTYPE_KEYS) return false;
  return true;
}

/**
 * Compiles the input block into one reader. The lead is enumerated once
 * (for-in) and a key that names a declared field is taken when it is an own
 * property: for-in yields only enumerable keys, and `hasOwnProperty` (or,
 * for plain data, `plainData`) drops inherited ones (a polluted
 * `Object.prototype`, a prototype's getters), so only own enumerable
 * properties are ever read, `__proto__` included. This costs
 * one pass over the lead's keys instead of a property test per declared
 * field (`propertyIsEnumerable` is a slow call into the runtime). Values of
 * the common types, and absent or null values of fields that are not records,
 * are handled inline; the rest go through their converter.
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
  const absents = plans.map((p) => p.absent);
  const required = plans.map((p) => p.required);
  const linear = count <= LINEAR_LOOKUP_MAX;
  const index = new Map(names.map((name, i) => [name, i] as const));
  // Leads from one source usually list their keys in one order: remember the previous lead's.
  const cachedKeys: string[] = [];
  const cachedIndex: number[] = [];
  const maxText = limits.maxStringLength;
  const maxList = limits.maxListLength;
  const leadType: QualType = { kind: "record", fields: inputs };

  // Models of up to LINEAR_LOOKUP_MAX fields use smallReader, which compares names inline.
  const lookup = (key: string, position: number): number => {
    if (position < cachedKeys.length && cachedKeys[position] === key) return cachedIndex[position] as number;
    const i = index.get(key) ?? -1;
    cachedKeys[position] = key;
    cachedIndex[position] = i;
    return i;
  };

  if (linear) {
    const fields: FieldTable = { count, names, slots, fast, takes, absents, required, maxText, maxList, leadType };
    return smallReader(fields);
  }

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
    } else {
      // With no enumerable keys on its prototype chain, every key for-in yields is the lead's own.
      const own = plainData(lead);
      let position = 0;
      for (const key in lead) {
        const i = lookup(key, position++);
        if (i >= 0 && (own || Object.prototype.hasOwnProperty.call(lead, key))) raws[i] = (lead as Record<string, unknown>)[key];
      }
    }

    const values = frame.values;
    for (let i = 0; i < count; i++) {
      const raw = raws[i];
      const kind = fast[i] as Fast;
      // Number literals, as in slot-test.ts: `Fast.X` would be a property load per case.
      if (kind !== 0 /* Fast.None */ && (raw === undefined || raw === null)) {
        const absent = absents[i] as Value;
        values[slots[i] as number] = absent;
        if (absent === null && known && required[i] === true) {
          frame.invalid = true;
          if (sink !== null) (takes[i] as Take)(raw, known, frame, sink);
        }
        continue;
      }
      switch (kind) {
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
          if (Array.isArray(raw) && raw.length <= maxList && listIsPlain(raw, kind === 4 /* Fast.TextList */, maxText)) {
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

/** The top-level fields of a lead as parallel arrays, for the readers' loops. */
interface FieldTable {
  readonly count: number;
  readonly names: readonly string[];
  readonly slots: readonly number[];
  readonly fast: readonly Fast[];
  readonly takes: readonly Take[];
  readonly absents: readonly Value[];
  readonly required: readonly boolean[];
  readonly maxText: number;
  readonly maxList: number;
  readonly leadType: QualType;
}

/**
 * True when `raw` (not null) fits a field of the common kinds as it is: it
 * can be used without its converter. False when it needs the converter.
 */
export function fitsInline(kind: Fast, raw: unknown, maxText: number, maxList: number): boolean {
  // Number literals, as in slot-test.ts: `Fast.X` would be a property load per case.
  switch (kind) {
    case 1 /* Fast.Number */:
      return typeof raw === "number" && raw - raw === 0;
    case 2 /* Fast.Bool */:
      return typeof raw === "boolean";
    case 3 /* Fast.Text */:
      return typeof raw === "string" && raw.length <= maxText;
    case 4 /* Fast.TextList */:
    case 5 /* Fast.NumberList */:
      return Array.isArray(raw) && raw.length <= maxList && listIsPlain(raw, kind === 4 /* Fast.TextList */, maxText);
    default:
      return false;
  }
}

/** Stores `raw` (not null) when it fits its field as it is (`fitsInline`); false when it needs the field's converter. */
function storeInline(kind: Fast, raw: unknown, values: Value[], slot: number, maxText: number, maxList: number): boolean {
  if (!fitsInline(kind, raw, maxText, maxList)) return false;
  values[slot] = raw as Value;
  return true;
}

/**
 * The index of the field named `key` (names interned: pointer compares),
 * looked for from `guess` on and round to it, or -1. Keys usually come in
 * declaration order, so the caller guesses the field after the last one found.
 */
export function findField(names: readonly string[], key: string, guess: number): number {
  const count = names.length;
  let i = guess;
  for (let tries = 0; tries < count; tries++) {
    if (names[i] === key) return i;
    i = i + 1 === count ? 0 : i + 1;
  }
  return -1;
}

/**
 * The reader of models with few top-level fields, in one pass: each own
 * enumerable key that names a field is checked and stored as the for-in loop
 * meets it, and bit masks remember which fields were found and which need
 * their converter. Only fields that were absent (or null) or need converting
 * are visited afterwards, in declaration order, so issues come out in the
 * same order as from the general reader.
 */
function smallReader(t: FieldTable): LeadReader {
  const { count, names, slots, fast, takes, absents, required, maxText, maxList, leadType } = t;
  const all = count === 0 ? 0 : 2 ** count - 1;
  return (lead, frame, sink) => {
    frame.invalid = false;
    const values = frame.values;
    const raws = frame.raws;
    let found = 0;
    let pending = 0;
    // Fields given as null: they read as absent, but an issue about one shows the null.
    let nulls = 0;
    let known = true;
    if (!isRecordObject(lead)) {
      // A non-object lead is reported once, not once per required field, and reads as empty.
      known = false;
      frame.invalid = true;
      if (sink !== null) sink.push(wrongTypeIssue("", leadType, lead));
    } else {
      // Keys usually come in declaration order: look for the field after the last one found first.
      let guess = 0;
      for (const key in lead) {
        const i = findField(names, key, guess);
        // Spelled out, not a module constant: once several models are compiled, V8
        // no longer specialises these closures to one context, a `.call` on a
        // constant read from the context is an unknown call, and the check
        // costs a runtime call per key. `Object.prototype.hasOwnProperty` V8
        // knows, and inside for-in over `lead` it reduces it to a map check.
        if (i < 0 || !Object.prototype.hasOwnProperty.call(lead, key)) continue;
        guess = i + 1 === count ? 0 : i + 1;
        const raw = (lead as Record<string, unknown>)[key];
        if (raw === undefined) continue;
        const bit = 1 << i;
        if (raw === null) {
          nulls |= bit;
          continue;
        }
        found |= bit;
        if (!storeInline(fast[i] as Fast, raw, values, slots[i] as number, maxText, maxList)) {
          raws[i] = raw;
          pending |= bit;
        }
      }
    }
    if (found === all && pending === 0) return;
    for (let i = 0; i < count; i++) {
      const bit = 1 << i;
      if ((pending & bit) !== 0) {
        (takes[i] as Take)(raws[i], known, frame, sink);
        raws[i] = undefined;
      } else if ((found & bit) === 0) {
        const raw = (nulls & bit) !== 0 ? null : undefined;
        if (fast[i] === 0 /* Fast.None */) {
          (takes[i] as Take)(raw, known, frame, sink);
          continue;
        }
        const absent = absents[i] as Value;
        values[slots[i] as number] = absent;
        if (absent === null && known && required[i] === true) {
          frame.invalid = true;
          if (sink !== null) (takes[i] as Take)(raw, known, frame, sink);
        }
      }
    }
  };
}

/** True when every item is a number (finite) or, with `text`, a string within the limit: the list can be used as it is. */
function listIsPlain(list: readonly unknown[], text: boolean, maxText: number): boolean {
  // Two loops rather than one with a per-item branch on `text`.
  if (text) {
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item !== "string" || item.length > maxText) return false;
    }
    return true;
  }
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item !== "number" || item - item !== 0) return false;
  }
  return true;
}
