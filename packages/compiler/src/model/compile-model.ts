import type { EvaluationResult, Expr, FastResult, ModelIR } from "@qualify/ir";
import { DISQUALIFIED_TIER, readsEvaluationTime } from "@qualify/ir";
import type { LeadIssue } from "../errors.js";
import { InvalidLeadError, IRFormatError } from "../errors.js";
import { ExprCompiler } from "../expr/compile-expr.js";
import type { SlotTest } from "../expr/slot-test.js";
import { runOne, runSlotTest, slotTest } from "../expr/slot-test.js";
import { foldCase } from "../runtime/text.js";
import { compileLeadReader } from "../lead/read-lead.js";
import type { CompileOptions, EvaluateOptions } from "../options.js";
import { cachedNowResolver, resolveLimits } from "../options.js";
import type { Closure, Value } from "../runtime/frame.js";
import { Frame } from "../runtime/frame.js";
import { toInputSchema } from "../schema/input-schema.js";
import { checkIRStructure } from "../saved/ir-structure.js";
import type { FullPathPlan } from "./full-result.js";
import { buildFullResult } from "./full-result.js";
import type { RecordBuilder } from "./shaped-record.js";
import { recordBuilder } from "./shaped-record.js";
import type { CompiledGroup } from "./score-groups.js";
import { compileGroup, groupExprs } from "./score-groups.js";
import { SlotLayout } from "./slot-layout.js";
import { OutlookPlan } from "../ranges/model-outlook.js";
import type { DerivedTable, TableStep } from "./derived-table.js";
import { caseWeights, fillCase, planDerivedTable, readsLead, refsOf } from "./derived-table.js";
import { planFusedScore } from "./fused-score.js";

/** A model compiled to closures: evaluate leads many times, fast. */
export interface CompiledModel {
  readonly ir: ModelIR;
  readonly id: string;
  readonly title: string;
  /** JSON Schema (draft 2020-12) of a lead. */
  readonly inputSchema: Record<string, unknown>;
  /**
   * Fast path: the tier and every score, no explanations.
   * @throws InvalidLeadError when validation is on and the lead does not fit the input.
   * @throws RangeError when `now` is not a valid time.
   */
  score(lead: unknown, options?: EvaluateOptions): FastResult;
  /**
   * Full path: the design's result JSON, with criteria, reasons and unknown items.
   * @throws InvalidLeadError when validation is on and the lead does not fit the input.
   * @throws RangeError when `now` is not a valid time.
   */
  evaluate(lead: unknown, options?: EvaluateOptions): EvaluationResult;
  /** Every problem with a lead; `[]` when it is valid. Never throws. */
  validate(lead: unknown): LeadIssue[];
}

/** Checks that `order` lists every let, criterion and score once, each after what it refers to. */
function checkOrder(ir: ModelIR): void {
  const defined = new Map<string, Expr[]>();
  for (const l of ir.lets) defined.set(l.id, [l.expr]);
  for (const c of ir.criteria) defined.set(c.id, [c.expr]);
  for (const s of ir.scores) {
    defined.set(s.id, s.kind === "computed" ? [s.expr] : groupExprs(s));
  }
  const done = new Set<string>();
  for (const id of ir.order) {
    const exprs = defined.get(id);
    if (exprs === undefined) throw new IRFormatError(`"order" lists "${id}", which is not a let, criterion or score.`);
    if (done.has(id)) throw new IRFormatError(`"order" lists "${id}" twice.`);
    for (const ref of refsOf(exprs)) {
      if (!done.has(ref)) throw new IRFormatError(`"order" puts "${id}" before "${ref}", which it refers to.`);
    }
    done.add(id);
  }
  for (const id of defined.keys()) {
    if (!done.has(id)) throw new IRFormatError(`"order" does not list "${id}".`);
  }
}

/** A step of the evaluation order, compiled: its closure and, for the common shapes, its inline test. */
interface CompiledStep extends TableStep {
  readonly test: SlotTest | undefined;
}

/** Steps as parallel arrays, for the evaluator's loop. */
interface StepArrays {
  readonly count: number;
  readonly slots: readonly number[];
  readonly runs: readonly Closure[];
  readonly tests: readonly (SlotTest | undefined)[];
  /** Each step's weight in the derived table's case number (caseWeights); all 0 without a table. */
  readonly weights: readonly number[];
}

function stepArrays(steps: readonly CompiledStep[], table: DerivedTable | undefined): StepArrays {
  const slots = steps.map((s) => s.slot);
  const weights = table === undefined ? slots.map(() => 0) : caseWeights(table, slots);
  return { count: steps.length, slots, runs: steps.map((s) => s.run), tests: steps.map((s) => s.test), weights };
}

/**
 * The score values of each case of the table, in score order, computed once;
 * the fast path builds a fresh record from them (a few keys added to `{}`
 * cost half as much as spreading a prebuilt record).
 */
function scoresByCase(table: DerivedTable, scoreSlots: readonly number[], frameSize: number): Value[][] {
  const values: Value[] = new Array<Value>(frameSize).fill(null);
  const out: Value[][] = [];
  for (let c = 0; c < table.cases; c++) {
    fillCase(table, c, values);
    out.push(scoreSlots.map((slot) => values[slot] ?? null));
  }
  return out;
}

/** Runs the steps into the frame; returns the derived table's case number, counted on the way (0 without a table). */
function runSteps(steps: StepArrays, frame: Frame): number {
  const values = frame.values;
  const { count, slots, runs, tests, weights } = steps;
  let c = 0;
  for (let i = 0; i < count; i++) {
    const test = tests[i] as SlotTest | undefined;
    // The single test is run directly, as in score-groups.ts: this loop is the fast path's hot spot.
    const v =
      test === undefined ? (runs[i] as Closure)(frame) : test.next === null ? runOne(test, values[test.slot] ?? null, values) : runSlotTest(test, values);
    values[slots[i] as number] = v;
    // The case digit (derived-table.ts): unknown 0, yes 1, no 2.
    c += (weights[i] as number) * (v === true ? 1 : v === false ? 2 : 0);
  }
  return c;
}

/**
 * Compiles a model IR to evaluator closures: no `eval`, no `new Function`,
 * so it runs under a strict Content Security Policy.
 * @throws IRFormatError when the IR is malformed.
 * @throws TypeError on an unknown or invalid option.
 */
export function compile(ir: ModelIR, options?: CompileOptions): CompiledModel {
  const limits = resolveLimits(options);
  checkIRStructure(ir);
  checkOrder(ir);
  const layout = new SlotLayout(ir);
  const reader = compileLeadReader(ir.inputs, limits, (path) => layout.allocateField(path));
  const compiler = new ExprCompiler(layout);

  const groups = new Map<string, CompiledGroup>();
  const lets = new Map(ir.lets.map((l) => [l.id, l.expr] as const));
  const criteria = new Map(ir.criteria.map((c) => [c.id, c.expr] as const));
  const scores = new Map(ir.scores.map((s) => [s.id, s] as const));
  const steps: CompiledStep[] = [];
  for (const id of ir.order) {
    const score = scores.get(id);
    if (score !== undefined && score.kind === "group") {
      const group = compileGroup(score, compiler);
      groups.set(id, group);
      steps.push({ id, slot: layout.refSlot("score", id), exprs: groupExprs(score), bool: false, run: group.sum, test: undefined });
      continue;
    }
    const expr = score !== undefined && score.kind === "computed" ? score.expr : (lets.get(id) ?? criteria.get(id));
    if (expr === undefined) throw new IRFormatError(`"order" lists "${id}", which is not defined.`);
    const compiled = compiler.compile(expr);
    const bool = expr.type.kind === "bool";
    // Conditions of the common shapes (`budget >= 10000`) run inline in the step loop, as in groups.
    const test = !compiled.constant && bool ? slotTest(expr, compiler) : undefined;
    const slot = layout.refSlot(score !== undefined ? "score" : lets.has(id) ? "let" : "criterion", id);
    steps.push({ id, slot, exprs: [expr], bool, run: compiled.run, test });
  }

  const scoreIds = ir.scores.map((s) => s.id);
  const scoreSlots = scoreIds.map((id) => layout.refSlot("score", id));
  const buildScores = recordBuilder<number>(scoreIds, scoreSlots, "number");
  const criterionIds = ir.criteria.map((c) => c.id);
  const buildCriteria = recordBuilder<boolean>(criterionIds, criterionIds.map((id) => layout.refSlot("criterion", id)), "bool");
  const clock = readsEvaluationTime(ir);

  // Knockouts that can never fire are dropped from the fast path; one that always fires stays.
  const fastKnockouts: Closure[] = [];
  const knockoutTests: (SlotTest | undefined)[] = [];
  // Each fast knockout's step, when it tests the lead itself (see the derived table below); undefined otherwise.
  const knockoutSteps: (CompiledStep | undefined)[] = [];
  /** Of each disqualify rule, the id of its knockout step, if it has one. */
  const knockoutStepIds: (string | undefined)[] = [];
  for (const d of ir.disqualify) {
    const c = compiler.compile(d.when);
    if (!c.constant || c.value === true) {
      const test = c.constant ? undefined : slotTest(d.when, compiler);
      fastKnockouts.push(c.run);
      knockoutTests.push(test);
      // The id cannot clash with a declaration's: `#` is not part of a Qual name.
      const id = `#knockout${knockoutSteps.length}`;
      const step = !c.constant && readsLead(d.when) ? { id, slot: layout.allocateHidden(), exprs: [d.when], bool: true, run: c.run, test } : undefined;
      knockoutSteps.push(step);
      knockoutStepIds.push(step?.id);
    } else {
      knockoutStepIds.push(undefined);
    }
  }
  // The slot where the steps put each fast knockout's outcome; -1 where pickTier tests it itself.
  let knockoutSlots: number[] = fastKnockouts.map(() => -1);
  const tierIds = ir.tiers.map((t) => t.id);
  const tierCompiled = ir.tiers.map((t) => (t.when === undefined ? undefined : compiler.compile(t.when)));
  const tierWhens = tierCompiled.map((c) => (c === undefined ? null : c.run));
  // Tier and knockout conditions of the common shapes (a criterion, `total >= 50`) run inline.
  const tierTests = ir.tiers.map((t) => (t.when === undefined ? undefined : slotTest(t.when, compiler)));
  const lastTier = tierIds[tierIds.length - 1] ?? DISQUALIFIED_TIER;

  const plan: FullPathPlan = {
    ir,
    compiler,
    criteria: ir.criteria.map((c) => ({ id: c.id, slot: layout.refSlot("criterion", c.id), expr: c.expr })),
    scores: ir.scores.map((s) => ({
      id: s.id,
      slot: layout.refSlot("score", s.id),
      group: groups.get(s.id),
      expr: s.kind === "computed" ? s.expr : undefined,
    })),
    disqualify: ir.disqualify.map((d) => ({ reason: d.reason, when: compiler.compile(d.when).run, test: slotTest(d.when, compiler), expr: d.when })),
    tiers: ir.tiers.map((t, i) => ({ id: t.id, when: tierWhens[i] ?? null, test: tierTests[i], expr: t.when })),
    buildCriteria,
    buildScores,
    outlook: new OutlookPlan(ir, (path) => layout.fieldSlot(path)),
  };

  // Every slot is known only now: compiling expressions allocates the folded-text slots.
  const frameSize = layout.size;
  const foldFrom = layout.folds.map((f) => f.from);
  const foldTo = layout.folds.map((f) => f.to);
  const foldCount = foldFrom.length;
  // The part of the model that is logic over a few criteria is looked up, not evaluated (derived-table.ts).
  const tierWhenExprs = ir.tiers.flatMap((t) => (t.when === undefined ? [] : [t.when]));
  const tierExprs = [...ir.disqualify.map((d) => d.when), ...tierWhenExprs];
  // A knockout that tests the lead (`when existing_customer`) keeps the tiers off the
  // table, unless its outcome is a step of its own that the table reads: tried
  // first, kept only when the tiers are then tabulated.
  let derived: ReturnType<typeof planDerivedTable<CompiledStep>>;
  const withKnockouts = knockoutSteps.filter((k): k is CompiledStep => k !== undefined);
  if (withKnockouts.length > 0) {
    knockoutSlots = knockoutSteps.map((k) => k?.slot ?? -1);
    const asRefs = ir.disqualify.map((d, i) => {
      const id = knockoutStepIds[i];
      return id === undefined ? d.when : ({ kind: "ref", target: "criterion", id, type: { kind: "bool" } } as Expr);
    });
    derived = planDerivedTable([...steps, ...withKnockouts], { exprs: [...asRefs, ...tierWhenExprs], pick: pickTier }, frameSize);
    if (derived?.table.tiers === null || derived === undefined) {
      knockoutSlots = fastKnockouts.map(() => -1);
      derived = planDerivedTable(steps, { exprs: tierExprs, pick: pickTier }, frameSize);
    }
  } else {
    derived = planDerivedTable(steps, { exprs: tierExprs, pick: pickTier }, frameSize);
  }
  const table = derived?.table;
  const tableTiers = table?.tiers ?? null;
  const before = stepArrays(derived?.before ?? steps, table);
  const after = stepArrays(derived?.after ?? [], undefined);
  // When the table gives every score too, the fast path copies the case's scores and fills no slot.
  const caseScores = table !== undefined && scoreSlots.every((slot) => table.outputSlots.includes(slot)) ? scoresByCase(table, scoreSlots, frameSize) : null;
  const buildCaseScores = recordBuilder<number>(scoreIds, scoreIds.map((_, i) => i), "number");
  const fillOnFastPath = table !== undefined && (after.count > 0 || caseScores === null || tableTiers === null);
  // When the table gives the tier and every score from single-field tests, `score` reads and tests in one loop.
  const fused =
    caseScores !== null && tableTiers !== null
      ? planFusedScore(
          ir.inputs,
          limits,
          (name) => layout.fieldSlot([name]),
          layout.folds,
          (derived?.before ?? steps).map((step, i) => ({ test: step.test, run: step.run, exprs: step.exprs, weight: before.weights[i] as number })),
          frameSize,
        )
      : null;
  // One frame is reused; a second one is made only if an evaluation starts inside another (a getter on a lead).
  let spare: Frame | null = new Frame(frameSize, ir.inputs.length);

  /**
   * The evaluation time: the clock is read only when `now` is absent and the
   * model has a date test. A given `now` is always checked, so a wrong one is
   * refused whatever the model; a text is parsed once per distinct value in a row.
   */
  const resolveNow = cachedNowResolver();
  // The last `now` text the fused `score` found valid.
  let checkedNowText: string | undefined;
  function nowOf(options: EvaluateOptions | undefined): number {
    const now = options?.now;
    if (now !== undefined) return resolveNow(now);
    return clock ? Date.now() : 0;
  }

  /** Reads the lead and runs the steps; `full`: every slot is filled, for the explained path. */
  function load(lead: unknown, options: EvaluateOptions | undefined, full: boolean): Frame {
    const now = nowOf(options);
    const frame = spare ?? new Frame(frameSize, ir.inputs.length);
    spare = null;
    frame.now = now;
    try {
      reader(lead, frame, null);
      if (frame.invalid && options?.validate !== false) {
        const issues: LeadIssue[] = [];
        reader(lead, new Frame(frameSize, ir.inputs.length), issues);
        throw new InvalidLeadError(ir.id, issues);
      }
      const values = frame.values;
      for (let i = 0; i < foldCount; i++) {
        const text = values[foldFrom[i] as number] ?? null;
        values[foldTo[i] as number] = text === null ? null : foldCase(text as string);
      }
      const c = runSteps(before, frame);
      if (table !== undefined) {
        frame.tableCase = c;
        if (full || fillOnFastPath) {
          fillCase(table, c, values);
          if (after.count > 0) runSteps(after, frame);
        }
      }
    } catch (error) {
      spare = frame;
      throw error;
    }
    return frame;
  }

  function pickTier(frame: Frame): string {
    const values = frame.values;
    for (let i = 0; i < fastKnockouts.length; i++) {
      const slot = knockoutSlots[i] as number;
      if (slot >= 0) {
        if (values[slot] === true) return DISQUALIFIED_TIER;
        continue;
      }
      const test = knockoutTests[i];
      if ((test !== undefined ? runSlotTest(test, values) : (fastKnockouts[i] as Closure)(frame)) === true) return DISQUALIFIED_TIER;
    }
    for (let i = 0; i < tierIds.length; i++) {
      const when = tierWhens[i] as Closure | null;
      if (when === null) return tierIds[i] as string;
      const test = tierTests[i];
      if ((test !== undefined ? runSlotTest(test, values) : when(frame)) === true) return tierIds[i] as string;
    }
    return lastTier;
  }

  function score(lead: unknown, options?: EvaluateOptions): FastResult {
    if (fused !== null && caseScores !== null && tableTiers !== null) {
      // `now` is checked even though no test reads it, as on the general path;
      // a text already checked is not looked at again (services pass one per call).
      const now = options?.now;
      if (now !== undefined && now !== checkedNowText && !(typeof now === "number" && now - now === 0)) {
        resolveNow(now);
        if (typeof now === "string") checkedNowText = now;
      }
      const c = fused(lead, options?.validate !== false);
      if (c >= 0) return { tier: tableTiers[c] as string, scores: buildCaseScores(caseScores[c] as Value[]) };
    }
    const frame = load(lead, options, false);
    if (caseScores !== null && tableTiers !== null) {
      const c = frame.tableCase;
      spare = frame;
      return { tier: tableTiers[c] as string, scores: buildCaseScores(caseScores[c] as Value[]) };
    }
    const tier = tableTiers !== null ? (tableTiers[frame.tableCase] as string) : pickTier(frame);
    const scores = buildScores(frame.values);
    spare = frame;
    return { tier, scores };
  }

  function evaluate(lead: unknown, options?: EvaluateOptions): EvaluationResult {
    const frame = load(lead, options, true);
    try {
      return buildFullResult(plan, frame);
    } finally {
      spare = frame;
    }
  }

  function validate(lead: unknown): LeadIssue[] {
    const issues: LeadIssue[] = [];
    reader(lead, new Frame(frameSize, ir.inputs.length), issues);
    return issues;
  }

  let schema: Record<string, unknown> | undefined;
  const compiled: CompiledModel = Object.freeze({
    ir,
    id: ir.id,
    title: ir.title,
    // Built on first use: most services never ask for it.
    get inputSchema(): Record<string, unknown> {
      schema ??= toInputSchema(ir, limits);
      return schema;
    },
    score,
    evaluate,
    validate,
  });
  if (fused !== null) FUSED.add(compiled);
  if (caseScores !== null && tableTiers !== null) {
    const beforeSteps = derived?.before ?? steps;
    TABULATED.set(compiled, {
      steps: beforeSteps.map((step, i) => {
        const knockout = knockoutSteps.includes(step) ? { knockout: step.exprs[0] as Expr } : {};
        return { id: step.id, weight: before.weights[i] as number, ...knockout };
      }),
      tiers: tableTiers,
      scores: scoreIds.map((_, i) => caseScores.map((values) => (values[i] ?? null) as number | null)),
    });
  }
  return compiled;
}

const FUSED = new WeakSet<CompiledModel>();

/**
 * A model's fast path as a table lookup: every tier and score is a function
 * of the outcomes of a few steps, each yes, no or unknown (derived-table.ts).
 * The case number is the sum, over `steps`, of the weight times 1 for yes or
 * 2 for no; `tiers[case]` is the tier and `scores[i][case]` the i-th score.
 */
export interface Tabulation {
  /** The steps evaluated before the lookup, in evaluation order (weight 0: needed by a later step only). */
  readonly steps: readonly {
    readonly id: string;
    readonly weight: number;
    /** For a knockout's own step (no declaration has its id): the knockout's condition. */
    readonly knockout?: Expr;
  }[];
  readonly tiers: readonly string[];
  /** Per score, in the IR's score order: its value in each case. */
  readonly scores: readonly (readonly (number | null)[])[];
}

const TABULATED = new WeakMap<CompiledModel, Tabulation>();

/** The table `score` looks its answer up in, or undefined when it evaluates tiers and scores itself; for the AOT writer. */
export function tabulation(model: CompiledModel): Tabulation | undefined {
  return TABULATED.get(model);
}

/** Whether `score` of a compiled model takes the fused path (fused-score.ts); for the tests that check it agrees. */
export function usesFusedScore(model: CompiledModel): boolean {
  return FUSED.has(model);
}
