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

/**
 * A builder of the record `{ key: value of its slot }` for the given keys,
 * in order, with unknown values as null. Each call returns a new object
 * (callers may keep results), cloned from a template so it is born with its
 * final shape; numbers never come out as `-0`.
 */
export function recordBuilder<T>(ids: readonly string[], slots: readonly number[], kind: RecordValueKind): RecordBuilder<T> {
  // Interned, so each store finds its key by pointer instead of through the string table.
  const keys = ids.map(intern);
  const template = shapedTemplate<T>(keys);
  if (kind === "number") {
    return (values) => {
      const out = { ...template };
      fillNumbers(out, keys, slots, values);
      return out;
    };
  }
  return (values) => {
    const out = { ...template };
    fillBools(out, keys, slots, values);
    return out;
  };
}
