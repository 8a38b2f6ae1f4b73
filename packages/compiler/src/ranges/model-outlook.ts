import type { Expr, InputField, ModelIR, QualType, ScoreGroupIR, ScoreRange, TierQuestion } from "@qualify/ir";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import type { Frame } from "../runtime/frame.js";
import { putOwn } from "../runtime/records.js";
import { normaliseZero, saturate } from "../runtime/values.js";
import { clamp } from "../model/score-groups.js";
import type { AbstractScope } from "./abstract-expr.js";
import { AbstractEvaluator, maskOf } from "./abstract-expr.js";
import type { Abs, NumAbs } from "./abstract-value.js";
import { hasKnown, NO, num, UNKNOWN, YES } from "./abstract-value.js";

/*
 * What the missing data could still change: every score's range, the tiers
 * the lead could land in, and for each missing field the tiers its answer
 * alone could lead to. Worked out by the abstract interpreter, once with
 * every missing field varying and once per missing field.
 */

/** A lead's outlook, as the full result reports it. */
export interface Outlook {
  readonly ranges: Record<string, ScoreRange>;
  readonly possibleTiers: readonly string[];
  readonly questions: readonly TierQuestion[];
}

type Declared = { readonly kind: "expr"; readonly expr: Expr } | { readonly kind: "group"; readonly group: ScoreGroupIR };

/** The abstract model evaluation of one scenario: which missing fields vary. */
interface Scenario {
  readonly refs: Map<string, Abs>;
  readonly tiers: readonly string[];
}

function declaredPaths(fields: readonly InputField[], prefix: string, out: Map<string, number>): void {
  for (const field of fields) {
    const path = prefix === "" ? field.name : `${prefix}.${field.name}`;
    out.set(path, out.size);
    let type: QualType = field.type;
    while (type.kind === "list") type = type.element;
    if (type.kind === "record") declaredPaths(type.fields, path, out);
  }
}

/** The sum of a points group: each rule adds its points, or 0 (when false or unknown, or points unknown). */
function groupRange(group: ScoreGroupIR, evaluator: AbstractEvaluator): NumAbs {
  let lo = 0;
  let hi = 0;
  for (const rule of group.rules) {
    const when = rule.when === undefined ? YES : maskOf(evaluator.abstract(rule.when, undefined));
    if (!(when & YES)) continue;
    const points = evaluator.abstract(rule.points, undefined) as NumAbs;
    const zeroToo = (when & (NO | UNKNOWN)) !== 0 || points.u || !hasKnown(points);
    if (!hasKnown(points)) continue;
    // In rule order, as the closures add: rounding is monotone, so the bounds stay bounds.
    lo += zeroToo ? Math.min(points.lo, 0) : points.lo;
    hi += zeroToo ? Math.max(points.hi, 0) : points.hi;
  }
  // Overflow saturates as the closures do; a NaN bound (opposite overflows) could be anything.
  const low = Number.isNaN(lo) ? -Number.MAX_VALUE : saturate(lo);
  const high = Number.isNaN(hi) ? Number.MAX_VALUE : saturate(hi);
  return num(clamp(low, group.min, group.max), clamp(high, group.min, group.max), false);
}

export class OutlookPlan {
  private readonly declared = new Map<string, Declared>();
  private readonly order = new Map<string, number>();

  constructor(
    private readonly ir: ModelIR,
    private readonly fieldSlot: (path: readonly string[]) => number,
  ) {
    for (const l of ir.lets) this.declared.set(l.id, { kind: "expr", expr: l.expr });
    for (const c of ir.criteria) this.declared.set(c.id, { kind: "expr", expr: c.expr });
    for (const s of ir.scores) this.declared.set(s.id, s.kind === "group" ? { kind: "group", group: s } : { kind: "expr", expr: s.expr });
    declaredPaths(ir.inputs, "", this.order);
  }

  private scenario(frame: Frame, varies: (path: string) => boolean, readMissing: (path: string) => void): Scenario {
    const refs = new Map<string, Abs>();
    const scope: AbstractScope = { frame, fieldSlot: this.fieldSlot, varies, readMissing, refs };
    const evaluator = new AbstractEvaluator(scope);
    for (const id of this.ir.order) {
      const d = this.declared.get(id);
      if (d === undefined) continue;
      refs.set(id, d.kind === "group" ? groupRange(d.group, evaluator) : evaluator.abstract(d.expr, undefined));
    }
    const tiers: string[] = [];
    let mayFire = false;
    let mayPass = true;
    for (const rule of this.ir.disqualify) {
      const m = maskOf(evaluator.abstract(rule.when, undefined));
      if (m & YES) mayFire = true;
      if (!(m & (NO | UNKNOWN))) mayPass = false;
    }
    if (mayFire) tiers.push(DISQUALIFIED_TIER);
    let reachable = mayPass;
    for (const tier of this.ir.tiers) {
      if (!reachable) break;
      if (tier.when === undefined) {
        tiers.push(tier.id);
        break;
      }
      const m = maskOf(evaluator.abstract(tier.when, undefined));
      if (m & YES) tiers.push(tier.id);
      reachable = (m & (NO | UNKNOWN)) !== 0;
    }
    return { refs, tiers };
  }

  /** The outlook of a lead whose values are in `frame` and whose tier is `tier`. */
  outlook(frame: Frame, tier: string): Outlook {
    const missing = new Set<string>();
    const all = this.scenario(frame, () => true, (path) => missing.add(path));

    const ranges: Record<string, ScoreRange> = {};
    for (const s of this.ir.scores) putOwn(ranges, s.id, toRange(all.refs.get(s.id) as NumAbs));

    const possible = new Set(all.tiers);
    possible.add(tier);
    const tierOrder = [DISQUALIFIED_TIER, ...this.ir.tiers.map((t) => t.id)];
    const possibleTiers = tierOrder.filter((t) => possible.has(t));

    const fields = [...missing].sort((a, b) => (this.order.get(a) ?? Infinity) - (this.order.get(b) ?? Infinity));
    const questions: TierQuestion[] = fields.map((field) => {
      const tiers = this.scenario(frame, (path) => path === field, () => undefined).tiers;
      return { field, tiers, decides: tiers.some((t) => t !== tier) };
    });
    // Deciding questions first; the sort is stable, so declaration order stays within each kind.
    questions.sort((a, b) => Number(b.decides) - Number(a.decides));
    return { ranges, possibleTiers, questions };
  }
}

function toRange(a: NumAbs): ScoreRange {
  if (!hasKnown(a)) return { min: null, max: null, unknown: true };
  const range = { min: normaliseZero(a.lo), max: normaliseZero(a.hi) };
  return a.u ? { ...range, unknown: true } : range;
}


