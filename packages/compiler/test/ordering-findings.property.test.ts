import { findOrderingMistakes } from "@qualify/language";
import type { OrderingFinding } from "@qualify/language";
import type { EvaluationResult, ModelIR } from "@qualify/ir";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { Dice, NOW, randomLead, randomModel } from "./generators.js";

/*
 * The checker's ordering warnings (QUAL412-415) claim things about every
 * possible lead: a tier is never chosen, a condition is never true, a
 * knockout never fires alone. The oracle is the evaluator on many leads:
 * no lead may contradict a claim. Models are generated, then given
 * declarations built to trip each check, so that the claims are common.
 */

const RUNS = { numRuns: 120, seed: 20261206 };

/** Adds a knockout, a rule and tiers that repeat or narrow the model's own conditions. */
function withLikelyMistakes(ir: ModelIR, d: Dice): ModelIR {
  const conditions = [...ir.criteria.map((c) => c.expr), ...ir.tiers.flatMap((t) => (t.when ? [t.when] : []))].filter((e) => e.type.kind === "bool");
  if (conditions.length === 0) return ir;
  const a = d.pick(conditions);
  const b = d.pick(conditions);
  const both = { kind: "and", left: a, right: b, type: { kind: "bool" } } as const;
  const either = { kind: "or", left: a, right: b, type: { kind: "bool" } } as const;
  const contradiction = { kind: "and", left: a, right: { kind: "not", operand: a, type: { kind: "bool" } }, type: { kind: "bool" } } as const;
  const last = ir.tiers[ir.tiers.length - 1];
  const tiers = ir.tiers.slice(0, -1);
  return {
    ...ir,
    criteria: [...ir.criteria, { id: "never_c", label: "Never", expr: contradiction }],
    disqualify: [...ir.disqualify, { reason: "K wide", when: either }, { reason: "K narrow", when: both }, { reason: "K again", when: both }],
    tiers: [...tiers, { id: "wide_t", label: "Wide", when: either }, { id: "narrow_t", label: "Narrow", when: both }, ...(last ? [last] : [])],
    order: [...ir.order, "never_c"],
  };
}

/** Whether one evaluation contradicts a finding. */
function contradicts(finding: OrderingFinding, result: EvaluationResult): boolean {
  switch (finding.kind) {
    case "neverTrue": {
      const ref = finding.declaration;
      if (ref.kind === "criterion") return result.criteria[ref.id] === true;
      if (ref.kind === "rule") return result.reasons.some((r) => r.score === ref.score && r.rule === ref.label);
      if (ref.kind === "knockout") return result.disqualified.includes(ref.reason);
      return result.tier === ref.id;
    }
    case "shadowedTier":
      return result.tier === finding.tier;
    case "coveredKnockout":
      return result.disqualified.includes(finding.reason) && !result.disqualified.includes(finding.covering);
    case "duplicateKnockout":
      return result.disqualified.includes(finding.reason) !== result.disqualified.includes(finding.first);
    case "duplicateRule":
    case "invertedBetween":
      return false;
  }
}

describe("the checker's ordering findings", () => {
  it("hold for every lead the evaluator is given", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, events) => {
        const d = new Dice(seed * 7 + 1);
        const ir = withLikelyMistakes(randomModel(seed, { events }), d);
        const findings = findOrderingMistakes(ir);
        for (const f of findings) seen.set(f.kind, (seen.get(f.kind) ?? 0) + 1);
        if (findings.length === 0) return;
        const model = compile(ir);
        for (let i = 0; i < 25; i++) {
          const lead = randomLead(ir.inputs, d);
          const result = model.evaluate(lead, { now: NOW });
          for (const f of findings) expect(contradicts(f, result), `${JSON.stringify(f, ["kind", "tier", "earlier", "reason", "covering", "first", "what"])} for ${JSON.stringify(lead)}`).toBe(false);
        }
      }),
      RUNS,
    );
    // Each claim must come up often enough for the property to mean something.
    for (const kind of ["neverTrue", "shadowedTier", "coveredKnockout", "duplicateKnockout"]) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(20);
  });
});
