import type { FunctionName, QualType } from "@qualify/ir";
import { NUMBER, TEXT, isError, isTextLike } from "./types.js";

/** What a parameter accepts, and how a message names it. */
export interface Parameter {
  readonly accepts: (type: QualType) => boolean;
  readonly expected: string;
}

/** A function's signature: fixed parameters, or one parameter repeated at least `min` times. */
export interface FunctionSignature {
  readonly params: readonly Parameter[];
  /** When set, the last parameter repeats and at least this many arguments are needed. */
  readonly variadicMin?: number;
  /** How a message states the arity: "one list", "one or more numbers". */
  readonly arity: string;
  readonly result: QualType;
}

const number: Parameter = { accepts: (t) => t.kind === "number", expected: "a number" };
const text: Parameter = { accepts: isTextLike, expected: "text" };
const date: Parameter = { accepts: (t) => t.kind === "date", expected: "a date" };
const list: Parameter = { accepts: (t) => t.kind === "list", expected: "a list" };
const textOrList: Parameter = { accepts: (t) => isTextLike(t) || t.kind === "list", expected: "text or a list" };

/** The built-in functions of Qual and their types. Unknown arguments make the result unknown at run time. */
export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSignature>> = {
  count: { params: [list], arity: "one list", result: NUMBER },
  len: { params: [text], arity: "one text", result: NUMBER },
  min: { params: [number], variadicMin: 1, arity: "one or more numbers", result: NUMBER },
  max: { params: [number], variadicMin: 1, arity: "one or more numbers", result: NUMBER },
  abs: { params: [number], arity: "one number", result: NUMBER },
  round: { params: [number], arity: "one number", result: NUMBER },
  lower: { params: [text], arity: "one text", result: TEXT },
  upper: { params: [text], arity: "one text", result: TEXT },
  days_since: { params: [date], arity: "one date", result: NUMBER },
  days_until: { params: [date], arity: "one date", result: NUMBER },
  decay: { params: [number, number], arity: "two numbers (days and half-life)", result: NUMBER },
  domain: { params: [text], arity: "one text (an email address)", result: TEXT },
  trim: { params: [text], arity: "one text", result: TEXT },
  length: { params: [textOrList], arity: "one text or list", result: NUMBER },
};

/** True when `name` is a built-in function. */
export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** The parameter that argument `index` is checked against, or undefined past the end of a fixed list. */
export function parameterAt(signature: FunctionSignature, index: number): Parameter | undefined {
  if (signature.variadicMin !== undefined) return signature.params[Math.min(index, signature.params.length - 1)];
  return signature.params[index];
}

/** True when the argument count fits the signature. */
export function arityFits(signature: FunctionSignature, count: number): boolean {
  return signature.variadicMin !== undefined ? count >= signature.variadicMin : count === signature.params.length;
}

/** True when an argument of type `type` is acceptable (an earlier error is not reported twice). */
export function accepts(parameter: Parameter, type: QualType): boolean {
  return isError(type) || parameter.accepts(type);
}

/** "first", "second", ... for argument positions in messages. */
export function ordinal(index: number): string {
  return ["first", "second", "third", "fourth", "fifth"][index] ?? `${index + 1}th`;
}
