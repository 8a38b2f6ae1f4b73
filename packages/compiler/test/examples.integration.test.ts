import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "@qualify/language";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { compile, InvalidLeadError, loadIR, saveIR } from "../src/index.js";
import { explained, Reference } from "./reference-interpreter.js";

/*
 * The repository's example models, checked by the real checker: their IR
 * compiles, survives saveIR/loadIR, and evaluates every fixture lead exactly
 * as the reference interpreter does, meeting the fixture's expectations.
 */

const EXAMPLES = fileURLToPath(new URL("../../../examples", import.meta.url));

interface Fixture {
  now?: string;
  cases: { name: string; lead: unknown; now?: string; error?: boolean; expect?: { tier?: string; scores?: Record<string, number | null>; criteria?: Record<string, boolean | null>; unknown?: string[]; disqualified?: string[] } }[];
}

const models = readdirSync(EXAMPLES).filter((name) => name.endsWith(".qual"));

describe("the example models", () => {
  it("are there to test", () => {
    expect(models.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of models) {
    it(`${name}: compiles, round-trips, and agrees with the reference on its fixtures`, () => {
      const source = readFileSync(join(EXAMPLES, name), "utf8");
      const analyzed = analyze(source);
      expect(analyzed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const ir = analyzed.ir;
      if (ir === undefined) throw new Error(`${name} produced no IR`);
      const model = compile(ir);
      expect(compile(loadIR(saveIR(ir))).id).toBe(ir.id);

      const fixturePath = join(EXAMPLES, name.replace(/\.qual$/, ".test.yaml"));
      const fixture = parseYaml(readFileSync(fixturePath, "utf8")) as Fixture;
      expect(fixture.cases.length).toBeGreaterThan(0);
      for (const c of fixture.cases) {
        const now = Date.parse(String(c.now ?? fixture.now ?? "2026-11-01"));
        if (c.error === true) {
          expect(() => model.evaluate(c.lead, { now }), c.name).toThrow(InvalidLeadError);
          continue;
        }
        const result = model.evaluate(c.lead, { now });
        expect(explained(result), c.name).toEqual(new Reference(ir, c.lead, now).full());
        expect(model.score(c.lead, { now }), c.name).toEqual({ tier: result.tier, scores: result.scores });
        if (c.expect?.tier !== undefined) expect(result.tier, c.name).toBe(c.expect.tier);
        for (const [score, value] of Object.entries(c.expect?.scores ?? {})) {
          if (value === null) expect(result.scores[score], c.name).toBeNull();
          else expect(result.scores[score], c.name).toBeCloseTo(value, 9);
        }
        for (const [criterion, value] of Object.entries(c.expect?.criteria ?? {})) expect(result.criteria[criterion], c.name).toBe(value);
        if (c.expect?.unknown !== undefined) expect(new Set(result.unknown.map((u) => u.id)), c.name).toEqual(new Set(c.expect.unknown));
        if (c.expect?.disqualified !== undefined) expect(new Set(result.disqualified), c.name).toEqual(new Set(c.expect.disqualified));
      }
    });
  }
});
