import jsonLogic from "json-logic-js";
import type { Condition, ModelSpec } from "../workloads/model-spec.js";
import { type Contender, type Outcome, outcomeReaders } from "./contender.js";

/**
 * json-logic-js. It has no lower-casing or suffix test, so two operations are
 * added through its documented extension point (`add_operation`). `var` reads
 * a missing field as null, and `null < 5` and `null >= 0` are true in
 * JavaScript, so ordering tests are guarded with `!= null`.
 */

jsonLogic.add_operation("lower", (value: unknown) => (typeof value === "string" ? value.toLowerCase() : null));
jsonLogic.add_operation("ends_with_ci", (value: unknown, suffix: string) => typeof value === "string" && value.toLowerCase().endsWith(suffix));

function field(name: string): unknown {
  return { var: name };
}

/** A condition as json-logic. */
export function jsonLogicCondition(condition: Condition): unknown {
  switch (condition.kind) {
    case "numberCompare": {
      const op = condition.op === "=" ? "===" : condition.op;
      const test = { [op]: [field(condition.field), condition.value] };
      // `null >= 0` and `null < 5` are true in JavaScript; only strict equality is safe unguarded.
      return op === "===" ? test : { and: [{ "!=": [field(condition.field), null] }, test] };
    }
    case "textEquals":
      return { "===": [{ lower: [field(condition.field)] }, condition.value.toLowerCase()] };
    case "textIn":
      return { in: [{ lower: [field(condition.field)] }, condition.values.map((v) => v.toLowerCase())] };
    case "endsWith":
      return { ends_with_ci: [field(condition.field), condition.suffix.toLowerCase()] };
    case "boolIs":
      return { "===": [field(condition.field), condition.value] };
    case "listNotEmpty":
      // json-logic treats an empty array as false.
      return { "!!": [field(condition.field)] };
    case "and":
      return { and: [jsonLogicCondition(condition.left), jsonLogicCondition(condition.right)] };
  }
}

/** The model as two json-logic rules: the total from the lead, then the tier from the total. */
export function jsonLogicRules(spec: ModelSpec): { total: unknown; tier: unknown } {
  const groups = spec.groups.map((group) => {
    const sum = { "+": spec.rules.filter((r) => r.group === group.id).map((r) => ({ if: [jsonLogicCondition(r.when), r.points, 0] })) };
    return group.max === undefined ? sum : { min: [sum, group.max] };
  });
  const total = groups.length === 1 ? groups[0] : { "+": groups };
  const branches: unknown[] = [];
  for (const tier of spec.tiers) branches.push({ ">=": [{ var: "total" }, tier.minTotal] }, tier.id);
  branches.push(spec.fallbackTier.id);
  return { total, tier: { if: branches } };
}

/** json-logic-js. */
export const jsonLogicContender: Contender = {
  id: "json-logic",
  label: "json-logic-js",
  notes: "one rule for the total (if/+/min), a second for the tier; custom `lower` and `ends_with_ci` operations; `!= null` guards",
  async prepare(workload) {
    const rules = jsonLogicRules(workload.spec);
    return {
      mode: "sync",
      run: (lead): Outcome => {
        const total = jsonLogic.apply(rules.total, lead) as number;
        return { tier: jsonLogic.apply(rules.tier, { total }) as string, total };
      },
      ...outcomeReaders,
    };
  },
};
