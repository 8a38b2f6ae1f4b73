import type { Bound, DisqualifyDecl, Model, ScoreGroupDecl } from "../ast.js";
import type { Report } from "./context.js";

/** The checked `min`/`max` of a score group (absent when not given or given twice). */
export interface GroupBounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Checks a group's `min`/`max`: each at most once, each a number known at
 * compile time (`fold` computes it, reporting why not), and min no larger than max.
 */
export function checkBounds(group: ScoreGroupDecl, report: Report, fold: (bound: Bound) => number | undefined): GroupBounds {
  let min: number | undefined;
  let max: number | undefined;
  const seen = new Set<Bound["which"]>();
  for (const bound of group.bounds) {
    if (seen.has(bound.which)) {
      report("duplicateBound", bound.range, [bound.which]);
      continue;
    }
    seen.add(bound.which);
    const value = fold(bound);
    if (bound.which === "min") min = value;
    else max = value;
  }
  const minBound = group.bounds.find((b) => b.which === "min");
  if (min !== undefined && max !== undefined && min > max && minBound !== undefined) {
    report("boundsInverted", minBound.range, [min, max]);
  }
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** Checks that rule labels are unique within a group: they become rule ids (`group/Label`). */
export function checkRuleLabels(group: ScoreGroupDecl, report: Report): void {
  const seen = new Set<string>();
  for (const rule of group.rules) {
    if (seen.has(rule.label.value)) report("duplicateRuleLabel", rule.label.range, [rule.label.value, group.name.name]);
    seen.add(rule.label.value);
  }
}

/** Checks that disqualify reasons are unique in the model: they become ids (`disqualify/Reason`). */
export function checkDisqualifyReasons(model: Model, report: Report): void {
  const seen = new Set<string>();
  for (const decl of model.declarations) {
    if (decl.kind !== "DisqualifyDecl") continue;
    const reason = (decl as DisqualifyDecl).reason;
    if (seen.has(reason.value)) report("duplicateReason", reason.range, [reason.value]);
    seen.add(reason.value);
  }
}
