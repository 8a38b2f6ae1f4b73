import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { Dice, mutateLead, NOW, randomLead, randomModel } from "./generators.js";
import { explained, Reference } from "./reference-interpreter.js";

// 1352352664: a rule whose points fold to an overflowing decay was missing from `unknown`.
const RUNS = { numRuns: 200, seed: 20261101, examples: [[1352352664]] as [number][] };

describe("the compiled evaluator agrees with the reference interpreter", () => {
  it("on valid leads: tier, scores, criteria, raw, reasons and unknown with missing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomModel(seed);
        const model = compile(ir);
        const d = new Dice(seed * 7 + 1);
        for (let i = 0; i < 6; i++) {
          const lead = randomLead(ir.inputs, d, true);
          const reference = new Reference(ir, lead, NOW);
          expect(explained(model.evaluate(lead, { now: NOW }))).toEqual(reference.full());
          expect(model.score(lead, { now: NOW })).toEqual(reference.fast());
        }
      }),
      RUNS,
    );
  });

  it("on models with a list of records: aggregates, element reads and their missing fields", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomModel(seed, { events: true });
        const model = compile(ir);
        const d = new Dice(seed * 3 + 2);
        for (let i = 0; i < 6; i++) {
          const lead = i % 3 === 2 ? mutateLead(randomLead(ir.inputs, d), ir.inputs, d) : randomLead(ir.inputs, d, true);
          const reference = new Reference(ir, lead, NOW);
          expect(explained(model.evaluate(lead, { now: NOW, validate: false }))).toEqual(reference.full());
          expect(model.score(lead, { now: NOW, validate: false })).toEqual(reference.fast());
        }
      }),
      RUNS,
    );
  });

  it("on invalid leads with validation off: wrong values read as unknown, nothing throws", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomModel(seed);
        const model = compile(ir);
        const d = new Dice(seed * 13 + 5);
        for (let i = 0; i < 6; i++) {
          const lead = mutateLead(randomLead(ir.inputs, d), ir.inputs, d);
          const reference = new Reference(ir, lead, NOW);
          expect(explained(model.evaluate(lead, { now: NOW, validate: false }))).toEqual(reference.full());
          expect(model.score(lead, { now: NOW, validate: false })).toEqual(reference.fast());
        }
      }),
      RUNS,
    );
  });

  it("never puts NaN or Infinity in a result", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomModel(seed);
        const model = compile(ir);
        const d = new Dice(seed);
        const result = model.evaluate(randomLead(ir.inputs, d), { now: NOW });
        const numbers = [...Object.values(result.scores), ...Object.values(result.raw), ...result.reasons.map((r) => r.points)];
        for (const n of numbers) if (n !== null) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
