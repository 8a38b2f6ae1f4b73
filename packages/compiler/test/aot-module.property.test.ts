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
import { Dice, mutateLead, NOW, randomLead, randomMethodologyModel, randomModel } from "./generators.js";
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

  it("on methodology models, whose tiers and scores it looks up in the closures' table, on valid and invalid leads", async () => {
    let tabulated = 0;
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const ir = randomMethodologyModel(seed);
        if (writeModule(ir, { runtimeImport: RUNTIME }).includes("const TIERS")) tabulated++;
        const aot = await importModule(ir, true);
        const loose = await importModule(ir);
        const closures = compile(ir);
        const d = new Dice(seed * 17 + 3);
        for (let i = 0; i < 6; i++) {
          const lead = randomLead(ir.inputs, d, true);
          expect(aot.score(lead, { now: NOW })).toEqual(new Reference(ir, lead, NOW).fast());
          expect(aot.score(lead, { now: NOW })).toEqual(closures.score(lead, { now: NOW }));
          const bad = mutateLead(randomLead(ir.inputs, d), ir.inputs, d);
          const options = { now: NOW, validate: false };
          expect(loose.score(bad, options)).toEqual(new Reference(ir, bad, NOW).fast());
        }
      }),
      RUNS,
    );
    // Most of these models are tabulated; the lookup must have been written, not only the general code.
    expect(tabulated).toBeGreaterThan(RUNS.numRuns / 2);
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

describe("the ahead-of-time module reads only own enumerable properties, as the closures do", () => {
  const bant = `model bant "BANT"
input {
  budget_usd: number?
  role: text?
  pains: list of text
  timeline_days: number?
}
const deciders = ["CEO", "CFO", "COO", "VP", "Director", "Owner"]
criterion budget "Budget" = budget_usd >= 10_000
criterion authority "Authority" = role in deciders
criterion need "Need" = count(pains) > 0
criterion timing "Timing" = timeline_days <= 90
score met "Met" = count of (budget, authority, need, timing)
tier sql "S" when at least 3 of (budget, authority, need, timing)
tier mql "M" when at least 2 of (budget, authority, need, timing)
tier cold "C" otherwise
`;
  // More fields than the per-key own check covers: the module checks once that the lead is plain data.
  const wide = `model wide "Wide"
input {
${Array.from({ length: 12 }, (_, i) => `  n${i}: number?`).join("\n")}
  role: text?
}
score total "Total" {
${Array.from({ length: 12 }, (_, i) => `  "N${i}": +${i + 1} when n${i} > 5`).join("\n")}
  "Role": +50 when role in ["CEO", "CFO"]
}
tier sql "Hot" when total >= 50
tier cold "Cold" otherwise
`;

  /** Leads whose declared names are inherited, non-enumerable, or both, beside plain ones. */
  function trickyLeads(): unknown[] {
    const inherited = Object.create({ budget_usd: 50_000, role: "CEO", n1: 9 }) as Record<string, unknown>;
    inherited["pains"] = ["cost"];
    inherited["timeline_days"] = 30;
    const hidden: Record<string, unknown> = { pains: ["cost"], n2: 8 };
    Object.defineProperty(hidden, "budget_usd", { value: 50_000, enumerable: false });
    Object.defineProperty(hidden, "role", { value: "CFO", enumerable: false });
    const both = Object.create({ role: "CEO" }) as Record<string, unknown>;
    Object.defineProperty(both, "role", { value: "Owner", enumerable: false });
    both["pains"] = [];
    class Lead {
      budget_usd = 20_000;
      pains = ["speed"];
      n3 = 7;
      get role(): string {
        return "VP";
      }
    }
    return [inherited, hidden, both, new Lead(), { budget_usd: 20_000, role: "vp", pains: ["a"], timeline_days: 10, n4: 6, role2: "x" }];
  }

  for (const [name, source] of [["bant", bant], ["wide", wide]] as const) {
    it(`${name}: every tricky lead scores as with the closures`, async () => {
      const ir = analyze(source).ir as ModelIR;
      const aot = await importModule(ir);
      const closures = compile(ir);
      for (const lead of trickyLeads()) {
        const options = { now: NOW, validate: false };
        expect(aot.score(lead, options)).toEqual(closures.score(lead, options));
      }
    });

    it(`${name}: a polluted Object.prototype is not read`, async () => {
      const ir = analyze(source).ir as ModelIR;
      const aot = await importModule(ir);
      const closures = compile(ir);
      const proto = Object.prototype as Record<string, unknown>;
      const lead = { pains: ["cost"], n0: 1 };
      try {
        proto["budget_usd"] = 90_000;
        proto["role"] = "CEO";
        proto["n5"] = 100;
        const options = { now: NOW, validate: false };
        const expected = closures.score(lead, options);
        expect(aot.score(lead, options)).toEqual(expected);
        expect(JSON.stringify(expected)).not.toContain("sql");
      } finally {
        delete proto["budget_usd"];
        delete proto["role"];
        delete proto["n5"];
      }
    });
  }
});
