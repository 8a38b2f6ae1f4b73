import type { Expr, InputField } from "@qualify/ir";
import { exprChildren, mayBeAbsent } from "@qualify/ir";
import type { SlotTest } from "../expr/slot-test.js";
import { runOne } from "../expr/slot-test.js";
import type { Fast } from "../lead/read-lead.js";
import { fastKind, findField, fitsInline, LINEAR_LOOKUP_MAX } from "../lead/read-lead.js";
import { convertDefault, converterFor, isRecordObject } from "../lead/convert.js";
import type { LeadLimits } from "../options.js";
import { UNLIMITED } from "../options.js";
import type { Closure, Value } from "../runtime/frame.js";
import { Frame } from "../runtime/frame.js";
import { intern } from "../runtime/intern.js";
import { foldCase } from "../runtime/text.js";

/**
 * The fast path of a model whose tier and scores all come from the derived
 * table (derived-table.ts) and whose table's criteria and knockouts each read
 * one top-level field of a plain type (`budget >= 10_000`, `role in deciders
 * or role starts with "VP "`, `count(pains) > 0`): BANT and most checklists.
 * It reads each field and adds its conditions' case digits as the for-in loop
 * meets it, with no frame, no step loop and no second pass: the general path
 * spends as long moving values through the frame as on the tests themselves.
 *
 * It returns the table's case number, or -1 whenever the lead is anything
 * but plain well-typed data (not an object, a value that needs its converter,
 * a required field missing with validation on): then the general path runs
 * and gives the same answer, or the same error, as without this one.
 */
export type FusedScore = (lead: unknown, validate: boolean) => number;

/** A step of the fast path before the table: its test (if it has one), closure, expressions and weight in the case number. */
export interface FusibleStep {
  readonly test: SlotTest | undefined;
  readonly run: Closure;
  readonly exprs: readonly Expr[];
  readonly weight: number;
}

/**
 * The one top-level field the expressions read, or undefined when they read
 * none, several, a nested field, another declaration or the evaluation time.
 */
function singleField(exprs: readonly Expr[]): string | undefined {
  let name: string | undefined;
  let ok = true;
  const visit = (e: Expr): void => {
    if (e.kind === "ref" || e.kind === "within" || (e.kind === "call" && (e.fn === "days_since" || e.fn === "days_until"))) ok = false;
    else if (e.kind === "field") {
      if (e.path.length !== 1 || (name !== undefined && name !== e.path[0])) ok = false;
      else name = e.path[0];
    }
    for (const child of exprChildren(e)) visit(child);
  };
  for (const e of exprs) visit(e);
  return ok ? name : undefined;
}

const NO_VALUES: Value[] = [];

/** The case digit of a test's outcome, as runSteps counts it: unknown 0, yes 1, no 2. */
function digit(outcome: Value): number {
  return outcome === true ? 1 : outcome === false ? 2 : 0;
}

/**
 * The fused fast path, or null when the model does not have that shape: a
 * field of another type than number, bool, text or a list of numbers or
 * texts, more fields than the small reader takes, or a step before the table
 * that reads more than one top-level field. A single test of a field (or of
 * its folded text) runs inline; any other condition on one field (`role in
 * deciders or role starts with "VP "`) runs its closure on a frame of its own
 * that holds only that field.
 */
export function planFusedScore(
  inputs: readonly InputField[],
  limits: Readonly<LeadLimits>,
  slotOfField: (name: string) => number,
  folds: readonly { readonly from: number; readonly to: number }[],
  steps: readonly FusibleStep[],
  frameSize: number,
): FusedScore | null {
  const count = inputs.length;
  if (count > LINEAR_LOOKUP_MAX) return null;
  const fast = inputs.map((f) => fastKind(f.type));
  if (fast.some((k) => k === (0 as Fast))) return null;

  // Which field (and whether its folded text) each slot a test may read holds.
  const fieldOfSlot = new Map<number, { field: number; folded: boolean }>();
  const fieldSlots = inputs.map((f) => slotOfField(f.name));
  fieldSlots.forEach((slot, i) => fieldOfSlot.set(slot, { field: i, folded: false }));
  const foldSlots: number[] = inputs.map(() => -1);
  for (const fold of folds) {
    const from = fieldOfSlot.get(fold.from);
    // Only text fields are folded into a slot; the check keeps foldCase below from ever seeing a list.
    if (from !== undefined && !from.folded && fast[from.field] === (3 as Fast)) {
      fieldOfSlot.set(fold.to, { field: from.field, folded: true });
      foldSlots[from.field] = fold.to;
    }
  }
  const fieldIndex = new Map(inputs.map((f, i) => [f.name, i] as const));
  const byField: { test: SlotTest | null; run: Closure | null; folded: boolean; weight: number }[][] = inputs.map(() => []);
  for (const step of steps) {
    // A step whose outcome the table does not read changes nothing the fast path returns.
    if (step.weight === 0) continue;
    const test = step.test;
    const read = test !== undefined && test.next === null && test.slots === null ? fieldOfSlot.get(test.slot) : undefined;
    if (test !== undefined && read !== undefined) {
      byField[read.field]?.push({ test, run: null, folded: read.folded, weight: step.weight });
      continue;
    }
    const field = fieldIndex.get(singleField(step.exprs) ?? "");
    if (field === undefined) return null;
    byField[field]?.push({ test: null, run: step.run, folded: false, weight: step.weight });
  }

  const names = inputs.map((f) => intern(f.name));
  // What an absent (or null) field reads as: its default, else unknown; limits guard leads, not the model's defaults.
  const absents = inputs.map((f) => convertDefault(f, f.name, converterFor(f.type, UNLIMITED)) ?? null);
  const requiredMask = inputs.reduce((mask, f, i) => (mayBeAbsent(f) ? mask : mask | (1 << i)), 0);
  // The tests as flat arrays, field by field: field i's are from starts[i] to starts[i + 1].
  const starts: number[] = [];
  const tests: (SlotTest | null)[] = [];
  const runs: (Closure | null)[] = [];
  const folded: boolean[] = [];
  const weights: number[] = [];
  const anyFolded: boolean[] = [];
  const anyClosure: boolean[] = [];
  byField.forEach((list, i) => {
    starts.push(tests.length);
    for (const t of list) {
      tests.push(t.test);
      runs.push(t.run);
      folded.push(t.folded);
      weights.push(t.weight);
    }
    const closures = list.some((t) => t.run !== null);
    // A closure reads the field's folded slot itself, so it is filled whenever there is one.
    anyFolded.push(list.some((t) => t.folded) || (closures && foldSlots[i] !== -1));
    anyClosure.push(closures);
  });
  starts.push(tests.length);
  // The one field a closure reads, and its folded text, are all this frame holds.
  const scratch = new Frame(frameSize);

  /** The digits field i's tests add to the case number for one value of it. */
  const digitsOf = (i: number, value: Value): number => {
    const text = anyFolded[i] === true && value !== null ? foldCase(value as string) : value;
    if (anyClosure[i] === true) {
      scratch.values[fieldSlots[i] as number] = value;
      const fold = foldSlots[i] as number;
      if (fold !== -1) scratch.values[fold] = text;
    }
    let sum = 0;
    for (let k = starts[i] as number; k < (starts[i + 1] as number); k++) {
      const test = tests[k] as SlotTest | null;
      const outcome = test !== null ? runOne(test, folded[k] === true ? text : value, NO_VALUES) : (runs[k] as Closure)(scratch);
      sum += (weights[k] as number) * digit(outcome);
    }
    return sum;
  };
  // Every field starts as absent; a field met in the lead swaps its absent digits for its value's.
  const absentDigits = absents.map((value, i) => digitsOf(i, value));
  const absentCase = absentDigits.reduce((a, b) => a + b, 0);
  // A field with one test, and that a slot test, is tested inline in the loop below.
  const single = inputs.map((_, i) => starts[i + 1] === (starts[i] as number) + 1 && tests[starts[i] as number] !== null);
  // For such a field, what a yes, a no or an unknown adds to the case number in place of the field's absent digit.
  const delta = (i: number, d: number): number => {
    const k = starts[i] as number;
    return single[i] === true ? (weights[k] as number) * d - (absentDigits[i] as number) : 0;
  };
  const yesDelta = inputs.map((_, i) => delta(i, 1));
  const noDelta = inputs.map((_, i) => delta(i, 2));
  const unknownDelta = inputs.map((_, i) => delta(i, 0));
  const maxText = limits.maxStringLength;
  const maxList = limits.maxListLength;

  return (lead, validate) => {
    if (!isRecordObject(lead)) return -1;
    let c = absentCase;
    let found = 0;
    let guess = 0;
    for (const key in lead) {
      const i = findField(names, key, guess);
      // Spelled out, not a module constant: see read-lead.ts's smallReader.
      if (i < 0 || !Object.prototype.hasOwnProperty.call(lead, key)) continue;
      guess = i + 1 === count ? 0 : i + 1;
      const raw = (lead as Record<string, unknown>)[key];
      if (raw === undefined || raw === null) continue;
      // fitsInline, written out for the common kinds (lists still call it): code
      // inlined from a shared function runs on that function's type feedback, which
      // every other model's reader also feeds; written here, it has its own.
      const kind = fast[i] as number;
      if (kind === 1 /* Fast.Number */) {
        if (typeof raw !== "number" || raw - raw !== 0) return -1;
      } else if (kind === 3 /* Fast.Text */) {
        if (typeof raw !== "string" || raw.length > maxText) return -1;
      } else if (kind === 2 /* Fast.Bool */) {
        if (typeof raw !== "boolean") return -1;
      } else if (!fitsInline(kind as Fast, raw, maxText, maxList)) {
        return -1;
      }
      found |= 1 << i;
      // digitsOf, written out, with the usual one test per field apart: as a
      // call it is not inlined, and the call and the loop cost a sixth of the whole.
      const k = starts[i] as number;
      const end = starts[i + 1] as number;
      if (single[i] === true) {
        const t = tests[k] as SlotTest;
        // What the test's slot would hold, then what it compares (a list's length for `count(...)`).
        const input = (folded[k] === true ? foldCase(raw as string) : raw) as Value;
        const value = t.length ? (input as readonly Value[]).length : input;
        const yes = yesDelta[i] as number;
        const no = noDelta[i] as number;
        // The commonest tests inline (the value is never null here); runOne's general
        // switch, with its checks for null and for `at least`, costs a fifth more.
        switch (t.op) {
          case 3 /* TestOp.Less */:
            c += (value as number) < t.a ? yes : no;
            break;
          case 4 /* TestOp.LessOrEqual */:
            c += (value as number) <= t.a ? yes : no;
            break;
          case 5 /* TestOp.Greater */:
            c += (value as number) > t.a ? yes : no;
            break;
          case 6 /* TestOp.GreaterOrEqual */:
            c += (value as number) >= t.a ? yes : no;
            break;
          case 10 /* TestOp.In */:
            if (t.members !== null) {
              // isMember, written out for the same reason: compare lengths, then text.
              const members = t.members;
              let member = false;
              if (typeof value === "string") {
                const n = value.length;
                for (let m = 0; m < members.length; m++) {
                  const candidate = members[m] as string;
                  if (candidate.length === n && candidate === value) {
                    member = true;
                    break;
                  }
                }
              } else {
                member = members.includes(value);
              }
              c += member ? yes : no;
              break;
            }
            // A long list is looked up in a Set, by runOne.
            c += runOne(t, input, NO_VALUES) === true ? yes : no;
            break;
          default: {
            const outcome = runOne(t, input, NO_VALUES);
            c += outcome === true ? yes : outcome === false ? no : (unknownDelta[i] as number);
          }
        }
      } else if (end > k) {
        c += digitsOf(i, raw as Value) - (absentDigits[i] as number);
      }
    }
    // A required field absent or null: the general path reports it (or, without validation, reads it as unknown, as here).
    if (validate && (found & requiredMask) !== requiredMask) return -1;
    return c;
  };
}
