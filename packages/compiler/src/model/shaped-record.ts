import type { Value } from "../runtime/frame.js";
import { intern } from "../runtime/intern.js";
import { putOwn } from "../runtime/records.js";

/**
 * An object with the given keys, all null. Results are spread copies of it:
 * they get their final shape at once, and assigning a key (even `__proto__`,
 * already an own property here) only overwrites a value.
 */
export function shapedTemplate<T>(keys: readonly string[]): Record<string, T | null> {
  const template: Record<string, T | null> = {};
  for (const key of keys) putOwn(template, key, null);
  return template;
}

/** Builds a fresh result record (scores or criteria) from the frame's values. */
export type RecordBuilder<T> = (values: readonly Value[]) => Record<string, T | null>;

/** How a known frame value is written into a record: scores drop `-0`, criteria are stored as they are. */
export type RecordValueKind = "number" | "bool";

/*
 * Why the stores are written out one per line: a store `out[key] = v` through
 * one site that sees several keys goes megamorphic (a stub-cache probe each
 * time, about 10 ns), while a site that only ever sees one key stays a
 * monomorphic field store. Writing the first entries through their own sites
 * gives each key its own site; the few records with more keys than that use
 * the loop for the rest. A known value overwrites the template's null.
 */
function fillNumbers(out: Record<string, unknown>, keys: readonly string[], slots: readonly number[], values: readonly Value[]): void {
  const n = keys.length;
  let v: Value;
  if (n === 0) return;
  v = values[slots[0] as number] ?? null;
  if (v !== null) out[keys[0] as string] = (v as number) + 0;
  if (n === 1) return;
  v = values[slots[1] as number] ?? null;
  if (v !== null) out[keys[1] as string] = (v as number) + 0;
  if (n === 2) return;
  v = values[slots[2] as number] ?? null;
  if (v !== null) out[keys[2] as string] = (v as number) + 0;
  if (n === 3) return;
  v = values[slots[3] as number] ?? null;
  if (v !== null) out[keys[3] as string] = (v as number) + 0;
  for (let i = 4; i < n; i++) {
    v = values[slots[i] as number] ?? null;
    if (v !== null) out[keys[i] as string] = (v as number) + 0;
  }
}

function fillBools(out: Record<string, unknown>, keys: readonly string[], slots: readonly number[], values: readonly Value[]): void {
  const n = keys.length;
  let v: Value;
  if (n === 0) return;
  v = values[slots[0] as number] ?? null;
  if (v !== null) out[keys[0] as string] = v;
  if (n === 1) return;
  v = values[slots[1] as number] ?? null;
  if (v !== null) out[keys[1] as string] = v;
  if (n === 2) return;
  v = values[slots[2] as number] ?? null;
  if (v !== null) out[keys[2] as string] = v;
  if (n === 3) return;
  v = values[slots[3] as number] ?? null;
  if (v !== null) out[keys[3] as string] = v;
  if (n === 4) return;
  v = values[slots[4] as number] ?? null;
  if (v !== null) out[keys[4] as string] = v;
  for (let i = 5; i < n; i++) {
    v = values[slots[i] as number] ?? null;
    if (v !== null) out[keys[i] as string] = v;
  }
}

/** A known number as a result value (never `-0`), or null. */
function scoreValue(v: Value | undefined): number | null {
  return v === undefined || v === null ? null : (v as number) + 0;
}

/** A known boolean as a result value, or null. */
function criterionValue(v: Value | undefined): boolean | null {
  return v === undefined || v === null ? null : (v as boolean);
}

/**
 * Records of up to this many keys are built by adding each key to a fresh
 * `{}`, which fits them in the object itself: a monomorphic transition per
 * store site is cheaper than cloning the template (half the time for one key).
 */
const FRESH_MAX = 4;

function freshNumbers(keys: readonly string[], slots: readonly number[], values: readonly Value[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const n = keys.length;
  if (n === 0) return out;
  out[keys[0] as string] = scoreValue(values[slots[0] as number]);
  if (n === 1) return out;
  out[keys[1] as string] = scoreValue(values[slots[1] as number]);
  if (n === 2) return out;
  out[keys[2] as string] = scoreValue(values[slots[2] as number]);
  if (n === 3) return out;
  out[keys[3] as string] = scoreValue(values[slots[3] as number]);
  return out;
}

function freshBools(keys: readonly string[], slots: readonly number[], values: readonly Value[]): Record<string, boolean | null> {
  const out: Record<string, boolean | null> = {};
  const n = keys.length;
  if (n === 0) return out;
  out[keys[0] as string] = criterionValue(values[slots[0] as number]);
  if (n === 1) return out;
  out[keys[1] as string] = criterionValue(values[slots[1] as number]);
  if (n === 2) return out;
  out[keys[2] as string] = criterionValue(values[slots[2] as number]);
  if (n === 3) return out;
  out[keys[3] as string] = criterionValue(values[slots[3] as number]);
  return out;
}

/**
 * A builder of the record `{ key: value of its slot }` for the given keys,
 * in order, with unknown values as null. Each call returns a new object
 * (callers may keep results) born with its final shape: a few keys are
 * added to a fresh object, more are cloned from a template. A key named
 * `__proto__` always goes through the template, where it is an own property
 * (assigning it to a fresh object would set the prototype instead). Numbers
 * never come out as `-0`.
 */
export function recordBuilder<T>(ids: readonly string[], slots: readonly number[], kind: RecordValueKind): RecordBuilder<T> {
  // Interned, so each store finds its key by pointer instead of through the string table.
  const keys = ids.map(intern);
  const fresh = keys.length <= FRESH_MAX && !keys.includes("__proto__");
  if (kind === "number") {
    if (fresh) return (values) => freshNumbers(keys, slots, values) as Record<string, T | null>;
    const template = shapedTemplate<number>(keys);
    return (values) => {
      const out = { ...template };
      fillNumbers(out, keys, slots, values);
      return out as Record<string, T | null>;
    };
  }
  if (fresh) return (values) => freshBools(keys, slots, values) as Record<string, T | null>;
  const template = shapedTemplate<boolean>(keys);
  return (values) => {
    const out = { ...template };
    fillBools(out, keys, slots, values);
    return out as Record<string, T | null>;
  };
}
