import type { EvaluationResult, Expr, ModelIR, Reason, UnknownItem } from "@qualify/ir";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import type { ExprCompiler } from "../expr/compile-expr.js";
import { Frame } from "../runtime/frame.js";
import type { Closure, Value } from "../runtime/frame.js";
import { putOwn } from "../runtime/records.js";
import type { RecordBuilder } from "./shaped-record.js";
import type { SlotTest } from "../expr/slot-test.js";
import { runSlotTest } from "../expr/slot-test.js";
import type { CompiledGroup, RuleSink } from "./score-groups.js";
import type { OutlookPlan } from "../ranges/model-outlook.js";

/** What the full path needs beyond the computed frame. */
export interface FullPathPlan {
  readonly ir: ModelIR;
  readonly compiler: ExprCompiler;
  readonly criteria: readonly { readonly id: string; readonly slot: number; readonly expr: Expr }[];
  readonly scores: readonly {
    readonly id: string;
    readonly slot: number;
    readonly group: CompiledGroup | undefined;
    readonly expr: Expr | undefined;
  }[];
  readonly disqualify: readonly {
    readonly reason: string;
    readonly when: Closure;
    readonly test: SlotTest | undefined;
    readonly expr: Expr;
  }[];
  readonly tiers: readonly {
    readonly id: string;
    readonly when: Closure | null;
    readonly test: SlotTest | undefined;
    readonly expr: Expr | undefined;
  }[];
  /** Build the `criteria` and `scores` records from the frame (see shaped-record.ts). */
  readonly buildCriteria: RecordBuilder<boolean>;
  readonly buildScores: RecordBuilder<number>;
  /** Score ranges, possible tiers and questions (see ranges/model-outlook.ts). */
  readonly outlook: OutlookPlan;
}

/** Collects reasons and unknown items for one evaluation; one object instead of a closure per callback. */
class ResultBuilder implements RuleSink {
  readonly unknownItems: UnknownItem[] = [];
  readonly reasons: Reason[] = [];

  constructor(
    private readonly compiler: ExprCompiler,
    private readonly frame: Frame,
  ) {}

  fired(score: string, rule: string, points: number): void {
    this.reasons.push({ score, rule, points });
  }

  /** Records an unknown item with the input fields behind it (computed only now that it is known to be unknown). */
  unknown(id: string, cause: Expr): void {
    const missing: string[] = [];
    const because: string[] = [];
    this.frame.causes = because;
    this.compiler.explain(cause)(this.frame, missing);
    this.frame.causes = null;
    this.unknownItems.push(because.length === 0 ? { id, missing } : { id, missing, because });
  }
}

function decide(test: SlotTest | undefined, when: Closure, f: Frame): Value {
  return test !== undefined ? runSlotTest(test, f.values) : when(f);
}

/**
 * Builds the explained result from a frame whose lets, criteria and scores
 * are computed. Group rules are evaluated a second time (they are pure) to
 * find reasons, `raw` and unknown rules; `missing` is computed only for
 * unknown items.
 */
export function buildFullResult(plan: FullPathPlan, f: Frame): EvaluationResult {
  const values = f.values;
  const out = new ResultBuilder(plan.compiler, f);

  const criteria = plan.buildCriteria(values);
  for (const c of plan.criteria) {
    if ((values[c.slot] ?? null) === null) out.unknown(c.id, c.expr);
  }

  const scores = plan.buildScores(values);
  const rawSums: Record<string, number> = {};
  for (const s of plan.scores) {
    const v = values[s.slot] ?? null;
    if (s.group !== undefined) {
      const raw = s.group.inspect(f, out);
      if (raw !== v) putOwn(rawSums, s.id, raw);
    } else if (v === null && s.expr !== undefined) {
      out.unknown(s.id, s.expr);
    }
  }

  const disqualified: string[] = [];
  for (const d of plan.disqualify) {
    const v = decide(d.test, d.when, f);
    if (v === true) disqualified.push(d.reason);
    else if (v === null) out.unknown(`disqualify/${d.reason}`, d.expr);
  }

  let tier = DISQUALIFIED_TIER;
  if (disqualified.length === 0) {
    tier = plan.tiers[plan.tiers.length - 1]?.id ?? DISQUALIFIED_TIER;
    for (const t of plan.tiers) {
      const v: Value = t.when === null ? true : decide(t.test, t.when, f);
      if (v === true) {
        tier = t.id;
        break;
      }
      if (v === null && t.expr !== undefined) out.unknown(t.id, t.expr);
    }
  }

  return withLazyOutlook(
    { model: plan.ir.id, tier, disqualified, scores, raw: rawSums, criteria, reasons: out.reasons, unknown: out.unknownItems },
    plan.outlook,
    f,
    tier,
  );
}

/** What a result's outlook is worked out from, until it is read: a copy of the frame's values (the frame is reused). */
interface PendingOutlook {
  readonly plan: OutlookPlan;
  readonly values: Value[];
  readonly now: number;
  readonly tier: string;
}

/** Where a result keeps its pending outlook: a symbol, not enumerable, so JSON, spreading and deep equality never see it. */
const PENDING = Symbol("qualify.pendingOutlook");
const OUTLOOK_KEYS = ["ranges", "possibleTiers", "questions"] as const;
type Outlook = ReturnType<OutlookPlan["outlook"]>;

/** Works out a result's outlook and replaces the three getters with plain values. */
function settle(result: object): Outlook {
  const p = (result as { [PENDING]?: PendingOutlook })[PENDING];
  if (p === undefined) throw new TypeError("this evaluation result's outlook getter was moved to another object; read it from the result itself");
  const snapshot = new Frame(0);
  for (const v of p.values) snapshot.values.push(v);
  snapshot.now = p.now;
  const computed = p.plan.outlook(snapshot, p.tier);
  // Dropped by assignment: `delete` would turn the result into a dictionary.
  (result as { [PENDING]?: PendingOutlook })[PENDING] = undefined;
  for (const k of OUTLOOK_KEYS) Object.defineProperty(result, k, { value: computed[k], enumerable: true, writable: true, configurable: true });
  return computed;
}

/**
 * The getters every result shares. One set of functions keeps the results'
 * shape the same: V8 shares a map between objects only when their accessors
 * are the same functions, and getters made per result turned every result
 * into a dictionary (three quarters of `evaluate`'s time).
 */
const LAZY_OUTLOOK: PropertyDescriptorMap = {
  ranges: { enumerable: true, configurable: true, get(this: object) { return settle(this).ranges; } },
  possibleTiers: { enumerable: true, configurable: true, get(this: object) { return settle(this).possibleTiers; } },
  questions: { enumerable: true, configurable: true, get(this: object) { return settle(this).questions; } },
};

/**
 * Adds `ranges`, `possibleTiers` and `questions` as enumerable properties
 * worked out on first read: the outlook runs the abstract interpreter once
 * per missing field, many times the cost of the evaluation itself, and batch
 * scoring (which writes tiers, scores and reasons) never reads it. The frame
 * is reused by the next evaluation, so the outlook reads a copy of its values.
 * JSON.stringify, spreading and deep equality read the properties as usual.
 */
function withLazyOutlook(parts: Omit<EvaluationResult, (typeof OUTLOOK_KEYS)[number]>, plan: OutlookPlan, f: Frame, tier: string): EvaluationResult {
  const state: PendingOutlook = { plan, values: f.values.slice(), now: f.now, tier };
  Object.defineProperty(parts, PENDING, { value: state, configurable: true, writable: true, enumerable: false });
  return Object.defineProperties(parts, LAZY_OUTLOOK) as EvaluationResult;
}
