import { compile } from "../packages/compiler/src/index.js";
import type { ModelIR } from "../packages/ir/src/index.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dice, NOW, randomLead, randomModel } from "../packages/compiler/test/generators.js";
import { UnknownAnalysis } from "../packages/qualify/src/fixtures/can-be-unknown.js";
import { analyze } from "../packages/language/src/index.js";

// Coverage asks fixtures for an unknown outcome only where UnknownAnalysis
// says one can happen. It must never say "cannot" where the evaluator gives
// unknown (coverage would hide a real gap), and it must not ask for
// outcomes no lead can produce (the two cases below were reported by users).

/** Leads with optional fields left out, present, or null, so unknowns are common. */
function leads(ir: ModelIR, seed: number, count: number): Record<string, unknown>[] {
  const d = new Dice(seed);
  return Array.from({ length: count }, () => randomLead(ir.inputs, d));
}

describe("UnknownAnalysis, which decides the unknown outcomes coverage asks for", () => {
  it("says a criterion can be unknown whenever the evaluator gives unknown for it (generated models and leads)", () => {
    let unknownSeen = 0;
    let settled = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomModel(seed, { events: seed % 3 === 0 });
        const model = compile(ir);
        const analysis = new UnknownAnalysis(ir);
        const mayBeUnknown = new Map(ir.criteria.map((c) => [c.id, analysis.canBeUnknown(c.expr)]));
        settled += [...mayBeUnknown.values()].filter((v) => !v).length;
        for (const lead of leads(ir, seed, 12)) {
          const result = model.evaluate(lead, { now: NOW });
          for (const [id, value] of Object.entries(result.criteria)) {
            if (value !== null) continue;
            unknownSeen++;
            expect({ seed, criterion: id, lead, analysisSaysUnknownPossible: mayBeUnknown.get(id) }).toMatchObject({ analysisSaysUnknownPossible: true });
          }
        }
      }),
      { numRuns: 300, seed: 20261206 },
    );
    // Both sides must be common, or the property would prove little.
    expect(unknownSeen).toBeGreaterThan(100);
    expect(settled).toBeGreaterThan(50);
  });

  it("knows a guarded field and a division by a constant cannot be unknown", () => {
    const { ir } = analyze(`model m "M"
input {
  domain: text?
  seconds: number = 0
  visits: number?
}
criterion business "Business" = domain is present and not (domain in ["gmail.com", "yahoo.com"])
criterion either   "Either"   = domain is missing or domain ends with ".com"
criterion long     "Long"     = round(min(seconds, 1500) / 60) > 5
criterion ratio    "Ratio"    = seconds / visits > 1
criterion bare     "Bare"     = domain ends with ".com"
tier t "T" otherwise
`);
    expect(ir).toBeDefined();
    const analysis = new UnknownAnalysis(ir as ModelIR);
    const says = Object.fromEntries((ir as ModelIR).criteria.map((c) => [c.id, analysis.canBeUnknown(c.expr)]));
    expect(says).toEqual({ business: false, either: false, long: false, ratio: true, bare: true });
  });
});
