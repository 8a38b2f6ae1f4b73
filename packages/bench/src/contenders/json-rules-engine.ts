import { Engine, type NestedCondition, type RuleProperties } from "json-rules-engine";
import type { Condition, ModelSpec } from "../workloads/model-spec.js";
import type { Lead } from "../workloads/points-leads.js";
import { type Contender, type Outcome, outcomeReaders, tierOf } from "./contender.js";

/**
 * json-rules-engine: each points rule is an engine rule whose event carries
 * its group and points. The engine only decides which rules fire; summing,
 * caps and tiers happen in JavaScript on the fired events, which is how the
 * library is meant to be used. Its numeric operators already refuse non-
 * numbers; text tests are custom operators that lower-case and type-check.
 */

function atom(condition: Exclude<Condition, { kind: "and" }>): NestedCondition {
  switch (condition.kind) {
    case "numberCompare": {
      const operator = { ">=": "greaterThanInclusive", "<": "lessThan", "<=": "lessThanInclusive", "=": "equal" }[condition.op];
      return { fact: condition.field, operator, value: condition.value };
    }
    case "textEquals":
      return { fact: condition.field, operator: "textEquals", value: condition.value.toLowerCase() };
    case "textIn":
      return { fact: condition.field, operator: "textIn", value: condition.values.map((v) => v.toLowerCase()) };
    case "endsWith":
      return { fact: condition.field, operator: "textEndsWith", value: condition.suffix.toLowerCase() };
    case "boolIs":
      return { fact: condition.field, operator: "equal", value: condition.value };
    case "listNotEmpty":
      return { fact: condition.field, operator: "notEmpty", value: true };
  }
}

function conditions(condition: Condition): NestedCondition[] {
  return condition.kind === "and" ? [...conditions(condition.left), ...conditions(condition.right)] : [atom(condition)];
}

/** The model's rules as json-rules-engine rules. */
export function jsonRulesEngineRules(spec: ModelSpec): RuleProperties[] {
  return spec.rules.map((rule) => ({
    name: `${rule.group}/${rule.label}`,
    conditions: { all: conditions(rule.when) },
    event: { type: "points", params: { group: rule.group, points: rule.points } },
  }));
}

/** An engine loaded with the model's rules and the text operators. */
export function createRulesEngine(spec: ModelSpec): Engine {
  const engine = new Engine(jsonRulesEngineRules(spec), { allowUndefinedFacts: true });
  engine.addOperator("textEquals", (fact: unknown, value: string) => typeof fact === "string" && fact.toLowerCase() === value);
  engine.addOperator("textIn", (fact: unknown, values: string[]) => typeof fact === "string" && values.includes(fact.toLowerCase()));
  engine.addOperator("textEndsWith", (fact: unknown, suffix: string) => typeof fact === "string" && fact.toLowerCase().endsWith(suffix));
  engine.addOperator("notEmpty", (fact: unknown) => Array.isArray(fact) && fact.length > 0);
  return engine;
}

/** json-rules-engine (asynchronous: every lead is awaited one after the other). */
export const jsonRulesEngineContender: Contender = {
  id: "json-rules-engine",
  label: "json-rules-engine",
  notes: "one engine rule per points rule (event carries group and points); sums, caps and tier in JS from the fired events; awaited per lead",
  async prepare(workload) {
    const { spec } = workload;
    const engine = createRulesEngine(spec);
    const caps = new Map(spec.groups.map((g) => [g.id, g.max ?? Number.POSITIVE_INFINITY]));
    const run = async (lead: Lead): Promise<Outcome> => {
      const { events } = await engine.run(lead);
      const sums = new Map<string, number>();
      for (const event of events) {
        const params = event.params as { group: string; points: number };
        sums.set(params.group, (sums.get(params.group) ?? 0) + params.points);
      }
      let total = 0;
      for (const [group, cap] of caps) total += Math.min(sums.get(group) ?? 0, cap);
      return { tier: tierOf(spec, total), total };
    };
    return { mode: "async", run, ...outcomeReaders };
  },
};
