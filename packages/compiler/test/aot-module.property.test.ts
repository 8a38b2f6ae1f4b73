import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyze } from "@qualify/language";
import type { ModelIR } from "@qualify/ir";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compile, writeModule } from "../src/index.js";
import { Dice, mutateLead, NOW, randomLead, randomModel } from "./generators.js";
import type { explained } from "./reference-interpreter.js";
import { Reference } from "./reference-interpreter.js";

/*
 * The ahead-of-time module, written to a temporary directory and imported for
 * real, gives the closures' results and the reference interpreter's on
 * generated models and leads: valid leads (the generated fast path), invalid
 * ones with validation off (handed to the closures), and models with lists of
 * records (aggregates over events). `evaluate` is the closures' own full path
 * (see writeModule), so it is compared with the closures exactly; the
 * closures' full path is checked against the reference in
 * evaluator.property.test.ts.
 */

const RUNTIME = pathToFileURL(fileURLToPath(new URL("../src/aot/runtime.ts", import.meta.url))).href;
const dir = mkdtempSync(join(tmpdir(), "qualify-aot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface AotModule {
  score(lead: unknown, options?: unknown): unknown;
  evaluate(lead: unknown, options?: unknown): Parameters<typeof explained>[0];
  validate(lead: unknown): unknown;
}

let written = 0;
/**
 * Writes the model's module to a file and imports it. `strict` makes every
 * hand-over to the closures throw, to show that valid leads never need them.
 */
async function importModule(ir: ModelIR, strict = false): Promise<AotModule> {
  const file = join(dir, `model-${written++}.mjs`);
  let code = writeModule(ir, { runtimeImport: RUNTIME });
  if (strict) code = code.replaceAll("return model.score(lead, rt.optionsOf(given, validate));", 'throw new Error("handed to the closures");');
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as AotModule;
}

// 1352352664: a rule whose points fold to an overflowing decay was missing from `unknown`.
const RUNS = { numRuns: 120, seed: 20261206, examples: [[1352352664]] as [number][] };
const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe("the ahead-of-time module agrees with the closures and the reference interpreter", () => {
  it("on valid leads: score (generated code, never handed to the closures), evaluate and validate", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const ir = randomModel(seed);
        const aot = await importModule(ir, true);
        const closures = compile(ir);
        const d = new Dice(seed * 7 + 1);
        for (let i = 0; i < 6; i++) {
          const lead = randomLead(ir.inputs, d, true);
          const reference = new Reference(ir, lead, NOW);
          expect(aot.score(lead, { now: NOW })).toEqual(reference.fast());
          expect(aot.score(lead, { now: NOW })).toEqual(closures.score(lead, { now: NOW }));
          expect(aot.evaluate(lead, { now: NOW })).toEqual(closures.evaluate(lead, { now: NOW }));
          expect(aot.validate(lead)).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it("on models with lists of records, and on invalid leads with validation off", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const ir = randomModel(seed, { events: true });
        const aot = await importModule(ir);
        const closures = compile(ir);
        const d = new Dice(seed * 3 + 2);
        for (let i = 0; i < 6; i++) {
          const lead = i % 3 === 2 ? mutateLead(randomLead(ir.inputs, d), ir.inputs, d) : randomLead(ir.inputs, d, true);
          const reference = new Reference(ir, lead, NOW);
          const options = { now: NOW, validate: false };
          expect(aot.score(lead, options)).toEqual(reference.fast());
          expect(aot.score(lead, options)).toEqual(closures.score(lead, options));
          expect(aot.evaluate(lead, options)).toEqual(closures.evaluate(lead, options));
          expect(aot.validate(lead)).toEqual(closures.validate(lead));
        }
      }),
      RUNS,
    );
  });

  it("throws the closures' errors on invalid leads with validation on", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const ir = randomModel(seed);
        const aot = await importModule(ir);
        const closures = compile(ir);
        const d = new Dice(seed * 13 + 5);
        const lead = mutateLead(randomLead(ir.inputs, d), ir.inputs, d);
        const outcome = (run: () => unknown): unknown => {
          try {
            return run();
          } catch (error) {
            return { error: (error as Error).name, message: (error as Error).message };
          }
        };
        expect(outcome(() => aot.score(lead, { now: NOW }))).toEqual(outcome(() => closures.score(lead, { now: NOW })));
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});

const EXAMPLES = fileURLToPath(new URL("../../../examples", import.meta.url));

describe("the ahead-of-time module of every example model", () => {
  for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith(".qual"))) {
    it(`${name}: scores its fixture leads as the closures do`, async () => {
      const ir = analyze(readFileSync(join(EXAMPLES, name), "utf8")).ir as ModelIR;
      const aot = await importModule(ir);
      const closures = compile(ir);
      const fixtures = readFileSync(join(EXAMPLES, name.replace(/\.qual$/, ".test.yaml")), "utf8");
      const { parse } = await import("yaml");
      const doc = parse(fixtures) as { now?: string; cases: { lead: unknown; now?: string }[] };
      let compared = 0;
      for (const c of doc.cases) {
        const options = { now: c.now ?? doc.now ?? "2026-11-01", validate: false };
        expect(aot.score(c.lead, options)).toEqual(closures.score(c.lead, options));
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});
