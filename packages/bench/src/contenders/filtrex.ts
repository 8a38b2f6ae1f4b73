import { compileExpression } from "filtrex";
import type { Condition, ModelSpec } from "../workloads/model-spec.js";
import type { Lead } from "../workloads/points-leads.js";
import { type Contender, type Outcome, outcomeReaders } from "./contender.js";

/**
 * filtrex. A missing property is an error in filtrex, so `customProp` reads
 * own properties and gives null for absent ones; its ordering operators throw
 * on non-numbers and its `in` on null, so tests are guarded by
 * `isnum(f) and ...` or `isstr(f) and ...` (filtrex's `and` short-circuits).
 * Text helpers come in through `extraFunctions`.
 */

const extraFunctions = {
  isnum: (value: unknown) => typeof value === "number",
  isstr: (value: unknown) => typeof value === "string",
  lower: (value: unknown) => (typeof value === "string" ? value.toLowerCase() : null),
  endswith: (value: unknown, suffix: string) => typeof value === "string" && value.toLowerCase().endsWith(suffix),
  istrue: (value: unknown) => value === true,
  isfalse: (value: unknown) => value === false,
  nonempty: (value: unknown) => Array.isArray(value) && value.length > 0,
};

const options = {
  extraFunctions,
  customProp: (name: string, _get: (name: string) => unknown, object: Record<string, unknown>) =>
    Object.prototype.hasOwnProperty.call(object, name) ? object[name] : null,
};

function str(text: string): string {
  return JSON.stringify(text);
}

/** A condition in filtrex syntax. */
export function filtrexCondition(condition: Condition): string {
  switch (condition.kind) {
    case "numberCompare":
      return `(isnum(${condition.field}) and ${condition.field} ${condition.op === "=" ? "==" : condition.op} ${condition.value})`;
    case "textEquals":
      return `(lower(${condition.field}) == ${str(condition.value.toLowerCase())})`;
    case "textIn":
      // filtrex's `in` throws on null, so it is guarded like the number tests.
      return `(isstr(${condition.field}) and lower(${condition.field}) in (${condition.values.map((v) => str(v.toLowerCase())).join(", ")}))`;
    case "endsWith":
      return `endswith(${condition.field}, ${str(condition.suffix.toLowerCase())})`;
    case "boolIs":
      return `${condition.value ? "istrue" : "isfalse"}(${condition.field})`;
    case "listNotEmpty":
      return `nonempty(${condition.field})`;
    case "and":
      return `(${filtrexCondition(condition.left)} and ${filtrexCondition(condition.right)})`;
  }
}

/** The model as filtrex expressions: one raw sum per group, the capped total, the tier. */
export function filtrexExpressions(spec: ModelSpec): { groups: Map<string, string>; total: string; tier: string } {
  const groups = new Map<string, string>();
  for (const group of spec.groups) {
    const terms = spec.rules.filter((r) => r.group === group.id).map((r) => `(if ${filtrexCondition(r.when)} then ${r.points} else 0)`);
    groups.set(group.id, terms.join(" + ") || "0");
  }
  const total = spec.groups.map((g) => (g.max === undefined ? g.id : `min(${g.id}, ${g.max})`)).join(" + ");
  let tier = str(spec.fallbackTier.id);
  for (const t of [...spec.tiers].reverse()) tier = `(if total >= ${t.minTotal} then ${str(t.id)} else ${tier})`;
  return { groups, total, tier };
}

/** filtrex; it returns (rather than throws) errors, which the agreement check would catch as a wrong tier. */
export const filtrexContender: Contender = {
  id: "filtrex",
  label: "filtrex",
  notes: "per group one compiled expression of if/then/else, then total (min) and tier; customProp gives null for absent fields; isnum guards",
  async prepare(workload) {
    const expressions = filtrexExpressions(workload.spec);
    const groups = [...expressions.groups].map(([id, source]) => [id, compileExpression(source, options)] as const);
    const total = compileExpression(expressions.total, options);
    const tier = compileExpression(expressions.tier, options);
    return {
      mode: "sync",
      run: (lead: Lead): Outcome => {
        const sums: Record<string, unknown> = {};
        for (const [id, fn] of groups) sums[id] = fn(lead);
        const t = total(sums) as number;
        return { tier: tier({ total: t }) as string, total: t };
      },
      ...outcomeReaders,
    };
  },
};
