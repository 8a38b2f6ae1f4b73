import type { EvaluationResult, InputField } from "@qualify/ir";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { Dice, NOW, randomLead, randomModel, randomValue } from "./generators.js";
import { Reference } from "./reference-interpreter.js";

/*
 * The outlook (`ranges`, `possibleTiers`, `questions`) promises what the
 * missing data could still change. The oracle: fill the lead's missing
 * fields with values, evaluate the filled lead with the reference
 * interpreter, and check that what it gets was foreseen.
 */

const RUNS = { numRuns: 150, seed: 20261206 };

function own(container: unknown, key: string): unknown {
  return typeof container === "object" && container !== null && Object.keys(container).includes(key)
    ? (container as Record<string, unknown>)[key]
    : undefined;
}

function put(container: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Fills, in place, missing fields whose dotted path (`activities.at` for
 * element fields) `fill` accepts. A field with a default is never missing
 * (its default applies), so it stays absent; an absent record is created and
 * its fields filled in turn (left out ones read as missing, as before).
 */
function complete(fields: readonly InputField[], container: Record<string, unknown>, prefix: string, d: Dice, fill: (path: string) => boolean, chance: number): void {
  for (const f of fields) {
    const path = prefix === "" ? f.name : `${prefix}.${f.name}`;
    let value = own(container, f.name);
    const type = f.type;
    if (value === undefined || value === null) {
      if (f.default !== undefined) continue;
      if (type.kind === "record") {
        value = {};
        put(container, f.name, value);
      } else {
        if (!(fill(path) && d.chance(chance))) continue;
        // A new value may hold missing fields of its own (an element's optional fields): they are filled too.
        value = randomValue(type, d);
        put(container, f.name, value);
      }
    }
    if (type.kind === "record") complete(type.fields, value as Record<string, unknown>, path, d, fill, chance);
    if (type.kind === "list" && type.element.kind === "record") {
      const elementFields = type.element.fields;
      for (const element of value as Record<string, unknown>[]) complete(elementFields, element, path, d, fill, chance);
    }
  }
}

function filled(lead: Record<string, unknown>, fields: readonly InputField[], d: Dice, fill: (path: string) => boolean, chance: number): unknown {
  const copy = structuredClone(lead);
  complete(fields, copy, "", d, fill, chance);
  return copy;
}

/** The reference's scores and tier for a filled lead must lie within what the outlook foresaw. */
function expectForeseen(outlook: EvaluationResult, lead: unknown, reference: Reference): void {
  const result = reference.full();
  expect(outlook.possibleTiers, JSON.stringify(lead)).toContain(result.tier);
  for (const [id, value] of Object.entries(result.scores)) {
    const range = outlook.ranges[id];
    if (range === undefined) throw new Error(`no range for ${id}`);
    const where = `${id} = ${String(value)} in ${JSON.stringify(range)} for ${JSON.stringify(lead)}`;
    if (value === null) {
      expect(range.unknown, where).toBe(true);
    } else {
      expect(range.min, where).not.toBeNull();
      expect(value, where).toBeGreaterThanOrEqual(range.min as number);
      expect(value, where).toBeLessThanOrEqual(range.max as number);
    }
  }
}

describe("the outlook of a result", () => {
  it.each([
    ["models of every shape", false],
    ["models with a list of records (events)", true],
  ])("foresees every score and tier a filled-in lead gets, and each question's tiers: %s", (_name, events) => {
    let asked = 0;
    let decided = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomModel(seed, { events });
        const model = compile(ir);
        const d = new Dice(seed * 11 + 3);
        for (let i = 0; i < 4; i++) {
          const lead = randomLead(ir.inputs, d);
          const outlook = model.evaluate(lead, { now: NOW });
          expect(outlook.possibleTiers).toContain(outlook.tier);
          for (let k = 0; k < 3; k++) {
            const completed = filled(lead, ir.inputs, d, () => true, 1);
            expectForeseen(outlook, completed, new Reference(ir, completed, NOW));
          }
          for (const question of outlook.questions) {
            asked++;
            if (question.decides) decided++;
            expect(question.decides).toBe(question.tiers.some((t) => t !== outlook.tier));
            for (let k = 0; k < 2; k++) {
              const answered = filled(lead, ir.inputs, d, (path) => path === question.field, 1);
              const tier = new Reference(ir, answered, NOW).full().tier;
              expect(question.tiers, `${question.field} answered in ${JSON.stringify(answered)}`).toContain(tier);
            }
          }
        }
      }),
      RUNS,
    );
    // Questions, deciding ones among them, must be common, or the property would prove little.
    expect(asked).toBeGreaterThan(100);
    expect(decided).toBeGreaterThan(10);
  });

  it("is exact when nothing is missing: each range is the score, the only possible tier is the tier", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = randomModel(seed);
        const model = compile(ir);
        const d = new Dice(seed * 5 + 1);
        const lead = filled(randomLead(ir.inputs, d), ir.inputs, new Dice(seed), () => true, 1);
        const result = model.evaluate(lead, { now: NOW });
        if (result.questions.length > 0) return;
        expect(result.possibleTiers).toEqual([result.tier]);
        for (const [id, value] of Object.entries(result.scores)) {
          expect(result.ranges[id]).toEqual(value === null ? { min: null, max: null, unknown: true } : { min: value, max: value });
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
