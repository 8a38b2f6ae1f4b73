/**
 * `@qualify/compiler/runtime`: what a module written by `writeModule`
 * (`qualify compile --target js`) imports. The generated `score` is plain
 * code over these helpers; `evaluate` and `validate` run the closures that
 * `compile` builds from the IR embedded in the module. Nothing here builds
 * code from strings, so a generated module runs under a strict CSP.
 */
export { compile } from "../model/compile-model.js";
export { converterFor, INVALID, isRecordObject } from "../lead/convert.js";
export { cachedNowResolver } from "../options.js";
export { codePointLength, foldCase, isTooLong, roundHalfAwayFromZero } from "../runtime/text.js";
import { isTooLong } from "../runtime/text.js";
export { equalValues, finiteOrUnknown, saturate } from "../runtime/values.js";
export { emailDomain } from "../expr/operators-arith.js";
export { clamp } from "../model/score-groups.js";
export { compileTextPattern } from "@qualify/ir";
import type { Value } from "../runtime/frame.js";
import { foldCase } from "../runtime/text.js";
import { equalValues } from "../runtime/values.js";

/** Reads an own enumerable property, as the closures' lead reader does for nested records. */
export function readOwn(container: object | null, name: string): unknown {
  return container !== null && Object.prototype.propertyIsEnumerable.call(container, name)
    ? (container as Record<string, unknown>)[name]
    : undefined;
}

const NO_KEYS: object = {};

/**
 * True when `for-in` over the lead yields its own keys only: a plain object
 * (or one without prototype) and no enumerable key on `Object.prototype`.
 */
export function plainLead(lead: object): boolean {
  const proto: unknown = Object.getPrototypeOf(lead);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const _ in NO_KEYS) return false;
  return true;
}

/** The value an absent record whose fields may all be absent reads as. */
export const EMPTY_RECORD: object = Object.freeze({});

/** `LIST contains X`, `X in LIST`: some element equals the item (text ignoring case). */
export function listHas(list: readonly Value[], item: Value): boolean {
  for (let i = 0; i < list.length; i++) if (equalValues(list[i] as Value, item)) return true;
  return false;
}

/** `LIST contains any of LIST`: some element of `wanted` equals an element of `list`. */
export function listSharesAny(list: readonly Value[], wanted: readonly Value[]): boolean {
  for (let i = 0; i < wanted.length; i++) {
    const w = wanted[i] as Value;
    for (let j = 0; j < list.length; j++) if (equalValues(list[j] as Value, w)) return true;
  }
  return false;
}

/** `contains any of` (0), `starts with any of` (1), `ends with any of` (2) on text, ignoring case. */
export function textTestAny(text: string, parts: readonly string[], test: 0 | 1 | 2): boolean {
  const a = foldCase(text);
  for (let i = 0; i < parts.length; i++) {
    const p = foldCase(parts[i] as string);
    if (test === 0 ? a.includes(p) : test === 1 ? a.startsWith(p) : a.endsWith(p)) return true;
  }
  return false;
}

export type { EvaluationResult, FastResult, ModelIR } from "@qualify/ir";
export type { CompiledModel } from "../model/compile-model.js";
export type { EvaluateOptions } from "../options.js";
export type { LeadIssue } from "../errors.js";

/** Every element is text within the length limit (a list of text the closures would take as given). */
export function textsFit(list: readonly unknown[], maxLength: number): boolean {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x !== "string" || (x.length > maxLength && isTooLong(x, maxLength))) return false;
  }
  return true;
}

/** Every element is a finite number. */
export function numbersFit(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x !== "number" || x - x !== 0) return false;
  }
  return true;
}

/** The options a generated \`score\` hands to the closures with a lead it does not take itself. */
export function optionsOf(now: unknown, validate: unknown): { now?: unknown; validate?: unknown } | undefined {
  return now === undefined && validate === undefined ? undefined : { now, validate };
}
