import fc from "fast-check";
import { expect } from "vitest";
import { compile } from "@qualify/compiler";
import { Dice, NOW, randomLead, randomModel } from "../../compiler/test/generators.js";
import type { Engine } from "./engines.js";
import { closureRow, expectSameRow } from "./engines.js";

/**
 * The property both engines are held to: on generated models (with and
 * without lists of records) and generated valid leads (missing values,
 * defaults, nested records, lists, dates and timestamps with zones, edge
 * numbers), every row the engine gives equals the closures' result.
 */
export async function assertAgreement(engine: Engine, runs: number, seed: number, events: boolean): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (modelSeed) => {
      const ir = randomModel(modelSeed, { events });
      const model = compile(ir);
      const d = new Dice(modelSeed * 7 + 3);
      const leads = Array.from({ length: 8 }, () => randomLead(ir.inputs, d));
      const rows = await engine.score(ir, leads, NOW);
      leads.forEach((lead, i) => expectSameRow(rows[i], closureRow(ir, model.evaluate(lead, { now: NOW })), `lead ${i}: ${JSON.stringify(lead)}`));
    }),
    { numRuns: runs, seed },
  );
}
