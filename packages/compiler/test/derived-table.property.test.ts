import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { Dice, mutateLead, NOW, randomLead, randomMethodologyModel } from "./generators.js";
import { explained, Reference } from "./reference-interpreter.js";

const RUNS = { numRuns: 300, seed: 20261207 };

describe("models whose tiers are logic over a few criteria (looked up in a table) agree with the reference interpreter", () => {
  it("on valid leads: the fast path and the full path", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomMethodologyModel(seed);
        const model = compile(ir);
        const d = new Dice(seed * 5 + 3);
        for (let i = 0; i < 8; i++) {
          const lead = randomLead(ir.inputs, d, true);
          const reference = new Reference(ir, lead, NOW);
          expect(model.score(lead, { now: NOW })).toEqual(reference.fast());
          expect(explained(model.evaluate(lead, { now: NOW }))).toEqual(reference.full());
          // The fast path again after the full one: the reused frame must not leak the full path's slots.
          expect(model.score(lead, { now: NOW })).toEqual(reference.fast());
        }
      }),
      RUNS,
    );
  });

  it("on invalid leads with validation off", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomMethodologyModel(seed);
        const model = compile(ir);
        const d = new Dice(seed * 11 + 7);
        for (let i = 0; i < 8; i++) {
          const lead = mutateLead(randomLead(ir.inputs, d), ir.inputs, d);
          const reference = new Reference(ir, lead, NOW);
          expect(model.score(lead, { now: NOW, validate: false })).toEqual(reference.fast());
          expect(explained(model.evaluate(lead, { now: NOW, validate: false }))).toEqual(reference.full());
        }
      }),
      RUNS,
    );
  });
});
