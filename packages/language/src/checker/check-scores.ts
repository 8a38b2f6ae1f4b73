import type { DisqualifyDecl, Model, ScoreGroupDecl } from "../ast.js";
import type { Report } from "./context.js";

/** The checked `min`/`max` of a score group (absent when not given or given twice). */
export interface GroupBounds {
  readonly min?: number;
  readonly max?: number;
}

/** Checks a group's `min`/`max`: each at most once, and min no larger than max. */
export function checkBounds(group: ScoreGroupDecl, report: Report): GroupBounds {
  let min: number | undefined;
  let max: number | undefined;
  for (const bound of group.bounds) {
    const seen = bound.which === "min" ? min : max;
    if (seen !== undefined) {
      report("duplicateBound", bound.range, [bound.which]);
      continue;
    }
    if (bound.which === "min") min = bound.value;
    else max = bound.value;
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
