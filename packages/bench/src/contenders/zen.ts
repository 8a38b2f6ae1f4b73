import { createRequire } from "node:module";
import type { Condition, ModelSpec } from "../workloads/model-spec.js";
import type { Lead } from "../workloads/points-leads.js";
import { type Contender, ContenderUnavailableError, type Outcome, outcomeReaders } from "./contender.js";

/**
 * @gorules/zen-engine (a Rust engine behind N-API). The model is one decision
 * graph: input -> an expression node computing each group's sum, the total
 * (`$.fit` refers to an earlier key) and the tier -> output. Comparing null is
 * an error in ZEN, so tests are guarded with `f != null and ...` (`and` short-
 * circuits). Evaluation is asynchronous; every lead is awaited in turn.
 */

type ZenModule = typeof import("@gorules/zen-engine");

function loadZen(): ZenModule {
  try {
    // The package is CommonJS with a native binary chosen at run time.
    return createRequire(import.meta.url)("@gorules/zen-engine") as ZenModule;
  } catch (error) {
    throw new ContenderUnavailableError(`the native binary of @gorules/zen-engine did not load: ${(error as Error).message}`);
  }
}

function str(text: string): string {
  return JSON.stringify(text);
}

/** A condition in ZEN's expression language. */
export function zenCondition(condition: Condition): string {
  switch (condition.kind) {
    case "numberCompare":
      return `(${condition.field} != null and ${condition.field} ${condition.op === "=" ? "==" : condition.op} ${condition.value})`;
    case "textEquals":
      return `(${condition.field} != null and lower(${condition.field}) == ${str(condition.value.toLowerCase())})`;
    case "textIn":
      return `(${condition.field} != null and lower(${condition.field}) in [${condition.values.map((v) => str(v.toLowerCase())).join(", ")}])`;
    case "endsWith":
      return `(${condition.field} != null and endsWith(lower(${condition.field}), ${str(condition.suffix.toLowerCase())}))`;
    case "boolIs":
      return `(${condition.field} == ${condition.value})`;
    case "listNotEmpty":
      return `(${condition.field} != null and len(${condition.field}) > 0)`;
    case "and":
      return `(${zenCondition(condition.left)} and ${zenCondition(condition.right)})`;
  }
}

/** The model as a ZEN decision graph (JDM). */
export function zenDecisionContent(spec: ModelSpec): Record<string, unknown> {
  const expressions: { id: string; key: string; value: string }[] = [];
  const rawKey = (id: string) => (id === spec.totalId ? id : `${id}_raw`);
  for (const group of spec.groups) {
    const terms = spec.rules.filter((r) => r.group === group.id).map((r) => `(${zenCondition(r.when)} ? ${r.points} : 0)`);
    expressions.push({ id: `g-${group.id}`, key: rawKey(group.id), value: terms.join(" + ") || "0" });
  }
  if (!spec.groups.some((g) => g.id === spec.totalId)) {
    const total = spec.groups.map((g) => (g.max === undefined ? `$.${rawKey(g.id)}` : `min([$.${rawKey(g.id)}, ${g.max}])`)).join(" + ");
    expressions.push({ id: "total", key: spec.totalId, value: total });
  }
  let tier = str(spec.fallbackTier.id);
  for (const t of [...spec.tiers].reverse()) tier = `($.${spec.totalId} >= ${t.minTotal} ? ${str(t.id)} : ${tier})`;
  expressions.push({ id: "tier", key: "tier", value: tier });
  const position = { x: 0, y: 0 };
  return {
    nodes: [
      { id: "in", type: "inputNode", name: "Lead", position },
      { id: "score", type: "expressionNode", name: "Score", position, content: { expressions } },
      { id: "out", type: "outputNode", name: "Result", position },
    ],
    edges: [
      { id: "e1", sourceId: "in", targetId: "score", type: "edge" },
      { id: "e2", sourceId: "score", targetId: "out", type: "edge" },
    ],
  };
}

/** @gorules/zen-engine. */
export const zenContender: Contender = {
  id: "zen-engine",
  label: "@gorules/zen-engine",
  notes: "one decision graph with an expression node (group sums, min() caps, total, tier); `!= null` guards; awaited per lead",
  async prepare(workload) {
    const zen = loadZen();
    const engine = new zen.ZenEngine();
    const decision = engine.createDecision(zenDecisionContent(workload.spec));
    const totalId = workload.spec.totalId;
    const run = async (lead: Lead): Promise<Outcome> => {
      const response = await decision.evaluate(lead);
      const result = response.result as Record<string, unknown>;
      return { tier: result["tier"] as string, total: result[totalId] as number };
    };
    return { mode: "async", run, ...outcomeReaders };
  },
};
