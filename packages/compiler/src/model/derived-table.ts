import type { Expr } from "@qualify/ir";
import { exprChildren } from "@qualify/ir";
import type { Value } from "../runtime/frame.js";
import { Frame } from "../runtime/frame.js";

/**
 * Qualification methodologies (BANT, CHAMP, GPCT, ANUM, FAINT) share one
 * shape: a few criteria test the lead, and everything else — `at least 3 of`
 * them, a `count of` score, the tier — is logic over those criteria alone.
 * That part has a finite input: each criterion is yes, no or unknown, so k
 * criteria give 3^k cases. This module finds it and evaluates it once per
 * case at compile time, by running the model's own closures on a scratch
 * frame; per lead the evaluator then computes the case number and copies
 * the results. The results are exact by construction: they are what the
 * closures give for that case.
 */

/** One step of the evaluation order (a let, criterion or score), as the model compiler sees it. */
export interface TableStep {
  readonly id: string;
  readonly slot: number;
  /** The expressions the step evaluates (a group's rule points and conditions). */
  readonly exprs: readonly Expr[];
  /** The step's value is yes/no/unknown (a criterion or a boolean let). */
  readonly bool: boolean;
  /** Evaluates the step on a frame and returns its value. */
  readonly run: (frame: Frame) => Value;
}

/** The tier conditions and knockouts, when the tier can be part of the table. */
export interface TableTiers {
  /** Every knockout's and tier's condition. */
  readonly exprs: readonly Expr[];
  /** Picks the tier from a frame whose steps are filled in. */
  readonly pick: (frame: Frame) => string;
}

/** What the evaluator runs: steps before the table, the table, steps after it. */
export interface DerivedPlan<S extends TableStep> {
  /** Steps that read the lead, run before the table; the table's inputs are among them. */
  readonly before: readonly S[];
  readonly table: DerivedTable;
  /** Steps that read the lead and a tabulated step, run after the table. */
  readonly after: readonly S[];
}

export interface DerivedTable {
  /** How many cases: 3 to the number of inputs. */
  readonly cases: number;
  /** The yes/no/unknown slots the case number is made of. */
  readonly inputSlots: readonly number[];
  /** The slots the table fills. */
  readonly outputSlots: readonly number[];
  /** `outputs[case * outputSlots.length + k]` is the value of `outputSlots[k]`. */
  readonly outputs: readonly Value[];
  /** The tier of each case, or null when the tier depends on more than the table's inputs. */
  readonly tiers: readonly string[] | null;
}

/** At most 3^6 = 729 cases: built in well under a millisecond, and small enough to stay in cache. */
export const MAX_TABLE_INPUTS = 6;

/** True when evaluating `expr` reads the lead or the evaluation time, directly (not through a reference). */
export function readsLead(expr: Expr): boolean {
  switch (expr.kind) {
    case "field":
    case "element":
    case "within":
    case "each":
      return true;
    case "call":
      if (expr.fn === "days_since" || expr.fn === "days_until") return true;
      break;
    default:
      break;
  }
  return exprChildren(expr).some(readsLead);
}

function addRefs(expr: Expr, out: Set<string>): void {
  if (expr.kind === "ref") out.add(expr.id);
  for (const child of exprChildren(expr)) addRefs(child, out);
}

/** The ids of the lets, criteria and scores the expressions refer to. */
export function refsOf(exprs: readonly Expr[]): Set<string> {
  const out = new Set<string>();
  for (const e of exprs) addRefs(e, out);
  return out;
}

/**
 * The table of a model's derived logic, or undefined when it has none worth
 * building. `steps` are in evaluation order; a step is tabulated when it reads
 * neither the lead nor the clock, and refers only to tabulated steps and to
 * yes/no/unknown steps (the table's inputs).
 */
export function planDerivedTable<S extends TableStep>(steps: readonly S[], tiers: TableTiers, frameSize: number): DerivedPlan<S> | undefined {
  const byId = new Map(steps.map((s) => [s.id, s] as const));
  const refs = new Map(steps.map((s) => [s.id, refsOf(s.exprs)] as const));
  const derived = new Set<string>();
  for (const step of steps) {
    if (step.exprs.some(readsLead)) continue;
    const ok = [...(refs.get(step.id) ?? [])].every((r) => derived.has(r) || byId.get(r)?.bool === true);
    if (ok) derived.add(step.id);
  }
  const tierRefs = refsOf(tiers.exprs);
  const tiersTabulated =
    !tiers.exprs.some(readsLead) && [...tierRefs].every((r) => derived.has(r) || byId.get(r)?.bool === true);
  if (derived.size === 0 && !tiersTabulated) return undefined;

  const inputIds = new Set<string>();
  for (const id of derived) for (const r of refs.get(id) ?? []) if (!derived.has(r)) inputIds.add(r);
  if (tiersTabulated) for (const r of tierRefs) if (!derived.has(r)) inputIds.add(r);
  if (inputIds.size > MAX_TABLE_INPUTS) return undefined;

  // A step that reads the lead and, through references, a tabulated step runs after the table.
  const late = new Set<string>();
  for (const step of steps) {
    if (derived.has(step.id)) continue;
    if ([...(refs.get(step.id) ?? [])].some((r) => derived.has(r) || late.has(r))) late.add(step.id);
  }
  // An input computed after the table would be read before it exists.
  if ([...inputIds].some((id) => late.has(id))) return undefined;

  const inputs = steps.filter((s) => inputIds.has(s.id));
  const outputs = steps.filter((s) => derived.has(s.id));
  return {
    before: steps.filter((s) => !derived.has(s.id) && !late.has(s.id)),
    table: tabulate(inputs, outputs, tiersTabulated ? tiers.pick : null, frameSize),
    after: steps.filter((s) => late.has(s.id)),
  };
}

/** The value a case digit stands for: 0 unknown, 1 yes, 2 no. */
const DIGIT_VALUES: readonly (boolean | null)[] = [null, true, false];

function tabulate(inputs: readonly TableStep[], outputs: readonly TableStep[], pick: ((frame: Frame) => string) | null, frameSize: number): DerivedTable {
  const cases = 3 ** inputs.length;
  const frame = new Frame(frameSize);
  const values: Value[] = [];
  const tiers: string[] = [];
  for (let c = 0; c < cases; c++) {
    // Digits in the order caseWeights gives them: the first input is the most significant.
    let rest = c;
    for (let i = inputs.length - 1; i >= 0; i--) {
      frame.values[(inputs[i] as TableStep).slot] = DIGIT_VALUES[rest % 3] as boolean | null;
      rest = Math.floor(rest / 3);
    }
    for (const step of outputs) frame.values[step.slot] = step.run(frame);
    for (const step of outputs) values.push(frame.values[step.slot] ?? null);
    if (pick !== null) tiers.push(pick(frame));
  }
  return {
    cases,
    inputSlots: inputs.map((s) => s.slot),
    outputSlots: outputs.map((s) => s.slot),
    outputs: values,
    tiers: pick === null ? null : tiers,
  };
}

/**
 * What each of the given step slots adds to the case number per digit
 * (0 for a step that is not an input), so the step loop can count the case
 * as it goes: the case number is the sum of weight times digit (unknown 0,
 * yes 1, no 2, as DIGIT_VALUES reads them back).
 */
export function caseWeights(table: DerivedTable, stepSlots: readonly number[]): number[] {
  const k = table.inputSlots.length;
  return stepSlots.map((slot) => {
    const position = table.inputSlots.indexOf(slot);
    return position < 0 ? 0 : 3 ** (k - 1 - position);
  });
}

/** Writes a case's tabulated values into the frame. */
export function fillCase(table: DerivedTable, c: number, values: Value[]): void {
  const slots = table.outputSlots;
  const n = slots.length;
  const base = c * n;
  const outputs = table.outputs;
  for (let k = 0; k < n; k++) values[slots[k] as number] = outputs[base + k] as Value;
}
